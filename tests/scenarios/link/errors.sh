# every link row of the error table, and that nothing changed afterwards
$IP link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
$IP link add ifb0 address 02:00:00:00:00:1f type ifb
ip link set nonexist up
ip link del nonexist
ip link set
ip link del
ip link set va bogus
ip link set va mtu
ip link set va mtu abc
ip link set va mtu 10
ip link set va mtu -5
ip link set va mtu 99999999
ip link set va mtu 1500 mtu 1400
ip link set va arp maybe
ip link set va multicast x
ip link set va allmulticast x
ip link set va promisc x
ip link set va trailers x
ip link set va dynamic x
ip link set va address zz:zz
ip link set va address 00:11:22
ip link set va address 1:2:3:4:5:6:7
ip link set va address 00-11-22-33-44-55
ip link set va address 192.0.2.1
ip link set va address 1:100
ip link set va name vb
ip link set va name abcdefghijklmnopqrstu
ip link set va name "a b"
ip link set va name a/b
ip link set va name ""
ip link set va name x name y
ip link set va master nonexist
ip link set va vrf nonexist
ip link set va vrf ifb0
ip link set va netns nonexist
ip link set va netns 999999
ip link set lo netns 1
ip link set va netns ns1 netns ns2
ip link set va group bogus
ip link set va group -3
ip link set va group 1 group 2
ip link set va alias aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
ip link add va type veth peer name vb
ip link add f type nosuchtype
ip link add f type dummy
ip link add foo0
ip link add f type veth bogus
ip link add name a dev b type ifb
ip link add name a dev a type ifb
ip link add group 3 type ifb
ip link add abcdefghijklmnopqrst type ifb
ip link add a type ifb
ip link add f t ifb
ip link add f type vxlan
ip link add f type vxlan dstport 4789
ip link add f type vxlan id 5 external
ip link add f type vxlan id 99999999
ip link add f type vxlan id 5 id 6
ip link add f type vxlan id 5 group 192.0.2.1
ip link add f type vxlan id 5 group 239.0.0.1
ip link add f type vxlan id 5 remote 239.0.0.1
ip link add f type vxlan id 5 remote 192.0.2.1 group 239.0.0.1
ip link add f type vxlan id 5 remote nothing
ip link add f type vxlan id 5 ttl 300
ip link add f type vxlan id 5 bogus
ip link add f type vxlan id 5 dev nosuch
ip link add f type vxlan vnifilter
ip link add f link va type macvlan mode bogus
ip link add f link va type macvlan flag bogus
ip link add f link va type macvlan bcqueuelen -1
ip link add f link va type macvlan mode bridge nopromisc
ip link add f link va type macvlan bogus
ip link add f link va type macvlan help
ip link add f link nosuch type macvlan
ip link delete lo
ip link replace ifb0 type ifb
ip link set va carrier maybe
ip link set va protodown x
ip link add f type nosuch extra
ip link add f type nosuch help
ip link add f type ifb help
ip link set va mode bogus
ip link set va state bogus
ip link set va addrgenmode bogus
ip link set va index 5
ip link set va index 0
ip link set va index 5 index 6
ip link property foo
ip link property add altname x
ip link property
ip link property add dev va altname "a b"
ip link property add dev nosuch altname x
ip link property add va vb
ip link set va txqueuelen abc
ip link set va txqueuelen 1 qlen 2
ip link set va numtxqueues x
ip link set va numrxqueues x
ip link set va link-netnsid x
ip link set va link-netns nosuch
ip link set va link-netnsid 1 link-netnsid 2
ip link set va gso_max_size x
ip link set va gso_max_segs 70000
ip link set va gro_max_size -1
ip link set va help
ip link set va h
ip link set group 5 type bridge x
ip link set group 5 type bridge
ip link set va type bridge_slave cost x
ip link set va type bridge_slave hairpin maybe
ip link set va type bridge_slave bogus
ip link add br9 type bridge stp_state x
ip link add br9 type bridge bogus
ip link add br9 type bridge priority 70000
ip link add br9 type bridge help
ip link add x type veth peer name y group 3
ip link add x type veth peer name "y z"
ip link add x type veth peer name va
ip link add x type veth peer name y mtu abc
ip link set va up down mtu
ip link set "" up
ip link set dev "" up
ip link add dev "" type ifb
ip link set va protodown_reason 0 on
ip link set va parentdev foo
ip link show
ip link set va protodown_reason 40 on
ip link set va protodown_reason 1 maybe
ip link set va protodown_reason 1 o
ip link add vf type ifb
ip link set vf 1 up
ip link set va vf x
ip link add f type vxlan id 5 remote any
ip link add f type vxlan id 5 local default
ip link add f type vxlan id 5 local 2001:db8::1 remote 192.0.2.1
ip link add f type vxlan id 5 remote 192.0.2.1 local 2001:db8::1
ip link add f type vxlan id 5 remote 1.2.3.999
ip link add f type vxlan id 5 group ff02::1
ip link add f type vxlan id 5 tos zz
ip link add f type vxlan id 5 df maybe
ip link add f type vxlan id 5 flowlabel 0x100000
ip link add f type vxlan id 5 srcport 1
ip link add f type vxlan id 5 learning nolearning
ip link set va name "$(printf 'a\vb')"
ip link set "$(printf 'a\vb')" up
ip link property add dev va altname "$(printf 'a\vb')"
ip link set va protodown_reason 40
ip link set va protodown_reason 3
ip link set va vf 0 mac 02:00:00:00:00:01
ip link set va vf 0 mac 02:00:00:00:00:01:03
ip link set va vf 0 mac zz
ip link set va vf 0 vlan 5000
ip link set va vf 0 vlan 5 qos x
ip link set va vf 0 vlan 5 proto ip
ip link set va vf 0 vlan 5 proto bogus
ip link set va vf 0 rate x
ip link set va vf 0 spoofchk maybe
ip link set va vf 0 trust o
ip link set va vf 0 state x
ip link set va vf 0 node_guid 1:2
ip link set va vf 0 max_tx_rate 5 min_tx_rate 10
ip link set va vf 0 max_tx_rate 5
ip link set va vf 0
ip link set va vf 0 mtu 1400
ip link set nosuch vf 0 mac 02:00:00:00:00:01
ip link set va vf 0 vlan 5 mtu 1400
