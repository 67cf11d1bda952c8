# list, add, delete and their abbreviations; raw readdir order (newest first on tmpfs)
ip netns list
ip -j netns list
ip netns
ip netns add test1
ip netns add test2
ip netns list
ip netns show
ip netns lst
ip netns ls
ip netns l
ip netns s
ip net
ip -j netns
ip -j -p netns list
ip --json --pretty netns
ip -p netns
ip net a test3
ip netns del test3
ip netns d test2
ip netns delete test1
ip netns list
ip -j netns
ip netns add test1 extra words ignored
ip netns list
ls -l /run/netns | cut -c1-10
grep -c ' /run/netns/test1 ' /proc/self/mountinfo
ip -all netns delete
ip netns list
umount /run/netns && rmdir /run/netns
ip netns list
ip -j netns list
ip -j netns
ip netns add again
ip netns list
