# ip neigh: ip's errors, usage and exit statuses
$IP link add va type veth peer name vb
$IP link set va up
$IP neigh add 192.0.2.1 lladdr 02:00:00:00:00:01 dev va
ip neigh help
ip neigh h
ip neighbor help
ip neigh foo
ip neigh add
ip neigh add 192.0.2.2
ip neigh add dev va
ip neigh add all dev va
ip -4 neigh add all dev va lladdr 2:0:0:0:0:1
ip neigh add to
ip neigh add help
ip neigh add h 192.0.2.2 dev va lladdr 2:0:0:0:0:2
ip neigh add 192.0.2.3 lladdr
ip neigh add 192.0.2.3 lladdr 1 lladdr 2 dev va
ip neigh add 192.0.2.3 lladdr zz dev va
ip neigh add 192.0.2.3 lladdr 1:2:zz dev va
ip neigh add 192.0.2.3 lladdr 1:300 dev va
ip neigh add 192.0.2.3 lladdr 1.2.3 dev va
ip neigh add 192.0.2.3 lladdr 2:0:0:0:0:3 dev nosuch
ip neigh add 192.0.2.3 lladdr zz dev nosuch
ip neigh add 192.0.2.3 192.0.2.4 dev va
ip neigh add 192.0.2.3 dev va nud
ip neigh add 192.0.2.3 dev va nud bogus
ip neigh add 192.0.2.3 dev va nud 3
ip neigh add 192.0.2.3 dev va nud 0x100
ip neigh add 192.0.2.3 dev va nud stal
ip neigh add 192.0.2.3 dev va protocol bogus
ip neigh add 192.0.2.3 dev va protocol
ip neigh add 192.0.2.3 dev va dev
ip neigh add bogus dev va
ip neigh add 2001:db8::zz dev va
ip -4 neigh add 2001:db8::1 dev va
ip -6 neigh add 192.0.2.3 dev va
ip neigh add 192.0.2.3 dev va
ip neigh add 192.0.2.3 dev va nud reachable
ip neigh add 192.0.2.3 dev va lladdr 1:2:3
ip neigh add 192.0.2.1 lladdr 02:00:00:00:00:01 dev va
ip neigh change 192.0.2.9 lladdr 02:00:00:00:00:01 dev va
ip neigh del 192.0.2.9 dev va
ip neigh del 192.0.2.9
ip neigh del dev va
ip neigh add 192.0.2.3 dev va garbage
ip neigh show bogus
ip neigh show dev
ip neigh show dev nosuch
ip neigh show dev va dev vb
ip neigh show nud
ip neigh show nud bogus
ip neigh show protocol bogus
ip neigh show help
ip neigh show to help
ip neigh show master nosuch
ip neigh show master
ip neigh show vrf va
ip neigh show vrf nosuch
ip -6 neigh show to 192.0.2.0/24 | sort
ip -4 neigh show to 2001:db8::/32 | sort
ip neigh show to 192.0.2.0/33
ip neigh flush
printf '%s\n' 'neigh add 192.0.2.50 lladdr 2:0:0:0:0:50 dev va' 'neigh add 192.0.2.50 lladdr 2:0:0:0:0:50 dev va' 'neigh add 192.0.2.51 lladdr 2:0:0:0:0:51 dev va' | ip -batch -
printf '%s\n' 'neigh get 192.0.2.99 dev va' 'neigh flush' 'neigh del 192.0.2.99 dev va' 'neigh add 192.0.2.52 lladdr 2:0:0:0:0:52 dev va' | ip -force -batch -
printf '%s\n' 'neigh add 192.0.2.53 dev va' 'neigh add 192.0.2.54 lladdr 2:0:0:0:0:54 dev va' | ip -force -batch -
ip neigh show dev va | sort
