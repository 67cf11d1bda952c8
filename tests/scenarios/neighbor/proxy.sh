# proxy entries: add, show, get, delete, flush, IPv6, JSON
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
ip neigh add proxy 192.0.2.10 dev va
ip neigh add proxy 192.0.2.11 dev va router
ip neigh add proxy 192.0.2.12 dev vb protocol static
ip neigh add proxy 2001:db8::10 dev va
ip -6 neigh add proxy 2001:db8::11 dev vb
ip neigh add proxy 192.0.2.10 dev va
ip neigh replace proxy 192.0.2.13 dev va
ip neigh show proxy | sort
ip neigh show proxy dev va | sort
ip -4 neigh show proxy | sort
ip -6 neigh show proxy | sort
ip -j neigh show proxy | sed 's/^\[//; s/\]$//; s/},{/}\n{/g' | sort
ip -4 -j -p neigh show proxy dev vb
ip neigh show proxy to 192.0.2.11 | sort
ip neigh show proxy protocol static | sort
ip neigh show | sort
ip neigh get proxy 192.0.2.10 dev va
ip neigh get proxy 192.0.2.10 dev vb
ip neigh get proxy 2001:db8::10 dev va
ip neigh get proxy 192.0.2.99 dev va
ip neigh del proxy 192.0.2.10 dev va
ip neigh del proxy 192.0.2.10 dev va
ip neigh del proxy 2001:db8::11 dev vb
ip neigh show proxy | sort
ip -s neigh flush proxy dev va
ip neigh show proxy | sort
ip neigh flush proxy
ip neigh show proxy | sort
ip neigh add proxy help
ip neigh add proxy
ip neigh add proxy 192.0.2.1 proxy 192.0.2.2 dev va
ip neigh add 192.0.2.1 proxy 192.0.2.2 dev va
ip neigh add proxy bogus dev va
ip neigh get proxy help
ip neigh get proxy 192.0.2.1 proxy 192.0.2.2 dev va
