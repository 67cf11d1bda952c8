# kinds this kernel lacks: ip's client-side checks and usages still show
ip link add x0 type xfrm
ip link add x0 type xfrm bogus
ip link add x0 type xfrm external if_id 3
ip link add x0 type xfrm if_id 0
ip link add x0 type xfrm dev nosuch
ip link add x0 type xfrm dev lo
ip link add r0 type rmnet mux_id x
ip link add r0 type rmnet bogus
ip link add w0 type wwan linkid x
ip link add d0 type dsa master nosuch
ip link add d0 type dsa help
ip link add p0 type ipoib mode x
ip link add p0 type ipoib bogus
ip link add b0 type batadv bogus
ip link add c0 type vxcan bogus
ip link add c0 type vxcan peer name c1 type vxcan
ip link add v0 type vlan bogus
ip link add v0 type vlan id x
ip link add v0 type vlan protocol x
ip link add link lo name vl type vlan protocol x25 id 5
ip link add link lo name vl type vlan protocol LLDP id 5
ip link add br0 type bridge vlan_protocol ipx
ip link add v0 type vlan reorder_hdr x
ip link add v0 type vlan ingress-qos-map 1:x
ip link add v0 type vlan egress-qos-map x:1
ip link add v0 type vlan id 5
ip link add b0 type bond mode x
ip link add b0 type bond miimon x
ip link add b0 type bond primary nosuch
ip link add b0 type bond arp_ip_target 1.2.3.999
ip link add b0 type bond ns_ip6_target zz
ip link add b0 type bond bogus
ip link add b0 type bond_slave bogus
ip link add b0 type bond_slave prio x
ip link add r0 type vrf table x
ip link add r0 type vrf bogus
ip link add i0 type ipvlan mode x
ip link add i0 type ipvlan private vepa
ip link add i0 type ipvtap bogus
ip link add d0 type dummy
ip link add g0 type gre
ip link add g0 type geneve
ip link add g0 type geneve id 5
ip link add g0 type geneve remote 192.0.2.1
ip link add g0 type geneve id 5 external
ip link add g0 type geneve id 5 remote 239.1.1.1
ip link add g0 type geneve id 5 remote 192.0.2.1 id 6
ip link add g0 type geneve id 5 remote 192.0.2.1 bogus
ip link add g0 type geneve id 5 remote 192.0.2.1 tos xyz
ip link add g0 type geneve id 5 remote 192.0.2.1 tos +1f
ip link add g0 type geneve id 5 remote 192.0.2.1
$IP link add va type veth peer name vb
ip link add h0 type hsr slave1 va slave2 vb supervision 5
ip link add h0 type hsr slave1 nosuch
ip link add h0 type hsr version x
ip link add h0 type hsr bogus
ip link add u0 type bareudp dstport 1
ip link add u0 type bareudp ethertype ip
ip link add u0 type bareudp ethertype bogus dstport 1
ip link add u0 type bareudp dstport 1 dstport 2
ip link add u0 type bareudp bogus
ip link add t0 type gtp hsize 5
ip link add t0 type gtp role x
ip link add t0 type gtp role sgsn hsize 200000
ip link add t0 type gtp role sgsn restart_count 0x5
ip link add t0 type gtp role sgsn junk
ip link add a0 type amt mode x
ip link add a0 type amt bogus
ip link add a0 type amt dev nosuch
ip link add a0 type amt local 192.0.2.1 local 192.0.2.2
ip link add a0 type amt discovery 2001:db8::1 local 192.0.2.1
ip link add a0 type amt mode relay dev va
ip link add t0 type ipip mode x
ip link add t0 type ipip mode ip6ip
ip link add t0 type sit mode ip6ip isatap bogus
ip link add t0 type ipip remote 2001:db8::1
ip link add t0 type ipip ttl 5 nopmtudisc
ip link add t0 type ipip ttl 300
ip link add t0 type ipip encap x
ip link add t0 type ipip dev nosuch
ip link add t0 type sit 6rd-prefix 192.0.2.0/24
ip link add t0 type sit 6rd-prefix 2001:db8::/129
ip link add t0 type sit 6rd-relay_prefix any/8
ip link add t0 type ipip fwmark x
ip link set va type ipip ttl 5
ip link set va type sit local 192.0.2.1
ip link add t0 type ipip remote 192.0.2.1
ip link add v0 type vti key x
ip link add v0 type vti key 1.2.3.999
ip link add v0 type vti remote 2001:db8::1
ip link add v0 type vti6 remote 192.0.2.1
ip link add v0 type vti bogus
ip link add v0 type vti6 bogus
ip link add v0 type vti dev nosuch
ip link set va type vti key 5
ip link add g0 type gre remote 239.1.1.1
ip link add g0 type gre key x
ip link add g0 type gre bogus
ip link add g0 type gretap erspan 5
ip link add g0 type erspan erspan 0
ip link add g0 type erspan erspan_ver 3
ip link add g0 type erspan erspan_dir sideways
ip link add g0 type gre ttl 999
ip link add g0 type gre remote 2001:db8::1
ip link set va type gre key 5
ip link add g0 type gre remote 192.0.2.1
ip link add t0 type ip6tnl mode x
ip link add t0 type ip6tnl remote 192.0.2.1
ip link add t0 type ip6tnl tclass 100
ip link add t0 type ip6tnl flowlabel 100000
ip link add t0 type ip6tnl dscp 5
ip link add t0 type ip6tnl bogus
ip link set va type ip6tnl hlim 5
ip link add g0 type ip6gre remote 192.0.2.1
ip link add g0 type ip6gre encaplimit x
ip link add g0 type ip6gre nopmtudisc
ip link add g0 type ip6gretap erspan 0
ip link add g0 type ip6gre flowlabel zz
ip link set va type ip6gre key 1
ip link add c0 type can bitrate x
ip link add c0 type can sample-point x
ip link add c0 type can loopback maybe
ip link add c0 type can tdc-mode x
ip link add c0 type can bogus
ip link add c0 type can bitrate 500000
ip link add m0 type macsec bogus
ip link add m0 type macsec port 0
ip link add m0 type macsec port 1 sci 5
ip link add m0 type macsec address zz port 1
ip link add m0 type macsec sci xyz
ip link add m0 type macsec cipher x
ip link add m0 type macsec cipher default cipher default
ip link add m0 type macsec icvlen 4
ip link add m0 type macsec icvlen x
ip link add m0 type macsec encrypt maybe
ip link add m0 type macsec validate x
ip link add m0 type macsec offload x
ip link add m0 type macsec encodingsa 4
ip link add m0 type macsec encodingsa 1 encodingsa 2
ip link add m0 type macsec window 5
ip link add m0 type macsec replay on
ip link add m0 type macsec send_sci on end_station on
ip link add m0 type macsec port 5
