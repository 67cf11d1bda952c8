# ip rule list/show in every output mode, over the default rules and rules made by the real ip
ip rule
ip rule list
ip rule lst
ip rule show
ip rule sh
ip rule l
ip -4 rule
ip -6 rule
ip -0 rule
ip -j rule
ip -j -p rule
ip -6 -j -p rule
ip -d rule
ip -d -j rule
ip -N rule
ip -o rule
ip -N -d -6 rule
$IP link add va type veth peer name vb
$IP rule add from 192.0.2.0/24 to 198.51.100.1 tos 0x10 fwmark 5/0xff iif va oif vb pref 100 table 100 uidrange 1-2 ipproto tcp sport 80 dport 1000-2000 realms 3/4 protocol static
$IP rule add not from all lookup main suppress_prefixlength 0 suppress_ifgroup default pref 99
$IP rule add goto 32766 pref 98
$IP rule add nop pref 97
$IP rule add prohibit pref 96
$IP rule add blackhole pref 5
$IP rule add unreachable to 203.0.113.0/24 pref 4
$IP rule add from 192.0.2.1 fwmark 0x10 lookup 4000 pref 200
$IP rule add from 0/8 pref 201 table local
$IP rule add fwmark 0x7/0xffffffff pref 202 table default
$IP rule add ipproto 253 sport 1-1 pref 203 realms 7 table 1
$IP rule add uidrange 100-200 pref 204 dsfield 0x08
$IP -6 rule add dsfield AF11 pref 102 fwmark 0 table 5
$IP rule add tun_id 77 pref 205
$IP rule add iif lo pref 206 proto 99 table 3
$IP rule add pref 207 realms 0/0 table 4
$IP rule add iif nosuchdev oif nosuchdev2 pref 208
$IP rule add goto 5000 pref 209
$IP rule add realms 5/ pref 210
$IP -6 rule add from 2001:db8::/32 to 2001:db8:1::1 tos 0x10 pref 100 table 10 ipproto udp dport 53
$IP -6 rule add to 2001:db8::/64 not prohibit pref 101
ip rule
ip -6 rule
ip -j rule
ip -j -p rule
ip -6 -j -p rule
ip -d rule
ip -N rule
ip -N -6 rule
ip -o rule
ip -d -j -p rule
ip rule show pref 100
ip rule show priority 99
ip rule show order 4
ip rule show not
ip rule show tos 0x10
ip rule show dsfield 0x10
ip -6 rule show dsfield AF11
ip -6 -N rule show dsfield AF11
ip rule show dsfield 8
ip -6 rule show fwmark 0
ip -6 rule show tos 0x10
ip rule show fwmark 5
ip rule show fwmark 5/0xff
ip rule show fwmark 0x7/0xffffffff
ip rule show fwmark 0x10
ip rule show iif va
ip rule show dev va
ip rule show oif vb
ip rule show iif lo
ip rule show l3mdev
ip rule show uidrange 1-2
ip rule show uidrange 100-200
ip rule show tun_id 77
ip rule show tun 77
ip rule show lookup 100
ip rule show table main
ip rule show table local
ip rule show t 4000
ip rule show from 192.0.2.0/24
ip rule show from 192.0.2.0/16
ip rule show from 192.0.2.1
ip rule show from 192.0.2.7/24
ip rule show from 0/8
ip rule show from all
ip rule show src 192.0.2.0/24
ip rule show to 198.51.100.1
ip rule show dst 198.51.100.0/24
ip rule show 203.0.113.0/24
ip rule show 203.0.113.0/25
ip -6 rule show from 2001:db8::/32
ip -6 rule show to 2001:db8::/64
ip -6 rule show 2001:db8::/48
ip rule show protocol static
ip rule show protocol all
ip rule show ipproto tcp
ip rule show ipproto 6
ip rule show ipproto 253
ip rule show sport 80
ip rule show sport 1
ip rule show dport 1000-2000
ip rule show dport 1000
ip -6 rule show dport 53
ip rule show pref 100 table 100 from 192.0.2.0/24
ip rule show pref 100 table 99
ip -j rule show table main
ip -j rule show pref 12345
ip -4 -j -p rule show pref 12345
ip -color=always rule
ip -color=always -6 rule
ip -c -j rule show pref 208
ip rule show iif nosuchdev
ip rule show oif nosuchdev2
