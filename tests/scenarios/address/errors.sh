# ip address errors: grammar, parsing, missing devices, kernel refusals
$IP link add ifb0 address 02:00:00:00:00:1f type ifb
ip addr add 192.0.2.1/24 dev ifb0
ip addr foo
ip addr help
ip address help
ip addr h
ip addr add help
ip addr add local help
ip addr show help
ip addr flush help
ip addr show dev nosuch
ip addr show nosuch
ip addr flush dev nosuch
ip addr show dev
ip addr show ifb0 lo
ip addr show ifb0 dev lo
ip addr show scope
ip addr show scope bogus
ip addr show scope 256
ip addr show to
ip addr show to bogus
ip addr show to 192.0.2.0/33
ip -6 addr show to 192.0.2.0/24
ip addr show label
ip addr show group bogus
ip addr show master nosuch
ip addr show vrf nosuch
ip addr show vrf ifb0
ip addr show type
ip addr flush
ip -0 addr flush dev ifb0
ip -0 addr flush
ip addr add 192.0.2.300/24 dev ifb0
ip addr add 192.0.2.3/33 dev ifb0
ip addr add foo dev ifb0
ip addr add 1.2.3.4/ dev ifb0
ip addr add 0x0a020304 dev ifb0
ip addr add 1.2.3.4.5 dev ifb0
ip addr add 192.0.2.3/255.0.255.0 dev ifb0
ip addr add 2001:db8:::1/64 dev ifb0
ip addr add 2001:db8::1/129 dev ifb0
ip -6 addr add 192.0.2.6/24 dev ifb0
ip -4 addr add 2001:db8::6/64 dev ifb0
ip -0 addr add 192.0.2.6/24 dev ifb0
ip -B addr add 192.0.2.6/24 dev ifb0
ip addr add 192.0.2.6/24 peer 2001:db8::1 dev ifb0
ip addr add 192.0.2.6/24 brd 2001:db8::1 dev ifb0
ip addr add 192.0.2.6/24 anycast foo dev ifb0
ip addr add all/8 dev ifb0
ip addr add 192.0.2.3/24
ip addr del 192.0.2.3/24
ip addr add 192.0.2.3/24 dev nosuch
ip addr del 192.0.2.3/24 dev nosuch
ip addr add 192.0.2.1/24 dev ifb0
ip addr del 192.0.2.99/24 dev ifb0
ip addr add dev ifb0
ip addr del dev ifb0
ip addr add 2001:db8::1/64 brd + dev ifb0
ip addr add 2001:db8::1/64 brd - dev ifb0
ip addr add 192.0.2.4/24 scope bogus dev ifb0
ip addr add 192.0.2.4/24 scope 256 dev ifb0
ip addr add 203.0.113.2/24 scope host dev ifb0
ip addr add 192.0.2.4/24 valid_lft 10 preferred_lft 20 dev ifb0
ip addr add 192.0.2.4/24 valid_lft 0 dev ifb0
ip addr add 192.0.2.4/24 valid_lft abc dev ifb0
ip addr add 192.0.2.4/24 preferred_lft abc dev ifb0
ip addr add 192.0.2.4/24 valid_lft -1 dev ifb0
ip addr add 192.0.2.4/24 valid_lft 10 valid_lft 20 dev ifb0
ip addr add 192.0.2.4/24 preferred_lft 10 pref 20 dev ifb0
ip addr add 192.0.2.4/24 valid_lft
ip addr add 192.0.2.7/24 192.0.2.8/24 dev ifb0
ip addr add 192.0.2.4/24 metric abc dev ifb0
ip addr add 192.0.2.4/24 metric -1 dev ifb0
ip addr add 192.0.2.4/24 metric
ip addr add 192.0.2.4/24 peer 192.0.2.5 peer 192.0.2.6 dev ifb0
ip addr add 192.0.2.4/24 brd + brd - dev ifb0
ip addr add 192.0.2.4/24 anycast 192.0.2.5 anycast 192.0.2.6 dev ifb0
ip addr add 192.0.2.4/24 label
ip addr add 192.0.2.4/24 dev
ip addr add 192.0.2.4/24 autojoin dev ifb0
ip addr add 192.0.2.4/24 label averyveryverylonglabel dev ifb0
ip addr add 192.0.2.4/24 label other:1 dev ifb0
ip addr add 192.0.2.5/24 nodad dev ifb0
ip addr add 192.0.2.6/24 optimistic home mngtmpaddr dev ifb0
ip addr add nodad 2001:db8::1/64 dev ifb0
ip addr add 192.0.2.7/24 secondary temporary dadfailed deprecated tentative permanent stable-privacy dev ifb0
ip addr del 192.0.2.1 dev ifb0
ip -4 addr del dev ifb0
ip addr
ip -j addr add 192.0.2.300/24 dev ifb0
ip -0 addr add brd 1.2.3.4 dev ifb0
ip -0 addr add brd 1.2.3.x dev ifb0
ip -0 addr add brd 00:11:zz dev ifb0
ip -0 addr add anycast 00:11:22 dev ifb0
ip -0 addr add brd -1 dev ifb0
# Left out: `ip -4 addr add brd +|- dev X` with no local address. ip then
# derives the broadcast from an uninitialised peer, so its request (and the
# kernel's answer) changes from run to run.
ip -M addr add 100 dev ifb0
ip -M addr add 100/200/300/400/500 dev ifb0
ip -M addr add 1048576 dev ifb0
ip -B addr add 192.0.2.4 dev ifb0
ip -M addr
ip -B addr
ip -M addr flush dev ifb0
setpriv --reuid=65534 --clear-groups ip addr add 192.0.2.50/24 dev ifb0
setpriv --reuid=65534 --clear-groups ip addr del 192.0.2.1/24 dev ifb0
setpriv --reuid=65534 --clear-groups ip -br addr
setpriv --reuid=65534 --clear-groups ip addr show dev ifb0
