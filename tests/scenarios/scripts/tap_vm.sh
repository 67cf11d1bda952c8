# A VM host's network setup, as libvirt/QEMU wrapper scripts do it: a tap
# device per guest, enslaved to a bridge that carries the host's address,
# a static neighbour for the guest and proxy ARP for an address routed to
# it. Every line is compared.
mount -t sysfs sysfs /sys
ip link add br0 address 02:00:00:00:0b:00 type bridge
ip link set br0 up
ip addr add 192.0.2.1/24 dev br0
ip addr add 2001:db8:10::1/64 dev br0 nodad
ip tuntap add dev vm1-tap0 mode tap vnet_hdr user 0 group 0
ip tuntap add dev vm2-tap0 mode tap multi_queue
ip link set vm1-tap0 address 02:00:00:00:01:01
ip link set vm2-tap0 address 02:00:00:00:02:01
ip link set vm1-tap0 mtu 1500
ip link set vm1-tap0 master br0
ip link set vm2-tap0 master br0
ip link set vm1-tap0 up
ip link set vm2-tap0 up
ip tuntap show
ip -d tuntap show
ip -j tuntap
ip -br link show master br0
ip -d link show vm1-tap0
ip -br addr show dev br0
# the guest's MAC, learnt statically; proxy ARP for an address behind it
ip neigh add 192.0.2.10 lladdr 52:54:00:12:34:56 dev br0 nud permanent
ip neigh add 2001:db8:10::10 lladdr 52:54:00:12:34:56 dev br0 nud permanent
sh -c 'echo 1 > /proc/sys/net/ipv4/conf/br0/proxy_arp'
ip neigh add proxy 198.51.100.10 dev br0
ip route add 198.51.100.10/32 dev br0
ip neigh show dev br0
ip neigh show proxy
ip -br link
ip maddress show dev br0
# guest shut down: its tap goes, the other stays
ip link set vm1-tap0 down
ip link set vm1-tap0 nomaster
ip tuntap del dev vm1-tap0 mode tap
ip tuntap
ip -br link show master br0
ip tuntap del dev vm2-tap0 mode tap multi_queue
ip tuntap
