# ip address add / change / replace / delete, IPv4 and IPv6, every option
sysctl -qw net.ipv6.conf.default.accept_dad=0
sysctl -qw net.ipv6.conf.all.accept_dad=0
$IP link add ifb0 address 02:00:00:00:00:1f type ifb
$IP link add ifb1 address 02:00:00:00:00:2f type ifb
$IP link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
ip addr add 192.0.2.1/24 dev ifb0
ip addr add 192.0.2.2/24 brd + dev ifb0
ip addr add 192.0.2.3/24 brd - dev ifb0
ip addr add 192.0.2.4/24 broadcast 192.0.2.127 dev ifb0
ip addr add 198.51.100.1/30 brd + dev ifb0
ip addr add 198.51.100.5/31 brd + dev ifb0
ip addr add 198.51.100.9/32 b + dev ifb0
ip addr add 10.1/8 dev ifb1
ip addr add 010.0.0.1/024 dev ifb1
ip addr add 0x0a.0.0.2/255.255.255.0 dev ifb1
ip addr add 11.2.3.4/0x18 dev ifb1
ip addr add 12.2.3.4 dev ifb1
ip addr add 127.0.0.2/8 dev ifb1
ip addr add 127.0.0.3/8 scope global dev ifb1
ip addr add local 203.0.113.1/24 dev ifb1
ip addr add 203.0.113.5 peer 203.0.113.6/32 dev ifb1
ip addr add 203.0.113.9 remote 203.0.113.10 dev ifb1
ip addr add 203.0.113.20/24 label ifb1:a dev ifb1
ip addr add 203.0.113.21/24 metric 55 dev ifb1
ip addr add 203.0.113.22/24 priority 56 dev ifb1
ip addr add 203.0.113.23/24 preference 57 dev ifb1
ip addr add 203.0.113.24/24 p 58 dev ifb1
ip addr add 203.0.113.25/24 pre 0x10 dev ifb1
ip addr add 203.0.113.26/24 scope link dev ifb1
ip addr add 203.0.113.27/24 scope 100 dev ifb1
ip addr add 203.0.113.28/24 scope site dev ifb1
ip addr add 203.0.113.29/24 noprefixroute dev ifb1
ip addr add 203.0.113.30/24 anycast 203.0.113.31 dev ifb1
ip addr add 203.0.113.32/24 valid_lft forever preferred_lft forever dev ifb1
ip addr add 203.0.113.33/24 valid_lft 5000 dev ifb1
ip addr add 203.0.113.34/24 valid_lft 6000 preferred_lft 0 dev ifb1
ip addr add 203.0.113.35/24 v 7000 preferred 7000 dev ifb1
ip addr add 224.0.0.251/24 autojoin dev ifb1
ip -4 addr add 203.0.113.36/24 dev ifb1
ip -f inet addr add 203.0.113.37/24 dev ifb1
ip a a 203.0.113.38/24 dev ifb1
ip addr add dev ifb1 203.0.113.39/24 brd +
ip addr | sed 's/[0-9]*sec/Nsec/g'
ip addr add 2001:db8::1/64 nodad dev ifb0
ip addr add 2001:db8:1::1/64 nodad home dev ifb0
ip addr add 2001:db8:2::1/64 nodad mngtmpaddr noprefixroute dev ifb0
ip addr add 2001:db8:3::1/64 nodad optimistic dev ifb0
ip addr add 2001:db8:4::1 nodad dev ifb0
ip addr add 2001:db8:5::1/64 peer 2001:db8:5::2/128 nodad dev ifb0
ip addr add 2001:db8:6::1/64 nodad valid_lft 3000 preferred_lft 2000 dev ifb0
ip addr add 2001:db8:7::1/64 nodad metric 9 dev ifb0
ip addr add 2001:db8:8::1/64 nodad scope link dev ifb0
ip addr add 2001:db8:9::1/64 label foo nodad dev ifb0
ip -6 addr add 2001:db8:a::1/64 nodad dev ifb0
ip addr add ff02::1:ff00:1/64 autojoin nodad dev ifb0
ip addr add ::1.2.3.4/96 nodad dev ifb0
ip addr add ::ffff:1.2.3.4/96 nodad dev ifb0
ip -6 addr show dev ifb0 | sed 's/[0-9]*sec/Nsec/g'
ip addr change 192.0.2.1/24 metric 7 dev ifb0
ip addr chg 192.0.2.50/24 dev ifb0
ip addr change 2001:db8::1/64 valid_lft 500 preferred_lft 400 dev ifb0
ip addr change 2001:db8:77::1/64 dev ifb0
ip addr replace 192.0.2.2/24 valid_lft 300 preferred_lft 200 dev ifb0
ip addr replace 192.0.2.60/24 dev ifb0
ip addr replace 2001:db8:1::1/64 nodad noprefixroute dev ifb0
ip addr r 2001:db8:66::1/64 nodad dev ifb0
ip addr show dev ifb0 | sed 's/[0-9]*sec/Nsec/g'
ip addr del 192.0.2.4/24 dev ifb0
ip addr delete 192.0.2.3/24 dev ifb0
ip addr d 192.0.2.60 dev ifb0
ip addr del 2001:db8:1::1/64 dev ifb0
ip addr del 2001:db8:2::1 dev ifb0
ip -4 addr del dev ifb1
ip -6 addr del dev ifb0
ip addr del 203.0.113.5 peer 203.0.113.6/32 dev ifb1
ip addr del 10.1 dev ifb1
ip addr show | sed 's/[0-9]*sec/Nsec/g'
ip addr add 192.0.2.100/24 dev va
ip addr add 192.0.2.101/24 dev va
ip addr add 192.0.2.102/24 dev va
ip addr del 192.0.2.100/24 dev va
ip addr show dev va
printf 'addr add 198.51.100.200/24 dev va\naddr add 198.51.100.200/24 dev va\naddr add 198.51.100.201/24 dev nosuch\naddr show dev va\n' > a.batch
ip -b a.batch
ip -force -b a.batch
printf 'addr add 198.51.100.202/24 dev va\naddr del 198.51.100.203/24 dev va\naddr add 198.51.100.204 dev va\naddr add bogus dev va\naddr show dev va\n' > b.batch
ip -force -b b.batch
printf 'addr add 198.51.100.205/24 dev va\naddr add 198.51.100.206/24 scope bogus dev va\naddr show dev va\n' > c.batch
ip -force -b c.batch
ip -n nsx addr
$IP netns add ns1
ip -n ns1 addr add 192.0.2.1/24 dev lo
ip -n ns1 addr
ip -echo addr add 198.51.100.50/24 dev ifb1
ip -echo -j addr add 198.51.100.51/24 dev ifb1
ip -echo -j -p addr add 198.51.100.52/24 label ifb1:e dev ifb1
ip -echo addr del 198.51.100.51/24 dev ifb1
ip -echo addr add 198.51.100.50/24 dev ifb1
ip -echo -o addr add 2001:db8:50::1/64 nodad dev ifb1
ip -echo -br addr add 198.51.100.53/24 dev ifb1
ip -echo addr change 198.51.100.50/24 metric 3 dev ifb1
