# ip route list errors: every selector's bad value, missing arguments, dump errors
. "$SCENARIOS/route/setup.inc"
ip route show table bogus
ip route show table
ip route show table help
ip route show dev nonexist
ip route show iif nonexist
ip route show oif nonexist
ip route show tos zz
ip route show dsfield 0x100
ip route show proto foo
ip route show proto 256
ip route show scope foo
ip route show type foo
ip route show mark x
ip route show metric x
ip route show via
ip route show via 1.2.3.4.5
ip route show via inet
ip route show via inet6 192.0.2.1
ip route show src bad
ip route show realms bad
ip route show bad
ip route show from bad
ip route show from
ip route show root bad
ip route show match
ip route show exact
ip route show 10.0.0.0/33
ip -6 route show 2001:db8::/129
ip route show table 999
ip -6 route show table 999
ip -j route show table 999
ip route show vrf v0
ip route show vrf nonexist
ip route show vrf
ip route show cloned bogus
ip route flush
ip route save > /dev/null extra
ip route help
ip route show help
ip route foo
ip -6 route get 2001:db8::1 from bad
ip -f link route show
ip -f mpls route show 10
script -qc 'ip route save; echo rc=$?; ip route restore; echo rc=$?; ip route showdump; echo rc=$?' /dev/null | tr -d '\r'
