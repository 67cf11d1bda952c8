# ip route add with every RTAX metric, lock, units and abbreviations; listed with the real ip
$IP link add va type veth peer name vb
$IP link set va up
$IP link set vb up
$IP addr add 192.0.2.1/24 dev va
$IP addr add 2001:db8::1/64 dev va nodad
ip route add 10.1.0.0/16 dev va mtu 1400
ip route add 10.2.0.0/16 dev va mtu lock 1300 advmss 1200 hoplimit 64
ip route add 10.3.0.0/16 dev va rtt 50 rttvar 20
ip route add 10.4.0.0/16 dev va rtt 50ms rttvar 20msec
ip route add 10.5.0.0/16 dev va rtt 1.5s rttvar 0.25secs
ip route add 10.6.0.0/16 dev va rtt lock 2S rttvar lock 3MS
ip route add 10.7.0.0/16 dev va reordering 3 window 1000 cwnd 10 initcwnd 20 initrwnd 30 ssthresh 5
ip route add 10.8.0.0/16 dev va reordering lock 4 window lock 1001 cwnd lock 11 initcwnd lock 21 initrwnd lock 31 ssthresh lock 6
ip route add 10.9.0.0/16 dev va quickack 1 fastopen_no_cookie 1
ip route add 10.10.0.0/16 dev va quickack 0 fastopen_no_cookie 0
ip route add 10.11.0.0/16 dev va congctl reno
ip route add 10.12.0.0/16 dev va congctl lock cubic
ip route add 10.13.0.0/16 dev va features ecn
ip route add 10.14.0.0/16 dev va rto_min 200ms
ip route add 10.15.0.0/16 dev va rto_min 1s
ip route add 10.16.0.0/16 dev va rto_min 5
ip route add 10.17.0.0/16 dev va r 5 w 6 c 7 i 8 s 9 q 1 f ecn fa 1 co reno rttv 4 re 2
ip route add 10.18.0.0/16 dev va mtu 0x500 advmss 010 hoplimit 255
ip route add 10.19.0.0/16 dev va mtu 4294967295
ip route add 2001:db8:5::/64 dev va mtu 1400 hoplimit 10 advmss 1000 rtt 30ms
$IP route show
$IP -6 route show | grep -v fe80
$IP -d route show
$IP -j route show
ip route add 10.30.0.0/16 dev va mtu
ip route add 10.30.0.0/16 dev va mtu lock
ip route add 10.30.0.0/16 dev va mtu x
ip route add 10.30.0.0/16 dev va mtu 4294967296
ip route add 10.30.0.0/16 dev va hoplimit 256
ip route add 10.30.0.0/16 dev va advmss -
ip route add 10.30.0.0/16 dev va rtt x
ip route add 10.30.0.0/16 dev va rtt 5m
ip route add 10.30.0.0/16 dev va rtt -1.0
ip route add 10.30.0.0/16 dev va rttvar lock
ip route add 10.30.0.0/16 dev va rto_min lock 5
ip route add 10.30.0.0/16 dev va window lock x
ip route add 10.30.0.0/16 dev va cwnd x
ip route add 10.30.0.0/16 dev va initcwnd x
ip route add 10.30.0.0/16 dev va initrwnd x
ip route add 10.30.0.0/16 dev va ssthresh x
ip route add 10.30.0.0/16 dev va reordering x
ip route add 10.30.0.0/16 dev va quickack 2
ip route add 10.30.0.0/16 dev va quickack x
ip route add 10.30.0.0/16 dev va quickack lock 1
ip route add 10.30.0.0/16 dev va fastopen_no_cookie 2
ip route add 10.30.0.0/16 dev va fastopen_no_cookie x
ip route add 10.30.0.0/16 dev va features
ip route add 10.30.0.0/16 dev va features foo
ip route add 10.30.0.0/16 dev va features lock ecn
ip route add 10.30.0.0/16 dev va congctl
ip route add 10.30.0.0/16 dev va congctl lock
ip route add 10.30.0.0/16 dev va congctl nosuchalgo
