# ip route flush with selectors, -s/-s -s rounds, flush cache
. "$SCENARIOS/route/setup.inc"
$IP route add default via 192.0.2.254 metric 100
$IP -6 route add default via 2001:db8:1::fe metric 100
ip route flush
ip route flush table 100
ip route show table 100
ip -s route flush table 200
ip route show table all
ip -s -s route flush table 1000
ip route flush proto static
ip route
ip -s route flush proto static
ip -s route flush cache
ip route flush cache
ip -6 -s route flush cache
ip -s -6 route flush dev v0
ip -6 route show table all
ip -s route flush root 10.0.0.0/8
ip route
ip -s route flush root 10.0.0.0/8
ip -s -s route flush table main
ip route show table all
ip -j route flush table local
ip route show table all
ip route flush table bogus
ip route flush dev nope
ip route flush tos nope
ip -s route flush table all
ip route show table all
ip -6 route show table all
ip -s -6 route flush table all
ip -6 route show table all
i=0; while [ $i -lt 250 ]; do echo "route add 10.50.$i.0/24 via 192.0.2.2 table 50"; echo "route add 10.51.$i.0/24 dev v0"; i=$((i+1)); done > many.txt; $IP -batch many.txt
ip route show table 50 | wc -l
ip -s route flush table 50
ip route show table 50 | wc -l
ip -s -s route flush dev v0 | tail -3
ip route show table all dev v0 | wc -l
