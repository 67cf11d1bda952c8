# ip vrf on a kernel without the vrf module: listings, tables, identify, exec into the default VRF
$IP link add va type veth peer name vb
ip link add blue type vrf table 10
ip vrf
ip vrf show
ip vrf s
ip vrf l
ip vrf ls
ip vrf list
ip vrf lst
ip -4 vrf show
ip -6 vrf show
ip -j vrf
ip -j -p vrf show
ip -c vrf
ip -o vrf
ip vrf show default
ip -j vrf show default
ip -6 vrf show default
ip vrf show va
ip vrf show lo
ip vrf show nope
ip vrf show blue
$IP link add default type veth peer name dflt-peer
ip vrf show default
ip vrf identify
ip vrf i
ip vrf identify 1
ip vrf identify $$
ip vrf identify " 1"
ip vrf identify 99999999
ip vrf identify 4294967295
ip vrf exec default echo hello
ip vrf e default true
ip vrf exec default sh -c 'exit 3'
ip vrf exec default nosuchcommand
ip vrf exec default ip vrf identify
ip vrf exec default sh -c 'grep ^0:: /proc/self/cgroup'
printf 'vrf exec default echo one\nvrf exec default sh -c "exit 4"\nvrf show\n' > b && ip -batch b
printf 'vrf exec default echo one\nvrf exec default sh -c "exit 4"\nvrf show\n' > b && ip -force -batch b
printf 'vrf show va\nvrf pids va\nvrf identify x\nvrf show\n' > b && ip -force -batch b
ip -0 vrf show
ip -j -6 vrf
ip -M vrf
# not root but with capabilities: they are dropped before the command runs
# unless CAP_NET_ADMIN is inheritable
setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=+dac_override --ambient-caps=+dac_override ip vrf exec default grep -E 'CapInh|CapEff' /proc/self/status
setpriv --reuid=65534 --regid=65534 --clear-groups --inh-caps=+dac_override,+net_admin --ambient-caps=+dac_override,+net_admin ip vrf exec default grep CapEff /proc/self/status
# a process in a VRF's cgroup: identify names it, netns exec leaves it first
$IP netns add ns1
mnt=$(awk '$3 == "cgroup2" {print $2; exit}' /proc/mounts); mkdir -p "$mnt/vrf/rnet-test"; echo "$mnt" > mnt
sh -c 'echo $$ > "$(cat mnt)/vrf/rnet-test/cgroup.procs"; ip vrf identify; ip vrf identify $$; ip netns exec ns1 sh -c "grep ^0:: /proc/self/cgroup | sed s,.*/vrf,/vrf,"; ip vrf identify'
printf 'netns exec ns1 sh -c "grep ^0:: /proc/self/cgroup | sed s,.*/vrf,/vrf,"\nvrf identify\n' > b && sh -c 'echo $$ > "$(cat mnt)/vrf/rnet-test/cgroup.procs"; ip -batch b'
sh -c 'echo $$ > "$(cat mnt)/vrf/rnet-test/cgroup.procs"; ip vrf exec default ip vrf identify; ip vrf exec default sh -c "grep ^0:: /proc/self/cgroup | sed s,.*/vrf,/vrf,"'
rmdir "$(cat mnt)/vrf/rnet-test"
