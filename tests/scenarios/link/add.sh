# ip link add for the kinds this kernel has, read back by ip and rnet
$IP link set lo up
ip link add veth0 address 02:00:00:00:00:01 type veth peer name veth1 address 02:00:00:00:00:02
ip link show
$IP -d link show veth0
ip link add name v2 address 02:00:00:00:00:03 mtu 1400 txqueuelen 500 type veth peer v3 address 02:00:00:00:00:04 mtu 1300 txqlen 0x20
ip link show v2
ip link show v3
ip link add dev v4 address 02:00:00:00:00:05 numtxqueues 2 numrxqueues 3 type veth peer name v5 address 02:00:00:00:00:06
$IP -d link show v4
ip link add v6 type veth
ip -j link show v6
ip link add v7 index 40 address 02:00:00:00:00:07 type veth peer index 41 name v8 address 02:00:00:00:00:08
ip link show v7
ip link show v8
ip link add br0 address 02:00:00:00:00:b0 type bridge
ip link show br0
ip link add br1 address 02:00:00:00:00:b1 type bridge stp_state 1 forward_delay 500 hello_time 300 max_age 2500 ageing_time 20000 priority 100 vlan_filtering 1 vlan_protocol 802.1ad vlan_default_pvid 7 mcast_snooping 0 group_fwd_mask 8 mcast_router 2 mcast_querier 1 mcast_hash_max 1024 mcast_last_member_interval 200 nf_call_iptables 0 no_linklocal_learn 1 mcast_igmp_version 3
$IP -d link show br1 | sed -E "s/(gc|hello)_timer +[0-9.]+//g"
ip link add br2 address 02:00:00:00:00:b2 type bridge group_address 01:80:c2:00:00:03 mcast_stats_enabled 1 vlan_stats_enabled 1 mcast_vlan_snooping 0 mcast_query_interval 3000 mcast_membership_interval 30000
$IP -d link show br2 | sed -E "s/(gc|hello)_timer +[0-9.]+//g"
ip link add ifb0 address 02:00:00:00:00:1f type ifb
ip link add ifb1 type ifb some words ip ignores
ip link show ifb0
ip -j link show ifb1
ip link add mv0 link veth0 address 02:00:00:00:00:a0 type macvlan mode bridge
$IP -d link show mv0
ip link add mv1 link veth0 address 02:00:00:00:00:a1 type macvlan mode private bcqueuelen 2000
$IP -d link show mv1
ip link add mv2 link veth1 address 02:00:00:00:00:a2 type macvlan mode passthru nopromisc
$IP -d link show mv2
ip link add mv3 link v2 address 02:00:00:00:00:a3 type macvlan mode source macaddr add 02:00:00:00:00:99
$IP -d link show mv3
ip link add mv4 link v2 address 02:00:00:00:00:a4 type macvlan mode vepa flag nodst
$IP -d link show mv4
ip link add mt0 link v4 address 02:00:00:00:00:a5 type macvtap mode bridge
$IP -d link show mt0
ip link add vx0 address 02:00:00:00:00:c0 type vxlan id 42 dstport 4789 remote 192.0.2.1 local 192.0.2.2 ttl 64 tos 10 nolearning ageing 100 maxaddress 10 srcport 1000 2000
$IP -d link show vx0
ip link add vx1 address 02:00:00:00:00:c1 type vxlan id 43 dstport 0 group 239.1.1.1 dev veth0 df set flowlabel 5 udpcsum l2miss proxy
$IP -d link show vx1
ip link add vx2 address 02:00:00:00:00:c2 type vxlan id 44 dstport 4789 remote 2001:db8::1 local 2001:db8::2 ttl inherit
$IP -d link show vx2
ip link add vx3 address 02:00:00:00:00:c3 type vxlan external dstport 4789
$IP -d link show vx3
ip link add vx4 address 02:00:00:00:00:c4 type vxlan id 45
$IP -d link show vx4
ip link add vx5 address 02:00:00:00:00:c5 type vxlan vni 46 gpe external
ip link add vx6 address 02:00:00:00:00:c6 type vxlan id 46 gpe
$IP -d link show vx6
ip link add v9 address 02:00:00:00:00:09 up arp off multicast off allmulticast on promisc on trailers off dynamic on alias "the alias" group 5 mode dormant state dormant type veth peer name v10 address 02:00:00:00:00:10
ip link show v9
ip -j link show v9
ip link add v11 address 02:00:00:00:00:11 broadcast 02:ff:ff:ff:ff:ff gso_max_size 30000 gso_max_segs 100 gro_max_size 20000 type veth peer name v12 address 02:00:00:00:00:12
$IP -d link show v11
ip link add v13 address 2:0:0:0:0:13 addrgenmode none type veth peer name v14 address 02:00:00:00:00:14
$IP -d link show v13
ip link replace v15 address 02:00:00:00:00:15 type veth peer name v16 address 02:00:00:00:00:16
ip link show v15
ip link add v17 master br0 address 02:00:00:00:00:17 type veth peer name v18 address 02:00:00:00:00:18
ip link show master br0
ip link a v19 addr 02:00:00:00:00:19 ty veth pe v20
ip link show v19
ip link add v21 type veth peer name v22 type veth
ip link show
ip link add vx7 address 02:00:00:00:00:c7 type vxlan id 47 dstport 4789 local 0.0.0.0 remote 192.0.2.9
$IP -d link show vx7
ip link add vx8 address 02:00:00:00:00:c8 type vxlan id 48 dstport 4789 local 192.0.2.8 remote any
$IP -d link show vx8
ip link add vx9 address 02:00:00:00:00:c9 type vxlan id 49 dstport 4789 remote 192.0.2.7 local default
$IP -d link show vx9
