# ip netconf: ip's refusals and usage, word for word
ip netconf show dev nope
ip -4 netconf show dev nope
ip netconf show dev
ip netconf show dev lo dev
ip netconf help
ip netconf h
ip netconf show help
ip netconf foo
ip netconf shows
ip netconf ""
ip netconf show dev if999
ip netconf show dev ""
