# ip addrlabel: add/del/list/flush, output modes, errors
ip addrlabel
ip addrlabel list
ip addrlabel show
ip addrlabel lst
ip -j addrlabel
ip -j -p addrlabel
ip -c addrlabel
ip -4 addrlabel
ip -6 addrlabel
$IP link add d0 type veth peer name d1
ip addrlabel add prefix 2001:db8::/32 label 100
ip addrlabel add prefix 2001:db8:1::/48 dev d0 label 0x10
ip addrlabel add prefix 2001:db8:2::1 label 7
ip -6 addrlabel add prefix 2001:db8:3::/64 label 8 junk words
ip addrlabel a prefix 2001:db8:4::/64 label 9
ip addrlabel add prefix 2001:db8::/32 label 100
ip addrlabel add prefix 2001:db8::/32 label 101
ip addrlabel
ip -j addrlabel show
ip -j -p addrlabel show
ip -o addrlabel
ip -c addrlabel
ip addrlabel del prefix 2001:db8:2::1 label 7
ip addrlabel del prefix 2001:db8:2::1 label 7
ip addrlabel d prefix 2001:db8:1::/48 dev d0 label 0x10
ip addrlabel
ip -4 addrlabel add prefix 192.0.2.0/24 label 5
ip addrlabel add prefix 10.0.0.0/8 label 3
ip -4 addrlabel
ip addrlabel show x
ip addrlabel flush x
ip addrlabel foo
ip addrlabel help
ip addrlabel h
ip addrlabel add
ip addrlabel add prefix
ip addrlabel add label 5
ip addrlabel add prefix 2001:db8::/32
ip addrlabel add prefix bogus label 5
ip addrlabel add prefix 2001:db8::/129 label 5
ip addrlabel add prefix 2001:db8::/32 label
ip addrlabel add prefix 2001:db8::/32 label x
ip addrlabel add prefix 2001:db8::/32 label 4294967295
ip addrlabel add prefix 2001:db8::/32 label -1
ip addrlabel add prefix 2001:db8::/32 label 5 dev nosuch
ip addrlabel add prefix 2001:db8::/32 label 5 dev
ip -0 addrlabel add prefix 2001:db8::/32 label 5
ip -4 addrlabel add prefix 2001:db8::/32 label 5
ip -6 addrlabel add prefix 192.0.2.0/24 label 5
ip addrlabel flush
ip addrlabel
ip -j addrlabel
ip addrlabel flush
printf 'addrlabel add prefix 2001:db8::/32\naddrlabel add prefix 2001:db8::/32 label 1\naddrlabel show x\naddrlabel\n' | ip -force -batch -
