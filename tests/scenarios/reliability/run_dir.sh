# /run/netns missing, then a plain file: reported as ip reports it, nothing
# is bound onto the file
umount /run/netns && rmdir /run/netns
ip netns list
ip -all netns delete
ip -all netns exec true
ip netns identify
ip netns pids a
ip netns del a
ip netns exec a true
touch /run/netns
ip netns list
ip netns add a
ip netns attach a 1
ip -all netns delete
ip -all netns exec true
ip netns identify
ip netns pids a
ip netns del a
ip netns exec a true
ip -n a link show
ip netns set a 5
grep -c ' /run/netns ' /proc/self/mountinfo
rm /run/netns && ip netns add b && ip netns list
