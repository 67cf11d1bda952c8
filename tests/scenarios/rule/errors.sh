# ip rule: grammar and kernel errors, texts and statuses
ip rule help
ip rule h
ip rule foo
ip rule lists
ip rule add
ip rule del
ip rule delete
ip rule add help
ip rule add type help
ip rule add from
ip rule add to
ip rule add from bogus
ip rule add to 192.0.2.0/33
ip rule add from all/8
ip rule add from 192.0.2.1/x
ip -6 rule add from 192.0.2.1
ip -4 rule add from 2001:db8::1
ip rule add from 2001:db8::1
ip -0 rule add from 192.0.2.1
ip rule add pref
ip rule add pref x
ip rule add pref -1
ip rule add pref 4294967296
ip rule add tos
ip rule add tos 0x100
ip rule add tos bogus
ip rule add dsfield zz
ip rule add fwmark x
ip rule add fwmark 1/x
ip rule add fwmark 1/
ip rule add realms x
ip rule add realms 1/x
ip rule add protocol bogus
ip rule add protocol 256
ip rule add tun_id x
ip rule add table bogus
ip rule add table -1
ip rule add lookup 4294967296
ip rule add suppress_prefixlength -1
ip rule add suppress_prefixlength x
ip rule add suppress_ifgroup bogus
ip rule add suppress_ifgroup -1
ip rule add iif ""
ip rule add iif a/b
ip rule add iif "a b"
ip rule add iif 0123456789abcdef
ip rule add oif 0123456789abcdef
ip rule add dev
ip rule add uidrange 1
ip rule add uidrange x-1
ip rule add ipproto bogus
ip rule add ipproto 256
ip rule add sport x
ip rule add dport x
ip rule add dport -
ip rule add goto
ip rule add goto x
ip rule add bogus
ip rule add type
ip rule add type bogus
ip rule add 300
ip rule add nat
ip rule add nat bogus
ip rule add nat 2001:db8::1
ip rule add l3mdev table 10
ip rule add table 10 l3mdev
ip rule add l3mdev table 0
ip rule add pref 5 lookup main
ip rule add pref 5 lookup main
ip rule add pref 6 local
ip rule add pref 7 goto 7
ip rule add pref 8 uidrange 5-1
ip rule add pref 8 sport 5-1
ip rule del pref 12345
ip rule del table 77
ip rule del from 198.51.100.0/24
ip -6 rule add pref 9 tos 0x100
ip rule show pref
ip rule show pref x
ip rule show tos x
ip rule show dsfield
ip rule show fwmark x
ip rule show fwmark 1/x
ip rule show iif a/b
ip rule show oif a/b
ip rule show uidrange x
ip rule show tun_id x
ip rule show table x
ip rule show from x
ip rule show from 2001:db8::1
ip rule show to
ip rule show dst
ip rule show bogus
ip rule show protocol bogus
ip rule show ipproto bogus
ip rule show sport x
ip rule show dport x
ip -0 rule show from 192.0.2.1
ip rule save foo
ip rule save | wc -c
ip rule restore
ip rule restore < /dev/null
ip rule flush x
ip -batch - < /dev/null
ip -M rule add from 100
ip -M rule add from 100/20
ip -M rule add from 1048576
ip -M rule show from 100
ip -M rule show from 100/21
ip -M rule add to 2001:db8::1
ip -M rule add from all
ip -B rule add from 192.0.2.1
