# an ordinary user: every changing command fails with ip's error and status
# and changes nothing (checked by the state dumps at the end); shows work
$IP link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
$IP addr add 192.0.2.1/24 dev va
$IP addr add 2001:db8::1/64 dev va nodad
$IP rule add from 192.0.2.0/24 table 100 pref 100
$IP netns add ns1
{ $IP -d link show; $IP addr show; $IP rule show; $IP -6 rule show; $IP netns list-id; ls -A /run/netns; cat /proc/self/mountinfo | wc -l; } > before.state
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns add x1
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns attach x1 1
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns del ns1
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns set ns1 5
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns exec ns1 true
setpriv --reuid=65534 --regid=65534 --clear-groups ip -all netns delete
setpriv --reuid=65534 --regid=65534 --clear-groups ip link add vc type ifb
setpriv --reuid=65534 --regid=65534 --clear-groups ip link add vc type veth peer name vd
setpriv --reuid=65534 --regid=65534 --clear-groups ip link set va up
setpriv --reuid=65534 --regid=65534 --clear-groups ip link set va name vz
setpriv --reuid=65534 --regid=65534 --clear-groups ip link set va mtu 1400 txqueuelen 5
setpriv --reuid=65534 --regid=65534 --clear-groups ip link set va netns ns1
setpriv --reuid=65534 --regid=65534 --clear-groups ip link set dev va alias hello
setpriv --reuid=65534 --regid=65534 --clear-groups ip link change va down
setpriv --reuid=65534 --regid=65534 --clear-groups ip link del va
setpriv --reuid=65534 --regid=65534 --clear-groups ip link delete dev vb type veth
setpriv --reuid=65534 --regid=65534 --clear-groups ip link property add dev va altname x
setpriv --reuid=65534 --regid=65534 --clear-groups ip link property del dev va altname x
setpriv --reuid=65534 --regid=65534 --clear-groups ip addr add 192.0.2.2/24 dev va
setpriv --reuid=65534 --regid=65534 --clear-groups ip addr add 2001:db8::2/64 dev va
setpriv --reuid=65534 --regid=65534 --clear-groups ip addr del 192.0.2.1/24 dev va
setpriv --reuid=65534 --regid=65534 --clear-groups ip addr flush dev va
setpriv --reuid=65534 --regid=65534 --clear-groups ip -6 addr flush dev va
setpriv --reuid=65534 --regid=65534 --clear-groups ip addr change 192.0.2.1/24 dev va valid_lft 100 preferred_lft 100
setpriv --reuid=65534 --regid=65534 --clear-groups ip addr replace 192.0.2.1/24 dev va
setpriv --reuid=65534 --regid=65534 --clear-groups ip rule add from 198.51.100.0/24 table 5
setpriv --reuid=65534 --regid=65534 --clear-groups ip -6 rule add from 2001:db8::/32 table 5
setpriv --reuid=65534 --regid=65534 --clear-groups ip rule del pref 100
setpriv --reuid=65534 --regid=65534 --clear-groups ip rule flush
setpriv --reuid=65534 --regid=65534 --clear-groups ip -6 rule flush
setpriv --reuid=65534 --regid=65534 --clear-groups ip link show
setpriv --reuid=65534 --regid=65534 --clear-groups ip -d link show va
setpriv --reuid=65534 --regid=65534 --clear-groups ip -s link show lo
setpriv --reuid=65534 --regid=65534 --clear-groups ip -br addr show
setpriv --reuid=65534 --regid=65534 --clear-groups ip addr show dev va
setpriv --reuid=65534 --regid=65534 --clear-groups ip -j addr show dev va
setpriv --reuid=65534 --regid=65534 --clear-groups ip rule show
setpriv --reuid=65534 --regid=65534 --clear-groups ip -6 rule show
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns list
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns list-id
setpriv --reuid=65534 --regid=65534 --clear-groups ip -n ns1 link show
ip link show
ip addr show
ip rule show
ip -6 rule show
ip netns list
ls -A /run/netns
{ $IP -d link show; $IP addr show; $IP rule show; $IP -6 rule show; $IP netns list-id; ls -A /run/netns; cat /proc/self/mountinfo | wc -l; } > after.state; cmp before.state after.state && echo unchanged
