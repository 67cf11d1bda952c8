# ip -d link show of vxlan, macvlan/macvtap (every mode) and tun/tap links, built by the real ip.
$IP link add p0 address 02:00:00:00:00:01 type veth peer name p1 address 02:00:00:00:00:02
$IP link add vx0 address 02:00:00:00:00:10 type vxlan id 42 dstport 4789 local 192.0.2.1 remote 198.51.100.2 dev p0 ttl 64 tos 0x10 df set srcport 1000 2000 nolearning proxy rsc l2miss l3miss ageing 0 maxaddr 50 noudpcsum udp6zerocsumtx udp6zerocsumrx
$IP link add vx1 address 02:00:00:00:00:11 type vxlan id 43 group 239.1.1.1 dev p1 ttl inherit tos inherit df inherit ageing 120 gbp
$IP link add vx2 address 02:00:00:00:00:12 type vxlan id 44 local 2001:db8::1 remote 2001:db8::2 dstport 8472 df unset flowlabel 0x12345 remcsumtx remcsumrx
$IP link add vx3 address 02:00:00:00:00:13 type vxlan id 45 group ff05::100 dev p0 local 2001:db8::3
$IP link add vx4 address 02:00:00:00:00:14 type vxlan external vnifilter
$IP link add vx5 address 02:00:00:00:00:15 type vxlan id 16777215 dstport 0 ttl 0 learning
$IP link add vx6 type vxlan external gpe dstport 4790
$IP link add mv0 address 02:00:00:00:00:20 link p0 type macvlan mode private
$IP link add mv1 address 02:00:00:00:00:21 link p0 type macvlan mode vepa bcqueuelen 50
$IP link add mv2 address 02:00:00:00:00:22 link p0 type macvlan mode bridge
$IP link add mv3 address 02:00:00:00:00:23 link p1 type macvlan mode passthru nopromisc
$IP link add mv4 address 02:00:00:00:00:24 link p0 type macvlan mode source nodst
$IP link set mv4 type macvlan macaddr add 02:00:00:00:00:a1
$IP link set mv4 type macvlan macaddr add 02:00:00:00:00:a2
$IP link add mv5 address 02:00:00:00:00:25 link p0 type macvlan mode source
$IP link add mt0 address 02:00:00:00:00:30 link p0 type macvtap mode bridge
$IP link add mt1 address 02:00:00:00:00:31 link p0 type macvtap mode vepa
$IP tuntap add tap0 mode tap
$IP tuntap add tun0 mode tun multi_queue
$IP tuntap add tun1 mode tun user 0 group 0 pi vnet_hdr
$IP tuntap add tap1 mode tap user 4242 group 4343
ip -d link show
ip -d -j link show
ip -d -j -p link show
ip -d -o link show
ip -d link show vx0
ip -d -j -p link show vx0
ip -d link show vx1
ip -d -j link show vx1
ip -d link show vx2
ip -d -j link show vx2
ip -d link show vx3
ip -d -j -p link show vx3
ip -d link show vx4
ip -d -j link show vx4
ip -d link show vx5
ip -d -j link show vx5
ip -d link show type vxlan
ip -d link show type macvlan
ip -d link show type macvtap
ip -d -j -p link show mv4
ip -d -j link show mv5
ip -d link show type tun
ip -d -j -p link show type tun
ip -s -d link show vx0
ip -d link show vx6
ip -d -j -p link show vx6
