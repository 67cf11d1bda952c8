# ip vrf: ip's refusals and usage, word for word
$IP link add va type veth peer name vb
ip vrf help
ip vrf h
ip vrf foo
ip vrf showx
ip vrf show a b
ip vrf show a b c
ip vrf identify 1 2
ip vrf identify x
ip vrf identify -1
ip vrf identify 1x
ip vrf identify ""
ip vrf identify 0x10
ip vrf identify 4294967296
ip vrf pids
ip vrf pids va
ip vrf pids default
ip vrf pids va vb
ip vrf p nope
ip vrf exec
ip vrf exec va
ip vrf exec va true
ip vrf exec nope true
ip vrf e
ip -j vrf show nope
