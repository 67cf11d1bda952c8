# ip nexthop add ... encap ...: lwtunnel encapsulations on nexthops, printed back.
# Needs the lwtunnel parser (branch lwtunnel): register as nexthop_encap => "nexthop/encap.sh" once merged.
# Checked identical to ip 6.1 on a local merge of nexthop and lwtunnel. Never add geneve_opts/vxlan_opts/erspan_opts here.
$IP link set lo up
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
$IP addr add 192.0.2.1/24 dev va
$IP addr add 2001:db8::1/64 dev va nodad
ip nexthop add id 7 encap ip id 5 dst 198.51.100.9 ttl 3 via 192.0.2.2 dev va
ip nexthop add id 8 encap ip6 id 9 dst 2001:db8::9 hoplimit 4 via 192.0.2.3 dev va
ip nexthop add id 9 encap seg6 mode encap segs 2001:db8::5 dev va
ip nexthop add id 10 encap mpls 100 via 192.0.2.2 dev va
ip nexthop add id 11 encap foo via 192.0.2.2 dev va
ip nexthop add id 12 encap ip
ip nexthop add id 13 encap
ip nexthop add id 14 encap ip id 5 dst 198.51.100.9 via 192.0.2.2 dev va onlink protocol static
ip nexthop add id 15 via 192.0.2.2 encap ip dst 198.51.100.8 dev va
ip nexthop add id 16 encap ip dst 198.51.100.8
ip nexthop
ip -d nexthop
ip -j nexthop
ip -j -p nexthop show id 7
ip -c nexthop show id 14
ip -echo nexthop add id 20 encap ip id 6 dst 198.51.100.6 via 192.0.2.2 dev va
ip nexthop add id 30 group 7/14
ip nexthop show groups
