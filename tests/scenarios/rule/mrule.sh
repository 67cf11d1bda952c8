# ip mrule: the rule commands over the multicast routing rules (RTNL_FAMILY_IPMR/IP6MR)
ip mrule
ip -4 mrule
ip -6 mrule
ip -j mrule
ip -j -p -6 mrule
ip -d mrule
ip -0 mrule
ip -M mrule
ip -B mrule list
ip mrule help
ip mrule foo
ip mrule add
ip mrule add iif lo table 5 pref 10
ip mrule add iif lo table 5 pref 10
ip mrule add from 192.0.2.1
ip mrule show from 192.0.2.1
ip mrule show iif lo
ip -6 mrule add iif lo table 6 pref 11
ip mrule
ip -6 mrule
$IP mrule
ip mrule del pref 10
ip mrule
ip -6 mrule flush
ip -6 mrule
ip mrule flush
ip mrule
ip -f inet mrule del pref 32767
