# ip and rnet see and manage each other's namespaces ($IP is always the real ip)
$IP netns add from-ip
ip netns list
ip netns add from-test
$IP netns list
$IP netns exec from-test ip netns identify
ip netns exec from-ip $IP netns identify
$IP netns set from-test 4
ip netns list
ip netns set from-ip 6
$IP netns list
$IP netns list-id
ip netns delete from-ip
$IP netns list
$IP netns delete from-test
ip netns list
grep -c /run/netns/ /proc/self/mountinfo
