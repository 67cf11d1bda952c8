# ip ntable show/change; the randomised reachable time, clocks and counters are masked
$IP link add va type veth peer name vb
$IP link set va up
ip ntable show dev va | sed 's/ reachable [0-9]*/ reachable R/g'
ip ntable show dev none | sed 's/ reachable [0-9]*/ reachable R/g'
ip ntable show name arp_cache dev none | sed 's/ reachable [0-9]*/ reachable R/g'
ip -4 ntable show dev va | sed 's/ reachable [0-9]*/ reachable R/g'
ip -6 ntbl show dev va | sed 's/ reachable [0-9]*/ reachable R/g'
ip -j ntable show dev va | sed 's/"reachable":[0-9]*/"reachable":R/g'
ip -j -p ntable show name ndisc_cache dev va | sed 's/"reachable": [0-9]*/"reachable": R/'
ip -o ntable show dev va | sed 's/ reachable [0-9]*/ reachable R/g'
ip -s ntable show name arp_cache dev none | sed 's/ reachable [0-9]*/ reachable R/g; s/[0-9]\+/N/g'
ip -s -j ntable show name arp_cache dev none | sed 's/"reachable":[0-9]*/"reachable":R/g; s/[0-9]\+/N/g'
ip ntable show name nosuch
ip ntable change name arp_cache dev va queue 9 app_probes 1 ucast_probes 4 mcast_probes 2
ip ntable change name arp_cache dev va base_reachable 20000 retrans 900 gc_stale 50000 delay_probe 4000
ip ntable change name arp_cache dev va anycast_delay 900 proxy_delay 700 proxy_queue 32 locktime 900
ip -6 ntable chg name ndisc_cache dev va queue 11
ip ntable show dev va | sed 's/ reachable [0-9]*/ reachable R/g'
ip ntable change name arp_cache thresh1 64 thresh2 256 thresh3 512 gc_int 20000
ip ntable show name arp_cache dev none | sed 's/ reachable [0-9]*/ reachable R/g'
ip ntable change name arp_cache
ip ntable change dev va queue 3
ip ntable change name arp_cache name ndisc_cache queue 3
ip ntable change name arp_cache queue bogus
ip ntable change name arp_cache thresh1 -1
ip ntable change name arp_cache gc_int x
ip ntable change name arp_cache locktime x
ip ntable change name arp_cache dev nosuch queue 3
ip ntable change name arp_cache foo 3
ip ntable change name arp_cache queue
ip ntable change name nosuch queue 3
ip ntable change name arp_cache dev lo thresh1 5
ip ntable show dev nosuch
ip ntable show foo
ip ntable show name
ip ntable help
ip ntbl foo
