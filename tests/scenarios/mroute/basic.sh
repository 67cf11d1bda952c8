# ip mroute on a kernel without multicast routing: the table 253 dump is empty,
# a dump of every table gets the unicast routes, which ip refuses
ip mroute
ip mroute show
ip mroute s
ip mroute l
ip mroute ls
ip mroute list
ip -4 mroute
ip -6 mroute
ip -0 mroute
ip -M mroute
ip -B mroute show 192.0.2.1
ip -j mroute
ip -j -p mroute
ip -j -6 mroute
ip -s -d mroute
ip mroute show table default
ip mroute show table all
ip mroute show table unspec
ip mroute show table 0
ip -6 mroute show table 5
ip mroute show from all
ip mroute show from any to default
ip mroute show to any
ip mroute show default
ip mroute show iif lo
ip mroute show iif if1
$IP link set lo up
$IP link add va type veth peer name vb
$IP addr add 192.0.2.1/24 dev va
$IP link set va up
$IP link set vb up
ip mroute
ip mroute show table all
ip -j mroute show table 0
ip -6 mroute
ip -6 mroute show table all
ip -6 -j mroute show table main
ip mroute show table local
ip -s -d -N mroute show table main iif va
printf 'mroute\nmroute show table all\nmroute show\n' > b && ip -batch b
printf 'mroute show iif nope\nmroute show\n' > b && ip -force -batch b
