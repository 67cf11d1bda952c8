# ip -d link show of bridges and bridge ports (kind and port details), built by the real ip.
# All links stay down, so the STP timers read 0.00 in both runs; br0's gc_timer runs
# anyway and is masked with sed wherever br0 shows.
# (This kernel has no bridge VLAN filtering: vlan_filtering 1 is refused.)
$IP link add br0 address 02:00:00:00:00:b0 type bridge forward_delay 500 hello_time 300 max_age 1000 ageing_time 12000 stp_state 1 priority 4096 vlan_protocol 802.1ad vlan_default_pvid 7 vlan_stats_enabled 1 vlan_stats_per_port 1 group_fwd_mask 0x4000 group_address 01:80:c2:00:00:0e mcast_snooping 0 mcast_router 2 mcast_query_use_ifaddr 1 mcast_querier 1 mcast_hash_elasticity 4 mcast_hash_max 1024 mcast_last_member_count 3 mcast_startup_query_count 4 mcast_last_member_interval 200 mcast_membership_interval 30000 mcast_querier_interval 26000 mcast_query_interval 13000 mcast_query_response_interval 1100 mcast_startup_query_interval 3000 mcast_stats_enabled 1 mcast_igmp_version 3 mcast_mld_version 2 nf_call_iptables 1 nf_call_ip6tables 1 nf_call_arptables 1 no_linklocal_learn 1
$IP link add br1 address 02:00:00:00:00:b1 type bridge
$IP link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
$IP link add vc address 02:00:00:00:00:0c type veth peer name vd address 02:00:00:00:00:0d
$IP link add ve address 02:00:00:00:00:0e type veth peer name vf address 02:00:00:00:00:0f
$IP link set va master br0
$IP link set vc master br0
$IP link set ve master br1
$IP link set va type bridge_slave priority 12 cost 100 guard on hairpin on fastleave on root_block on learning off flood off proxy_arp on mcast_router 2 mcast_flood off bcast_flood off mcast_to_unicast on group_fwd_mask 0x4005 neigh_suppress on vlan_tunnel on isolated on locked on backup_port vc
$IP link set vc type bridge_slave group_fwd_mask 0x8 proxy_arp_wifi on cost 65535
ip -d link show br0 | sed -E 's/(gc_timer"?:? *)[0-9]+\.[0-9]+/\1T/'
ip -d link show br1
ip -d link show va
ip -d link show vc
ip -d link show ve
ip -d link | sed -E 's/(gc_timer"?:? *)[0-9]+\.[0-9]+/\1T/'
ip -d -j link show br0 | sed -E 's/(gc_timer"?:? *)[0-9]+\.[0-9]+/\1T/'
ip -d -j link show va
ip -d -j link | sed -E 's/(gc_timer"?:? *)[0-9]+\.[0-9]+/\1T/'
ip -d -j -p link show br0 | sed -E 's/(gc_timer"?:? *)[0-9]+\.[0-9]+/\1T/'
ip -d -j -p link show vc
ip -d -o link show | sed -E 's/(gc_timer"?:? *)[0-9]+\.[0-9]+/\1T/'
ip -d -N link show br0 | sed -E 's/(gc_timer"?:? *)[0-9]+\.[0-9]+/\1T/'
ip -s -d link show br0 | sed -E 's/(gc_timer"?:? *)[0-9]+\.[0-9]+/\1T/'
ip -s -s -d -j link show br0 | sed -E 's/(gc_timer"?:? *)[0-9]+\.[0-9]+/\1T/'
ip -d link show type bridge | sed -E 's/(gc_timer"?:? *)[0-9]+\.[0-9]+/\1T/'
ip -d link show type bridge_slave
ip -d -j -p link show master br0 | sed -E 's/(gc_timer"?:? *)[0-9]+\.[0-9]+/\1T/'
ip -d -br link show
