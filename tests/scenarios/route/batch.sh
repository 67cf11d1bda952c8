# route add in -batch: rnet sends consecutive `route add` lines in windows
# ahead of their answers. Each refusal must be reported against its own
# line, nothing after a refused line may stay applied without -force, and
# every line applies with it: ip, which sends line by line, is the oracle.
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
$IP addr add 192.0.2.1/24 dev va
$IP addr add 2001:db8::1/64 dev va nodad
$IP route add 10.0.0.130/32 via 192.0.2.2
$IP route add 10.0.1.0/24 via 192.0.2.2 table 100 tos 0x10
$IP -6 route add 2001:db8:9::/64 via 2001:db8::2 metric 100
# A refusal at line 130 of 200 (windows of 64): lines 129 and before stay,
# 131 and after, applied ahead in the same window, are taken back.
seq 1 200 | sed 's|.*|route add 10.0.0.&/32 via 192.0.2.2|' > adds.batch
ip -batch adds.batch
ip route show
ip -force -batch adds.batch
ip route show | wc -l
ip route flush 10.0.0.0/24
# Routes of every shape taken back after a refusal in their window: other
# tables, TOS, metrics, types, multipath, IPv6 without a metric (taken back
# without touching the metric-100 route to the same prefix).
printf '%s\n' 'route add 10.1.0.0/16 via 192.0.2.3 metric 5' 'route add 10.0.1.0/24 via 192.0.2.2 table 100 tos 0x10' 'route add 10.2.0.0/16 via 192.0.2.4 table 100 tos 0x10' 'route add unreachable 10.3.0.0/16 table 200' 'route add 10.4.0.0/16 nexthop via 192.0.2.5 weight 2 nexthop via 192.0.2.6' 'route add 2001:db8:9::/64 via 2001:db8::2' 'route add local 10.5.0.1 dev va table 300' 'route add 10.6.0.0/16 dev va scope link proto static mtu 1400' > shapes.batch
ip -batch shapes.batch
ip route show table all type unicast
ip route show table all type unreachable
ip -6 route show 2001:db8:9::/64
ip -force -batch shapes.batch
ip route show table all type unicast
ip -6 route show 2001:db8:9::/64
# A line that fails before it reaches the kernel comes after the lines
# before it; a kernel refusal before it stops the batch first.
printf '%s\n' 'route add 10.7.0.0/16 via 192.0.2.2' 'route add 10.8.0.0/16 via bogus' 'route add 10.9.0.0/16 via 192.0.2.2' > parse.batch
ip -batch parse.batch
ip -force -batch parse.batch
ip route show 10.9.0.0/16
printf '%s\n' 'route add 10.10.0.0/16 via 192.0.2.2' 'route add 10.7.0.0/16 via 192.0.2.2' 'route add 10.11.0.0/16 via bogus' 'route add 10.12.0.0/16 dev nosuchdev' > order.batch
ip -batch order.batch
ip -force -batch order.batch
ip route show 10.12.0.0/16
# Other commands between route adds run in order with them.
printf '%s\n' 'route add 10.13.0.0/16 via 192.0.2.2' 'route del 10.13.0.0/16' 'route add 10.13.0.0/16 via 192.0.2.9' 'route show 10.13.0.0/16' 'link set va down' 'route add 10.14.0.0/16 via 192.0.2.2' 'link set va up' 'route add 10.14.0.0/16 via 192.0.2.2' 'route show 10.14.0.0/16' > mixed.batch
ip -batch mixed.batch
ip route show 10.13.0.0/16
# From a pipe; and a continuation line, a comment and a missing
# continuation after deferred lines.
seq 1 100 | sed 's|.*|route add 10.15.0.&/32 via 192.0.2.2|' | ip -batch -
ip route show 10.15.0.0/24 | wc -l
printf 'route add 10.16.0.1/32 \\\n via 192.0.2.2 # c\nroute add 10.16.0.2/32 via 192.0.2.2\nroute add 10.16.0.3/32 \\\n' | ip -batch -
ip route show 10.16.0.0/24
printf 'route add 10.17.0.1/32 via 192.0.2.2\nroute add 10.17.0.2/32 via 192.0.2.2 x y z\nroute add 10.17.0.3/32 via 192.0.2.2\n' | ip -batch -
ip route show 10.17.0.0/24
# Abbreviated, and with -4/-6 and -force on the command line.
printf 'r a 10.18.0.1/32 via 192.0.2.2\nro ad 10.18.0.1/32 via 192.0.2.2\nr a 10.18.0.2/32 via 192.0.2.2\n' > abbrev.batch
ip -4 -batch abbrev.batch
ip -6 -force -batch abbrev.batch
ip route show 10.18.0.0/24
