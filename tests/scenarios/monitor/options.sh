# ip monitor: -t/-ts headers, dev and family filters, and the grammar's errors
$IP link set lo up
$IP link add d1 type veth peer name d1p
$IP link add d2 type veth peer name d2p
sysctl -qw net.ipv6.conf.d1.disable_ipv6=1 net.ipv6.conf.d2.disable_ipv6=1 net.ipv6.conf.d1p.disable_ipv6=1 net.ipv6.conf.d2p.disable_ipv6=1
ip -t monitor link > /run/m.txt 2>&1 & pid=$!; sleep 0.5; $IP link set d1 up; sleep 0.3; $IP link set d2 up; sleep 0.3; sleep 0.5; { kill $pid; wait $pid; } 2>/dev/null; sed -e 's/..:..:..:..:..:../MAC/g' -e 's/^Timestamp: .* usec$/Timestamp: T/' /run/m.txt
ip -ts monitor label address > /run/m.txt 2>&1 & pid=$!; sleep 0.5; $IP addr add 192.0.2.1/24 dev d1; $IP addr del 192.0.2.1/24 dev d1; sleep 0.5; { kill $pid; wait $pid; } 2>/dev/null; sed -e 's/^\[[-0-9T:.]*\] /[T] /' /run/m.txt
ip monitor dev d1 > /run/m.txt 2>&1 & pid=$!; sleep 0.5; $IP addr add 192.0.2.1/24 dev d1; $IP addr add 198.51.100.1/24 dev d2; $IP route add 203.0.113.0/24 dev d2; $IP route add 203.0.114.0/24 dev d1; $IP link set d2 mtu 1300; $IP link set d1 mtu 1300; $IP neigh add 192.0.2.8 lladdr 02:00:00:00:00:08 dev d1; $IP neigh add 198.51.100.8 lladdr 02:00:00:00:00:08 dev d2; sleep 0.5; { kill $pid; wait $pid; } 2>/dev/null; sed -e 's/..:..:..:..:..:../MAC/g' /run/m.txt
ip -4 monitor route address > /run/m.txt 2>&1 & pid=$!; sleep 0.5; $IP addr add 192.0.2.77/24 dev d2; $IP -6 addr add 2001:db8::7/64 dev d2 nodad; $IP -6 route add 2001:db8:1::/64 dev d2; $IP route add 203.0.113.128/25 dev d2; sleep 0.5; { kill $pid; wait $pid; } 2>/dev/null; cat /run/m.txt
ip -6 monitor route address > /run/m.txt 2>&1 & pid=$!; sleep 0.5; $IP addr add 192.0.2.78/24 dev d2; $IP -6 addr add 2001:db8::8/64 dev d2 nodad; $IP -6 route add 2001:db8:2::/64 dev d2; sleep 0.5; { kill $pid; wait $pid; } 2>/dev/null; cat /run/m.txt
ip monitor foo
ip monitor link foo
ip monitor help
ip monitor h
ip monitor dev
ip monitor dev nosuch
ip monitor file
ip monitor file /nonexistent
ip monitor f /nonexistent
ip monitor link help
ip -rcvbuf 1 monitor link > /run/m.txt 2>&1 & pid=$!; sleep 1; kill -STOP $pid; until [ "$(cut -d' ' -f3 /proc/$pid/stat)" = T ]; do sleep 0.01; done; for i in 1 2 3 4 5 6; do $IP link add v$i type veth peer name w$i; done; kill -CONT $pid; sleep 0.3; $IP link set v1 mtu 1400; sleep 1; { kill $pid; wait $pid; } 2>/dev/null; sed -e 's/..:..:..:..:..:../MAC/g' /run/m.txt
{ ip monitor link; echo "exit $?" > /run/st; } | head -n 2 | sed -e 's/..:..:..:..:..:../MAC/g' & sleep 0.5; $IP link add x1 type veth peer name y1; $IP link add x2 type veth peer name y2; sleep 0.5; cat /run/st
