# An address-management script: primaries and secondaries, labels, IPv6,
# changes, and flushes, as provisioning scripts do.
ip link add lab0 address 02:00:00:00:00:01 type ifb
ip link set lab0 up
ip addr add 203.0.113.10/24 brd + dev lab0 label lab0:web
ip addr add 203.0.113.11/24 dev lab0
ip addr add 203.0.113.12/24 dev lab0 label lab0:db
ip addr add 2001:db8:10::1/64 dev lab0 nodad
ip addr add 2001:db8:10::2/64 dev lab0 nodad noprefixroute
ip addr show dev lab0
ip -4 addr show label 'lab0:*'
ip addr show dev lab0 secondary
ip addr show dev lab0 primary
ip -6 addr show dev lab0
ip addr change 203.0.113.11/24 dev lab0 valid_lft 300 preferred_lft 200
ip addr show dev lab0 | grep -c dynamic
ip addr replace 203.0.113.11/24 dev lab0
ip addr del 203.0.113.10/24 dev lab0
ip addr show dev lab0
ip addr add 203.0.113.11/24 dev lab0
ip addr flush dev lab0 label lab0:db
ip -4 addr show dev lab0
ip addr flush dev lab0
ip addr show dev lab0
ip link del lab0
