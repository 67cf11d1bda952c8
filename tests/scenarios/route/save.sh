# ip route save / showdump / restore
. "$SCENARIOS/route/setup.inc"
$IP route add default via 192.0.2.254 metric 100
$IP -6 route add default via 2001:db8:1::fe metric 100
$IP route add 10.30.0.0/16 via inet6 fe80::1 dev v0
$IP route add 10.31.0.0/16 nexthop via inet6 fe80::2 dev v0 nexthop via 192.0.2.9 dev v0 weight 3 onlink
$IP route add 10.32.0.0/16 dev v0 table 100 proto static metric 9 realms 2/
$IP -6 route add 2001:db8:30::/64 dev v0 table 200 metric 3
ip route save > main.dump
wc -c < main.dump
ip route save table all > all.dump
wc -c < all.dump
ip -6 route save table all > v6.dump
wc -c < v6.dump
ip route save table 100 > t100.dump
ip route save dev v0 > v0.dump
ip route showdump < main.dump
ip route showdump < all.dump
ip route showdump < v6.dump
ip route showdump < t100.dump
ip route showdump < v0.dump
ip -j route showdump < main.dump
ip -d route showdump < t100.dump
ip -4 route showdump < all.dump
ip -6 route showdump < all.dump
cat all.dump | ip route showdump
ip route save table 999 > none.dump
wc -c < none.dump
ip route save bogus > bad.dump
wc -c < bad.dump
$IP route flush table main
$IP route flush table 100
ip route restore < all.dump
ip route show table all
ip route restore < all.dump
ip -6 route flush table main
ip -6 route restore < v6.dump
ip -6 route show table all
ip route restore < /dev/null
ip route showdump < /dev/null
printf 'abcdefgh' > junk.dump
ip route showdump < junk.dump
ip route restore < junk.dump
head -c 30 main.dump > trunc.dump
ip route showdump < trunc.dump
ip route restore < trunc.dump
cat trunc.dump | ip route showdump
ip -j route save table local | tail -c 3
ip -j -p route save table local | tail -c 4
ip -j route save table local | wc -c
ip -j route save table 999 | tail -c 1
