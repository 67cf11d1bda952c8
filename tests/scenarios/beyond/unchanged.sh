# Without rnet's options, the paths they touch print exactly what ip prints:
# the refusals that carry hints, text under -j, ip's echo of a rule, and the
# options' names are unknown to ip (and to rnet) when abbreviated.
$IP netns add blue
$IP link add va address 02:00:00:00:00:1a type veth peer name vb address 02:00:00:00:00:1b
$IP -n blue link add vq type bridge
ip link add va type veth peer name vz
ip link add name vx type veth peer name vb
ip link add name vx type veth peer name vq netns blue
ip link replace va type bridge
ip link replace va type veth
ip addr add 192.0.2.1/24 dev va
ip addr add 192.0.2.1/24 dev va
ip addr add 192.0.2.1/25 dev va
ip addr del 198.51.100.1/24 dev va
ip link del nosuch
ip netns add blue
ip netns del nosuch
ip -j netns identify
ip -j -s addr flush dev va
ip -j -s addr flush dev va
ip -j -echo rule add pref 100 table 5
ip -j -echo rule del pref 100 table 5
ip -j link show va
ip -tab link
ip -json-a link
ip -idem link
ip -hint link
