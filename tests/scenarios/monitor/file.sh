# ip monitor file: replays of crafted messages (a link, its address, a route, a nexthop, a rule, an unknown type, bad lengths)
printf '\050\0\0\0\020\0\0\0\0\0\0\0\0\0\0\0\0\0\001\0\007\0\0\0\103\0\0\0\0\0\0\0\007\0\003\0x0\0\0' > /run/link.bin
printf '\050\0\0\0\024\0\0\0\0\0\0\0\0\0\0\0\002\030\200\0\007\0\0\0\010\0\002\0\300\0\002\001\010\0\001\0\300\0\002\001' > /run/addr.bin
printf '\054\0\0\0\030\0\0\0\0\0\0\0\0\0\0\0\002\030\0\0\376\004\0\001\0\0\0\0\010\0\001\0\306\063\144\0\010\0\004\0\007\0\0\0' > /run/route.bin
printf '\054\0\0\0\031\0\0\0\0\0\0\0\0\0\0\0\002\030\0\0\376\004\0\001\0\0\0\0\010\0\001\0\306\063\144\0\010\0\004\0\011\0\0\0' > /run/delroute.bin
printf '\020\0\0\0\143\0\005\0\0\0\0\0\0\0\0\0' > /run/unknown.bin
printf '\050\0\0\0\021\0\0\0\0\0\0\0\0\0\0\0\0\0\001\0\007\0\0\0\002\0\0\0\0\0\0\0\007\0\003\0x0\0\0' > /run/dellink.bin
cat /run/link.bin /run/addr.bin /run/route.bin /run/delroute.bin /run/unknown.bin /run/dellink.bin /run/addr.bin > /run/all.bin
ip monitor file /run/all.bin
ip monitor label file /run/all.bin
ip -d monitor file /run/link.bin
ip -s -d monitor file /run/all.bin
ip -o monitor file /run/all.bin
ip -j monitor file /run/all.bin
ip monitor file /run/addr.bin
ip -N monitor file /run/route.bin
ip monitor file /run/unknown.bin
ip monitor dev lo file /run/all.bin
head -c 30 /run/all.bin > /run/cut.bin; ip monitor file /run/cut.bin
head -c 10 /run/all.bin > /run/cut.bin; ip monitor file /run/cut.bin
printf '\010\0\0\0\020\0\0\0\0\0\0\0\0\0\0\0' > /run/bad.bin; ip monitor file /run/bad.bin
: > /run/empty.bin; ip monitor file /run/empty.bin
printf '\030\0\0\0\030\0\0\0\0\0\0\0\0\0\0\0\002\030\0\0\376\004\0\001' > /run/short.bin; ip monitor file /run/short.bin
