# exec: namespace, mount namespace, /sys, /etc/netns binds, exit status
ip netns add ns1
ip netns add ns2
ip netns exec ns1 ls /sys/class/net
ip netns exec ns1 sh -c 'grep -c " /sys " /proc/self/mountinfo'
ip netns exec ns1 sh -c 'awk "\$5 == \"/sys\" {print \$9, \$10}" /proc/self/mountinfo'
ip netns exec ns1 ip netns identify
ip netns exec ns2 ip netns identify
ip netns exec ns1 sh -c 'exit 7'
ip netns exec ns1 false
ip netns exec ns1 true
ip netns e ns1 echo abbreviated
ip netns exec ns1 -- echo dashes
ip netns exec ns1 echo -n no-newline
mkdir -p /etc/netns/ns1
echo '192.0.2.1 special-host' > /etc/netns/ns1/hosts
ip netns exec ns1 cat /etc/hosts
ip netns exec ns2 grep -c special-host /etc/hosts
# -n before the failing bind below: ip's -n also binds /etc/netns/NAME/*
# (and warns when that fails); rnet's -n makes no mount namespace at all
ip -n ns1 netns identify
ip -n ns2 -n ns1 netns identify
ip -n ns1 netns exec ns2 ip netns identify
touch /etc/netns/ns1/does-not-exist-in-etc
ip netns exec ns1 cat /etc/hosts
ip netns exec ns1 sh -c 'mount -t tmpfs tmpfs /mnt && echo mounted'
grep -c ' /mnt ' /proc/self/mountinfo
ip -all netns exec echo hi
ip -all netns exec sh -c 'exit 3'
ip -a netns exec ip netns identify
ip netns exec ns1 sh -c 'echo out; echo err >&2; exit 4'
