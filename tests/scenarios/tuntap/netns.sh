# -n NAME: the device is made in NAME, and show reads NAME's sysfs as ip's -n does
ip netns add a
ip -n a tuntap add tap0 mode tap
ip -n a tuntap
ip -n a -d tuntap
ip tuntap
ip -n a link set lo up
ip -n a maddress
ip -n a token
ip -n a addrlabel add prefix 2001:db8::/32 label 9
ip -n a addrlabel
ip -n a maddress add 01:00:5e:00:00:42 dev tap0
ip -n a maddress show dev tap0
ip -n a tuntap del tap0 mode tap
ip -n a tuntap
