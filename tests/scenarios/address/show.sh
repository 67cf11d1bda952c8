# ip address show in every output mode and with every filter, over
# addresses added by the command under test
sysctl -qw net.ipv6.conf.default.accept_dad=0
sysctl -qw net.ipv6.conf.all.accept_dad=0
$IP link set lo up
$IP link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
$IP link add ifb0 address 02:00:00:00:00:1f type ifb
$IP link add ifb1 address 02:00:00:00:00:2f type ifb
$IP link add br0 address 02:00:00:00:00:b0 type bridge
$IP link set vb master br0
$IP link set ifb1 group 7
ip addr add 192.0.2.1/24 dev va
ip addr add 192.0.2.9/24 dev va
ip addr add 192.0.2.10 peer 192.0.2.11/32 dev ifb0
ip addr add 198.51.100.1/24 metric 55 noprefixroute dev ifb0
ip addr add 172.17.0.2/16 label ifb0:web dev ifb0
ip addr add 203.0.113.7/24 brd + scope link dev ifb0
ip addr add 203.0.113.8/24 anycast 203.0.113.9 scope 100 dev ifb0
ip addr add 2001:db8::1/64 nodad dev va
ip addr add 2001:db8:3::1/64 nodad home mngtmpaddr dev ifb0
ip addr add 198.51.100.77/24 dev ifb1
$IP link set va up
$IP link set vb up
ip addr
ip address
ip a
ip addr show
ip addr list
ip addr lst
ip addr s
ip a l
ip -4 addr
ip -6 addr
ip -f inet addr
ip -f inet6 addr show dev va
ip -0 addr
ip -o addr
ip -o -4 addr
ip -o -6 addr
ip -br addr
ip -br -4 addr
ip -br -6 addr
ip -br -o addr
ip -br -0 addr
ip -j addr
ip -j -p addr
ip -j -4 addr
ip -j -6 -p addr
ip -j -br addr
ip -j -o addr
ip -c addr
ip -c -br addr
ip -c -o addr
ip -N addr
ip -s addr show dev ifb0
ip -s -s addr show dev ifb1
ip -s addr show dev lo
ip -s -6 addr show dev lo
ip -j -s addr show dev ifb0
ip -s -br addr show dev ifb0
ip -s -o addr show dev ifb0
ip addr show dev va
ip addr show va
ip addr show dev lo
ip addr show dev ifb1
ip -4 addr show dev ifb1
ip -6 addr show dev ifb1
ip addr show up
ip -j addr show up
ip -br addr show up
ip addr show scope global
ip addr show scope link
ip addr show scope host
ip addr show scope 100
ip addr show scope all
ip -j addr show scope host
ip addr show to 192.0.2.0/24
ip addr show to 192.0.2.9
ip addr show to 2001:db8::/32
ip addr show to 198.51.100.0/255.255.255.0
ip addr show to default
ip -4 addr show to 2001:db8::/32
ip addr show label ifb0:web
ip addr show label 'ifb0*'
ip addr show label 'v?'
ip -o addr show label 'ifb0*'
ip -j addr show label 'ifb0*'
ip addr show secondary
ip addr show primary
ip addr show dynamic
ip addr show permanent
ip addr show -secondary
ip addr show -permanent
ip addr show nodad
ip addr show home
ip addr show mngtmpaddr
ip addr show noprefixroute
ip addr show tentative
ip addr show -tentative
ip addr show deprecated
ip addr show temporary
ip -4 addr show secondary
ip -6 addr show dynamic
ip addr show master br0
ip addr show nomaster
ip addr show type veth
ip addr show type bridge
ip addr show type bridge_slave
ip addr show group 7
ip addr show group default
ip -o addr show group 7
ip addr show dev va scope global primary
ip addr show va up
ip -o -j addr show dev va
ip addr add 198.51.100.78/24 valid_lft 4000 preferred_lft 3000 dev ifb1
ip addr add 2001:db8:2::1/64 valid_lft 3000 preferred_lft 2000 nodad dev va
ip addr show dynamic | sed 's/[0-9]*sec/Nsec/g'
ip addr show dev ifb1 | sed 's/[0-9]*sec/Nsec/g'
ip -o addr show dynamic | sed 's/[0-9]*sec/Nsec/g'
ip -j addr show dynamic | sed 's/_time":[0-9]*/_time":N/g'
ip addr show permanent
ip -6 addr show -dynamic
# Lifetimes tick: under load a second can pass between the add and a later
# show in one run and not in the other, so the two are gone before the
# listings that do not mask them.
ip addr del 198.51.100.78/24 dev ifb1
ip addr del 2001:db8:2::1/64 dev va
ip -r addr
ip -r -j addr show dev lo
ip -r -br addr
ip -r -o addr show dev lo
ip -d addr show dev va
ip -d addr show dev ifb0
ip -d -j addr show dev ifb0
ip -d -br addr
ip -d -o -4 addr
ip -h -s addr show dev lo
ip -iec -s -j addr show dev lo
ip addr show dev if1
ip addr show if3
ip -6 -o addr show type veth
ip -4 addr show nomaster up
