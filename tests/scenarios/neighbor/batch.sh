# ip -batch of neighbour lines: a failing line (refused by the kernel, or
# not understood) stops the batch with nothing after it applied, unless
# -force; each error names its own line (comments, blank and joined lines
# counted); a bad argument (exit 255) ends even a forced batch; show inside
# a batch, in text and JSON
$IP link add va type veth peer name vb
$IP link set va up
printf '%s\n' 'neigh add 192.0.2.1 lladdr 2:0:0:0:0:1 dev va' '# a comment' '' 'neigh add 192.0.2.2 lladdr 2:0:0:0:0:2 dev va' 'neigh add 192.0.2.1 lladdr 2:0:0:0:0:1 dev va' 'neigh add 192.0.2.3 lladdr 2:0:0:0:0:3 dev va' 'neigh add 192.0.2.4 lladdr 2:0:0:0:0:4 dev va' > refused
ip -batch refused
ip neigh show dev va to 192.0.2.0/24 | sort
sed 's/192\.0\.2\./198.51.100./' refused > refused-forced
ip -force -batch refused-forced
ip neigh show dev va to 198.51.100.0/24 | sort
printf '%s\n' 'neigh add 203.0.113.1 lladdr 2:0:0:0:0:1 dev va' 'neigh add 203.0.113.2 lladdr 2:0:0:0:0:2 dev nosuch' 'neigh add 203.0.113.3 lladdr 2:0:0:0:0:3 dev va' > unknown-dev
ip -batch unknown-dev
ip neigh show dev va to 203.0.113.0/24 | sort
printf '%s\n' 'neigh add 10.0.0.1 lladdr 2:0:0:0:0:1 dev va' 'neigh add 10.0.0.2 lladdr zz dev va' 'neigh del 10.0.0.99 dev va' 'neigh add 10.0.0.4 \' '  lladdr 2:0:0:0:0:4 dev va' 'neigh add 10.0.0.4 lladdr 2:0:0:0:0:4 dev va' 'neigh replace 10.0.0.5 lladdr 2:0:0:0:0:5 dev va nud stale' 'neigh bogus' 'neigh add 10.0.0.6 lladdr 2:0:0:0:0:6 dev va' 'neigh add 10.0.0.3 dev va nud bogus' 'neigh add 10.0.0.7 lladdr 2:0:0:0:0:7 dev va' > garbled
ip -force -batch garbled
ip -batch garbled
ip -4 neigh show dev va to 10.0.0.0/24 nud all | sort
printf '%s\n' 'neigh add 10.0.1.1 lladdr 2:0:0:0:1:1 dev va' 'neigh show dev va to 10.0.1.0/24' 'neigh del 10.0.1.1 dev va' 'neigh show dev va to 10.0.1.0/24' 'neigh add 10.0.1.2 lladdr 2:0:0:0:1:2 dev va' 'neigh show to 10.0.1.2' > listed
ip -batch listed
sed 's/10\.0\.1\./10.0.2./' listed > listed-json
ip -j -batch listed-json
sed 's/10\.0\.1\./10.0.3./' listed > listed-stats
ip -s -batch - < listed-stats | sed 's/used [0-9]*\/[0-9]*\/[0-9]*/used T/'
