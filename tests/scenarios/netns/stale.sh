# entries under /run/netns that are not namespaces
ip netns add good
touch /run/netns/stale
mkdir /run/netns/adir
ip netns list
ip -j netns list
ip netns exec stale true
ip netns exec adir true
ip netns set stale 3
ip netns list-id
ip netns pids stale
ip netns delete stale
ip netns delete adir
ip netns list
ip -all netns delete
ls -A /run/netns
