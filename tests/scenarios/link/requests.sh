# the request bytes themselves: the last netlink message each command sends (type + payload, seq/pid left out)
printf '%s\n' '/^([0-9]+ +)?(\[pid +[0-9]+\] )?send(msg|to)\(/ { if (buf != "") last = buf; buf = ""; next }' '/^ \| [0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f] / { buf = buf substr($0, 11, 49); next }' 'END { if (buf != "") last = buf; gsub(/ /, "", last); print substr(last, 9, 4) " " substr(last, 33) }' > req.awk
$IP link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
$IP link add br0 address 02:00:00:00:00:b0 type bridge
$IP netns add ns1
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link set va vf 1 vlan 5 proto 802.1ad vlan 6 qos 1 proto 802.1Q max_tx_rate 10 min_tx_rate 5; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link set va vf 1 rate 7 max_tx_rate 9 min_tx_rate 2; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link set va vf 0 mac 02:00:00:00:00:01 vlan 5 qos 2 rate 100 spoofchk on trust off state enable query_rss on; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link set va up mtu 1400 alias hi group 3 master br0 arp off promisc on state up mode dormant; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link set va netns 1; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link set va link-netns ns1; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link set va type bridge_slave cost 5 hairpin on; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link set group 3 down; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link property add dev va altname a1 altname a2; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link property del dev va altname a1; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link set va xdp off; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link add m0 link va type macvlan mode source macaddr add 02:00:00:00:00:01; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link set va addrgenmode none protodown_reason 1 on parentdev x carrier on; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip -4 link add vx type vxlan id 5 dev va group 239.1.1.1; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link set br0 type bridge vlan_filtering 1 stp_state 1; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link set va type ipip ttl 3; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link set va name vz; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link delete vz type veth; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link delete group 3; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link replace br0 type bridge; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link add v2 address 02:00:00:00:00:02 mtu 1400 type veth peer name v3 mtu 1300 promisc on; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link add br1 type bridge stp_state 1 mcast_snooping 0 no_linklocal_learn 1; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link add mt0 link v2 type macvtap mode passthru nopromisc bcqueuelen 5; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link add vx1 type vxlan id 7 remote 192.0.2.1 dstport 4789 srcport 10 20 nolearning; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip link set v2 txqueuelen 5 numtxqueues 2 gso_max_size 1000 link-netnsid 3; awk -f req.awk s.txt
strace -f -qq -e trace=sendmsg,sendto -e write=all -o s.txt ip -echo link add ifb5 type ifb; awk -f req.awk s.txt
