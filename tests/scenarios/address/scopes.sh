printf '0 world\n100 hundred\n77 host\n' >> /etc/iproute2/rt_scopes
$IP link add ifb0 address 02:00:00:00:00:1f type ifb
$IP link set lo up
ip addr add 192.0.2.1/24 dev ifb0
ip addr
ip addr add 198.51.100.2/24 scope 100 dev ifb0
ip addr
ip addr show scope world
ip addr add 203.0.113.3/24 scope hundred dev ifb0
ip addr
ip -N addr show dev ifb0
ip -j addr show dev ifb0
ip addr add 203.0.113.4/24 scope world dev ifb0
ip addr show scope 0
ip addr show dev lo scope host
ip -4 addr
