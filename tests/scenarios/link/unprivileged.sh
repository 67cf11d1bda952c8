# an ordinary user: link changes are refused by the kernel, checks still run first
$IP link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
ip netns add ns1
setpriv --reuid=65534 --regid=65534 --clear-groups ip link add vc type ifb
setpriv --reuid=65534 --regid=65534 --clear-groups ip link set va up
setpriv --reuid=65534 --regid=65534 --clear-groups ip link set va mtu 1400
setpriv --reuid=65534 --regid=65534 --clear-groups ip link del va
setpriv --reuid=65534 --regid=65534 --clear-groups ip link set va netns ns1
setpriv --reuid=65534 --regid=65534 --clear-groups ip link set nosuch up
setpriv --reuid=65534 --regid=65534 --clear-groups ip link set va mtu abc
setpriv --reuid=65534 --regid=65534 --clear-groups ip link property add dev va altname x
setpriv --reuid=65534 --regid=65534 --clear-groups ip link add vc type veth peer name vd netns ns1
setpriv --reuid=65534 --regid=65534 --clear-groups ip link add vc link-netns ns1 type veth
ip link show
