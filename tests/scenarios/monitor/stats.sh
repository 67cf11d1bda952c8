# ip monitor stats: RTM_NEWSTATS events, live (ip stats set ... l3_stats) and replayed from crafted messages (flags on/off/absent/invalid, no info, short)
printf '\070\000\000\000\134\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\001\000\000\000\020\000\000\000\034\000\004\000\030\000\002\000\024\000\003\000\005\000\001\000\001\000\000\000\005\000\002\000\000\000\000\000' > /run/on.bin
printf '\070\000\000\000\134\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\007\000\000\000\020\000\000\000\034\000\004\000\030\000\002\000\024\000\003\000\005\000\001\000\000\000\000\000\005\000\002\000\001\000\000\000' > /run/off.bin
printf '\060\000\000\000\134\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\007\000\000\000\020\000\000\000\024\000\004\000\020\000\002\000\014\000\003\000\005\000\001\000\001\000\000\000' > /run/noused.bin
printf '\070\000\000\000\134\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\007\000\000\000\020\000\000\000\034\000\004\000\030\000\002\000\024\000\003\000\005\000\001\000\001\000\000\000\005\000\002\000\011\000\000\000' > /run/badused.bin
printf '\070\000\000\000\134\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\007\000\000\000\020\000\000\000\034\000\004\000\030\000\002\000\024\000\003\000\005\000\001\000\003\000\000\000\005\000\002\000\000\000\000\000' > /run/badreq.bin
printf '\044\000\000\000\134\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\007\000\000\000\020\000\000\000\010\000\004\000\004\000\002\000' > /run/empty.bin
printf '\034\000\000\000\134\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\007\000\000\000\020\000\000\000' > /run/bare.bin
printf '\030\000\000\000\134\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000' > /run/short.bin
printf '\104\000\000\000\134\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\007\000\000\000\020\000\000\000\050\000\004\000\014\000\001\000\000\000\000\000\000\000\000\000\030\000\002\000\024\000\003\000\005\000\001\000\001\000\000\000\005\000\002\000\001\000\000\000' > /run/cpuhit.bin
cat /run/on.bin /run/off.bin /run/noused.bin /run/badused.bin /run/empty.bin /run/bare.bin /run/cpuhit.bin /run/badreq.bin /run/on.bin > /run/all.bin
ip monitor file /run/all.bin
ip monitor label file /run/all.bin
ip -o monitor file /run/all.bin
ip -j monitor file /run/all.bin
ip -4 monitor label file /run/all.bin
ip monitor file /run/short.bin
ip monitor stats help
ip monitor sta
$IP link add va type veth peer name vb
ip monitor stats > /run/m.txt 2>&1 & pid=$!; sleep 0.5; $IP stats set dev va l3_stats on; $IP stats set dev va l3_stats off; $IP stats set dev lo l3_stats on; $IP link set va up; sleep 0.5; { kill $pid; wait $pid; } 2>/dev/null; cat /run/m.txt
ip monitor > /run/m.txt 2>&1 & pid=$!; sleep 0.5; $IP stats set dev vb l3_stats on; $IP stats set dev vb l3_stats off; sleep 0.5; { kill $pid; wait $pid; } 2>/dev/null; cat /run/m.txt
ip -o monitor all > /run/m.txt 2>&1 & pid=$!; sleep 0.5; $IP stats set dev vb l3_stats on; $IP link set vb mtu 1400; sleep 0.5; { kill $pid; wait $pid; } 2>/dev/null; sed -e 's/..:..:..:..:..:../MAC/g' /run/m.txt
ip -4 monitor label stats link > /run/m.txt 2>&1 & pid=$!; sleep 0.5; $IP stats set dev vb l3_stats off; $IP link del va; sleep 0.5; { kill $pid; wait $pid; } 2>/dev/null; sed -e 's/..:..:..:..:..:../MAC/g' /run/m.txt
