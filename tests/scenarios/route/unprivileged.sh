# an ordinary user: listing and get work, flush, restore and the cache flush are refused
$IP link add i0 address 02:00:00:00:01:04 type ifb
$IP link set i0 up
$IP addr add 192.0.2.1/24 dev i0
$IP route add 198.51.100.0/24 via 192.0.2.2 table 100
ip route save table all > all.dump
setpriv --reuid=65534 --regid=65534 --clear-groups ip route
setpriv --reuid=65534 --regid=65534 --clear-groups ip route show table all
setpriv --reuid=65534 --regid=65534 --clear-groups ip route get 192.0.2.9
setpriv --reuid=65534 --regid=65534 --clear-groups ip route flush table 100
setpriv --reuid=65534 --regid=65534 --clear-groups ip -s route flush table 100
setpriv --reuid=65534 --regid=65534 --clear-groups ip route flush cache
setpriv --reuid=65534 --regid=65534 --clear-groups ip -s route flush cache
setpriv --reuid=65534 --regid=65534 --clear-groups ip route restore < all.dump
setpriv --reuid=65534 --regid=65534 --clear-groups ip route showdump < all.dump
ip route show table all
