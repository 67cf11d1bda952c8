# How ip monitor ends: SIGINT and SIGTERM kill it without a word; a closed pipe kills it with SIGPIPE at its next event
$IP link add d0 type ifb
. "$SCENARIOS/monitor/ends.inc"; rm -f pid how; ended ip monitor link > m.txt 2> m.err & listening d0 m.txt && kill -INT $(cat pid); reaped; cat m.err
. "$SCENARIOS/monitor/ends.inc"; rm -f pid how; ended ip monitor > m.txt 2> m.err & listening d0 m.txt && kill -TERM $(cat pid); reaped; cat m.err
. "$SCENARIOS/monitor/ends.inc"; rm -f pid how; ended ip -ts monitor label link > m.txt 2> m.err & listening d0 m.txt && kill -INT $(cat pid); reaped; cat m.err
. "$SCENARIOS/monitor/ends.inc"; rm -f pid how; ended ip monitor link 2> m.err | head -1 > first & k=0; while [ ! -e how ] && [ $k -lt 200 ]; do k=$((k + 1)); $IP link set d0 mtu $((1900 + k)); sleep 0.05; done; reaped; wait; cat m.err; sed -e 's/mtu [0-9]*/mtu N/' -e 's/..:..:..:..:..:../MAC/' first
. "$SCENARIOS/monitor/ends.inc"; rm -f pid how; ended ip -j monitor all 2> m.err | head -1 > first & k=0; while [ ! -e how ] && [ $k -lt 200 ]; do k=$((k + 1)); $IP link set d0 mtu $((1900 + k)); sleep 0.05; done; reaped; wait; cat m.err; sed -e 's/mtu [0-9]*/mtu N/' -e 's/..:..:..:..:..:../MAC/' first
