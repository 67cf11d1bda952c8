# ip route add … encap …: the encapsulations this kernel has (ip, ip6) added and shown in every form,
# the others refused by the kernel (same request, same answer), and ip's own parse errors.
# NEVER add geneve_opts, vxlan_opts or erspan_opts here: such a route crashes the kernel (see BRIEF).
# Not registered in tests/differential.rs until route add/show are merged.
$IP link add X type veth peer name Y
$IP link set X up
$IP link set Y up
$IP addr add 192.0.2.1/24 dev X
$IP -6 addr add 2001:db8::100/64 dev X nodad
ip route add 198.51.100.0/26 encap ip id 5 src 192.0.2.1 dst 198.51.100.9 ttl 10 tos 0x10 key csum seq dev X
ip route add 198.51.100.64/26 encap ip dst 198.51.100.9 dev X
ip route add 198.51.100.128/26 encap ip id 0xffffffffffffffff dst 198.51.100.1 ttl 255 tos 0xfc seq dev X metric 5
ip route add 198.51.100.192/26 encap ip id -1 dst default dev X
ip route add 203.0.113.0/24 dev X encap ip dst 198.51.100.2 key
ip route add 10.9.0.0/16 encap ip dst 198.51.100.3 dev X table 100
ip -6 route add 2001:db8:a::/64 encap ip6 id 7 dst 2001:db8::1 src 2001:db8::2 hoplimit 5 tc 0x20 key dev X
ip -6 route add 2001:db8:b::/64 encap ip6 dst 2001:db8::1 csum seq dev X
ip -6 route add 2001:db8:c::/64 encap ip6 tc 0xff hoplimit 0 dev X metric 7
ip route add 10.10.0.0/16 encap ip dst 198.51.100.4 dev X
ip route replace 10.10.0.0/16 encap ip dst 198.51.100.5 ttl 3 dev X
ip route show
ip route show table 100
ip -j route show
ip -j -p route show
ip -d route show
ip -o route show
ip -s route show
ip -N route show
ip -c route show
ip -6 route show
ip -6 -j route show
ip -6 -j -p route show
ip -6 -d route show
ip route show 198.51.100.0/26
ip route get 198.51.100.1
ip route del 198.51.100.64/26
ip route del 203.0.113.0/24 encap ip dst 198.51.100.2 key dev X
ip route show
ip route add 198.51.100.0/26 encap ip dst 198.51.100.9 dev X
# types this kernel does not have: the kernel's refusal
ip route add 203.0.113.0/24 encap mpls 100 dev X
ip route add 203.0.113.0/24 encap mpls 100/200 ttl 5 dev X
ip route add 203.0.113.0/24 encap seg6 mode encap segs 2001:db8::1 dev X
ip route add 203.0.113.0/24 encap seg6 mode inline segs 2001:db8::1,2001:db8::2 hmac 5 dev X
ip -6 route add 2001:db8:1::/64 encap seg6local action End.DX4 nh4 192.0.2.2 count dev X
ip -6 route add 2001:db8:2::/64 encap seg6local action End.T table 100 flavors psp dev X
ip -6 route add 2001:db8:3::/64 encap seg6local action End.DX2 oif Y dev X
ip -6 route add 2001:db8:4::/64 encap seg6local action End.B6.Encaps srh segs 2001:db8::1 hmac 3 dev X
ip -6 route add 2001:db8:5::/64 encap rpl segs 2001:db8::1,2001:db8::2 dev X
ip -6 route add 2001:db8:6::/64 encap ioam6 trace prealloc type 0x800000 ns 1 size 12 dev X
ip -6 route add 2001:db8:7::/64 encap ioam6 freq 2/5 mode encap tundst 2001:db8::1 trace prealloc type 0x1 ns 2 size 8 dev X
ip route add 203.0.113.0/24 encap xfrm if_id 5 link_dev X
ip -6 route add 2001:db8:8::/64 encap ila 2001:db8:1:2 csum-mode adj-transport dev X
ip -6 route add 2001:db8:9::/64 encap bpf headroom 10 dev X
ip route show
# ip's own errors
ip route add 203.0.113.0/24 encap
ip route add 203.0.113.0/24 encap ip
ip route add 203.0.113.0/24 encap ip dev
ip route add 203.0.113.0/24 dev X encap mpls 100
ip route add 203.0.113.0/24 encap foo dev X
ip route add 203.0.113.0/24 encap MPLS 100 dev X
ip route add 203.0.113.0/24 encap help
ip route add 203.0.113.0/24 encap mpls foo dev X
ip route add 203.0.113.0/24 encap mpls 100 ttl 300 dev X
ip route add 203.0.113.0/24 encap mpls 100 ttl 1 ttl 2 dev X
ip route add 203.0.113.0/24 encap ip id foo dev X
ip route add 203.0.113.0/24 encap ip dst 2001:db8::1 dev X
ip route add 203.0.113.0/24 encap ip ttl 256 dev X
ip route add 203.0.113.0/24 encap ip tos foo dev X
ip route add 203.0.113.0/24 encap ip key key dev X
ip route add 203.0.113.0/24 encap ip dst 198.51.100.1 dst 198.51.100.2 dev X
ip route add 203.0.113.0/24 encap ip dst 198.51.100.1 foo dev X
ip -6 route add 2001:db8::/64 encap ip6 dst 198.51.100.1 dev X
ip -6 route add 2001:db8::/64 encap ip6 tc 1 tc 2 dev X
ip -6 route add 2001:db8::/64 encap ip6 hoplimit 256 dev X
ip route add 203.0.113.0/24 encap seg6 mode foo segs 2001:db8::1 dev X
ip route add 203.0.113.0/24 encap seg6 segs 2001:db8::1 mode encap dev X
ip route add 203.0.113.0/24 encap seg6 mode encap mode encap dev X
ip route add 203.0.113.0/24 encap seg6 mode encap segs 192.0.2.1 dev X
ip route add 203.0.113.0/24 encap seg6local table 100 dev X
ip route add 203.0.113.0/24 encap seg6local action Foo dev X
ip route add 203.0.113.0/24 encap seg6local action End action End dev X
ip route add 203.0.113.0/24 encap seg6local action End oif nosuchdev dev X
ip route add 203.0.113.0/24 encap seg6local action End table foo dev X
ip route add 203.0.113.0/24 encap seg6local action End vrftable foo dev X
ip route add 203.0.113.0/24 encap seg6local action End srh foo dev X
ip route add 203.0.113.0/24 encap seg6local action End srh segs 2001:db8::1
ip route add 203.0.113.0/24 encap seg6local action End flavors foo dev X
ip route add 203.0.113.0/24 encap seg6local action End flavors psp,psp dev X
ip route add 203.0.113.0/24 encap seg6local action End flavors next-csid lblen 300 dev X
ip route add 203.0.113.0/24 encap seg6local action End flavors next-csid lblen 8 lblen 9 dev X
ip route add 203.0.113.0/24 encap seg6local action End endpoint foo dev X
ip route add 203.0.113.0/24 encap rpl segs 2001:db8::1 segs 2001:db8::2 dev X
ip route add 203.0.113.0/24 encap rpl segs 10.0.0.1 dev X
ip route add 203.0.113.0/24 encap ioam6 freq 5/2 trace prealloc type 1 ns 1 size 4 dev X
ip route add 203.0.113.0/24 encap ioam6 freq 1 trace prealloc type 1 ns 1 size 4 dev X
ip route add 203.0.113.0/24 encap ioam6 mode foo trace prealloc type 1 ns 1 size 4 dev X
ip route add 203.0.113.0/24 encap ioam6 mode encap trace prealloc type 1 ns 1 size 4 dev X
ip route add 203.0.113.0/24 encap ioam6 mode inline tundst 2001:db8::1 trace prealloc type 1 ns 1 size 4 dev X
ip route add 203.0.113.0/24 encap ioam6 trace type 1 ns 1 size 4 dev X
ip route add 203.0.113.0/24 encap ioam6 trace prealloc type 1 ns 1 size 5 dev X
ip route add 203.0.113.0/24 encap ioam6 trace prealloc type 1 ns 1 dev X
ip route add 203.0.113.0/24 encap ioam6 trace prealloc type 1 ns 1 size 4
ip route add 203.0.113.0/24 encap xfrm if_id 0 link_dev X
ip route add 203.0.113.0/24 encap xfrm link_dev nosuch if_id 5
ip route add 203.0.113.0/24 encap xfrm link_dev X foo
ip route add 203.0.113.0/24 encap xfrm help foo
ip route add 203.0.113.0/24 encap ila foo dev X
ip route add 203.0.113.0/24 encap ila 2001:db8:1:2 csum-mode foo dev X
ip route add 203.0.113.0/24 encap bpf headroom 0 dev X
ip route add 203.0.113.0/24 encap bpf help dev X
ip route add 203.0.113.0/24 encap bpf in foo dev X
ip route add 203.0.113.0/24 encap bpf in pinned /nonexistent dev X
ip route show
# encap per nexthop: multipath hops and nexthop objects (NHA_ENCAP)
ip route add 10.20.0.0/16 nexthop encap ip dst 198.51.100.1 dev X nexthop encap ip dst 198.51.100.2 key dev Y
ip nexthop add id 1 encap ip dst 198.51.100.1 ttl 4 dev X
ip nexthop add id 2 encap seg6 mode encap segs 2001:db8::1 dev X
ip nexthop add id 3 encap ip dst 198.51.100.1 foo dev X
ip route add 10.21.0.0/16 nhid 1
ip nexthop show
ip -j nexthop show
ip -d nexthop show
ip route show
ip -j route show
ip -d route show
ip -o route show
