# an ordinary user: changing commands fail with ip's errors, show commands work
ip netns add ns1
ip netns set ns1 3
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns list
setpriv --reuid=65534 --regid=65534 --clear-groups ip -j netns list
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns list-id
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns add x1
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns attach x1 1
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns del ns1
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns set ns1 5
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns exec ns1 true
setpriv --reuid=65534 --regid=65534 --clear-groups ip -n ns1 netns list
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns identify
setpriv --reuid=65534 --regid=65534 --clear-groups ip netns pids ns1
ip netns list
ls -A /run/netns
