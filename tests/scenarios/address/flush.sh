# ip address flush: filters, rounds, reports
sysctl -qw net.ipv6.conf.default.accept_dad=0
sysctl -qw net.ipv6.conf.all.accept_dad=0
$IP link set lo up
$IP link add ifb0 address 02:00:00:00:00:1f type ifb
$IP link add ifb1 address 02:00:00:00:00:2f type ifb
ip addr add 192.0.2.1/24 dev ifb0
ip addr add 192.0.2.2/24 dev ifb0
ip addr add 192.0.2.3/24 dev ifb0
ip addr add 198.51.100.1/24 label ifb0:x dev ifb0
ip addr add 2001:db8::1/64 nodad dev ifb0
ip addr add 203.0.113.1/24 dev ifb1
ip addr add 203.0.113.2/24 scope link dev ifb1
ip addr flush dev ifb0 secondary
ip addr
ip -s addr flush dev ifb0 label ifb0:x
ip -s -s addr flush dev ifb1 scope link
ip -s addr flush dev ifb1 scope link
ip addr
ip addr add 192.0.2.2/24 dev ifb0
ip addr add 192.0.2.3/24 dev ifb0
ip -s addr flush dev ifb0 primary
ip addr show dev ifb0
ip addr add 192.0.2.1/24 dev ifb0
ip addr add 192.0.2.4/24 dev ifb0
ip -s -s addr flush dev ifb0
ip addr
ip addr add 192.0.2.1/24 dev ifb0
ip addr add 2001:db8::1/64 nodad dev ifb0
ip -6 addr flush dev ifb0
ip addr show dev ifb0
ip addr add 2001:db8::1/64 nodad dev ifb0
ip -s addr flush to 192.0.2.0/24
ip -s addr flush to 2001:db8::/32
ip addr add 203.0.113.1/24 dev ifb1
ip -s addr f ifb1
ip -s addr flush dev ifb1
ip addr add 192.0.2.1/24 dev ifb0
ip addr add 203.0.113.1/24 dev ifb1
ip -s addr flush label 'ifb*'
ip addr add 192.0.2.1/24 dev ifb0
ip addr flush scope global
ip addr
ip -l 1 addr flush dev lo
ip addr add 192.0.2.1/24 dev ifb0
ip addr add 192.0.2.2/24 dev ifb0
ip addr add 192.0.2.3/24 dev ifb0
ip -l 1 -s addr flush dev ifb0
ip addr add 192.0.2.1/24 dev ifb0
ip -j -s addr flush dev ifb0
ip addr flush up
ip addr
setpriv --reuid=65534 --clear-groups ip addr flush dev lo
setpriv --reuid=65534 --clear-groups ip -s addr flush dev lo
for i in $(seq 1 120); do ip addr add 10.0.$i.1/24 dev ifb1 || break; done
ip -o addr show dev ifb1 | wc -l
setpriv --reuid=65534 --clear-groups ip addr flush dev ifb1
setpriv --reuid=65534 --clear-groups ip -s addr flush to 10.0.0.0/8
ip -s addr flush to 10.0.0.0/8
ip -s addr flush dev ifb1
