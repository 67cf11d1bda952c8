# ip rule add/delete with every selector and action, checked by listing with both tools
$IP link add va type veth peer name vb
ip rule add from 192.0.2.0/24 to 198.51.100.1 tos 0x10 fwmark 5/0xff iif va oif vb pref 100 table 100 uidrange 1-2 ipproto tcp sport 80 dport 1000-2000 realms 3/4 protocol static
ip rule add not from all lookup main suppress_prefixlength 0 suppress_ifgroup default pref 99
ip rule add goto 32766 pref 98
ip rule add type goto 32766 pref 91
ip rule add nop pref 97
ip rule add type nop pref 90
ip rule add prohibit pref 96
ip rule add blackhole pref 5
ip rule add unreachable to 203.0.113.0/24 pref 4
ip rule add type unreachable pref 3
ip rule add from 192.0.2.1 fwmark 0x10 lookup 4000 pref 200
ip rule add from 0/8 priority 201 table local
ip rule add fwmark 0x7/0xffffffff order 202 table default
ip rule add ipproto 253 sport 1-1 pref 203 realms 7 table 1
ip rule add uidrange 100-200 pref 204 dsfield 0x08
ip rule add tun_id 77 pref 205
ip rule add dev lo pref 206 proto 99 table 3
ip rule add pref 207 realms 0/0 table 4
ip rule add iif nosuchdev oif nosuchdev2 pref 208
ip rule add goto 5000 pref 209
ip rule add realms 5/ pref 210
ip rule add pref 211 sup_pl 8 sup_group 3 table 2
ip rule add pref 212 suppress 1 table 2
ip rule add pref 213 dsf 0x4 table 2
ip rule add pref 214 prio 300 table 2
ip rule add pref 215 lookup 0x20
ip rule add pref 216 realms 0x30005
ip rule add pref 217 ipproto udp dport 53 sport 1024-65535
ip rule add pref 218 from 198.51.100.0/255.255.255.0 to default
ip rule add pref 219 fwmark 0 table 6
ip rule add pref 220 table 9 protocol kernel
ip rule add pref 221 table 9 protocol boot
ip rule add pref 222 tos 0 table 9
ip rule add pref 223 l3mdev
ip rule add pref 224 from 192.0.2.0/24 table 256
ip rule add pref 225 to 192.0.2.2 throw
ip rule add pref 226 fwmark 0x1/0x1 lookup main
ip rule add pref 227 fwmark 0x1/0x3 lookup main
ip rule add pref 228 fwmark 1/0 lookup main
ip rule add pref 229 uidrange 0-4294967295 lookup main
ip rule add pref 230 tun_id 0x100000000 lookup main
ip rule add pref 231 ipproto 0 lookup main
ip rule add pref 232 sport 0 lookup main
ip rule add pref 233 unicast
ip rule add pref 234 local
ip rule add pref 235 nat 192.0.2.9
ip rule add pref 236 map-to 192.0.2.9 table 7
ip rule add pref 237 tun_id -1 lookup main
ip rule add from all pref 238
ip rule add to default pref 239
ip rule add from default pref 240 table 3
ip rule
ip -d rule
ip -j -p rule
$IP rule
$IP -d -j rule
ip rule add from 192.0.2.0/24 to 198.51.100.1 tos 0x10 fwmark 5/0xff iif va oif vb pref 100 table 100 uidrange 1-2 ipproto tcp sport 80 dport 1000-2000 realms 3/4 protocol static
ip rule del pref 100
ip rule del pref 100
ip rule del pref 99 not
ip rule delete pref 98
ip rule d pref 97
ip rule del prohibit
ip rule del blackhole pref 5
ip rule del to 203.0.113.0/24
ip rule del table 4000
ip rule del fwmark 0x7/0xffffffff
ip rule del from 0/8
ip rule del uidrange 100-200
ip rule del tun_id 77
ip rule del iif lo
ip rule del oif nosuchdev2
ip rule del goto 5000
ip rule del realms 5/0
ip rule del table 2
ip rule del table 2
ip rule del table 2
ip rule del table 2
ip rule del table 2
ip rule
ip rule del table main
ip rule del table main
ip rule
$IP rule
ip -4 rule add from 192.0.2.5 pref 300
ip -6 rule add from 2001:db8::/32 to 2001:db8:1::1 tos 0x10 pref 100 table 10 ipproto udp dport 53
ip -6 rule add to 2001:db8::/64 not prohibit pref 101
ip -6 rule add dsfield AF11 pref 102 fwmark 0 table 5
ip -6 rule add from 2001:db8::1 pref 103 lookup 10
ip -6 rule add from ::/0 pref 104 lookup 10
ip -6 rule add from default pref 105 lookup 10
ip -6 rule add from any to all pref 106 lookup 10
ip -6 rule add from 0/0 pref 107 lookup 10
ip -6 rule
ip -6 -j rule
ip rule add from 2001:db8::1 pref 108
ip rule
ip -6 rule del pref 100
ip -6 rule del dsfield AF11
ip -6 rule del from 2001:db8::1
ip -6 rule del from 2001:db8::1
ip -6 rule
$IP -6 rule
ip rule add pref 400 table 40
ip rule add pref 400 table 40
ip -echo rule add pref 401 table 41 from 192.0.2.0/24
ip -echo -j rule add pref 402 table 42
ip -echo rule del pref 401
ip rule show table 40
