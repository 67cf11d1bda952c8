# names from /etc/iproute2 (rt_tables and .d, rt_protos, rt_scopes, rt_realms, rt_dsfield) and -resolve (no route to a name server here, so lookups fail at once)
echo 0 > /proc/sys/net/ipv6/conf/all/accept_dad; echo 0 > /proc/sys/net/ipv6/conf/default/accept_dad
$IP netns add peer
$IP link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02 netns peer
$IP link set v0 up
$IP -n peer link set v1 up
i=0; while [ $i -lt 200 ] && ! $IP -6 route show table local dev v0 | grep -q "local fe80"; do sleep 0.05; i=$((i+1)); done
$IP addr add 192.0.2.1/24 dev v0
$IP route add 10.1.0.0/16 via 192.0.2.2 table 100 proto 200 realms 7/9 tos 0x28 scope 100
$IP route add 10.2.0.0/16 via 192.0.2.2 table 200
$IP route add 10.3.0.0/16 via 192.0.2.2 table 300 metric 4
ip route show table all
printf '100\tblue\n# comment\n0x12c red\n' >> /etc/iproute2/rt_tables
mkdir -p /etc/iproute2/rt_tables.d; printf '200 green\n' > /etc/iproute2/rt_tables.d/x.conf
printf '200 myproto\n' >> /etc/iproute2/rt_protos
printf '100 myscope\n' >> /etc/iproute2/rt_scopes
printf '7 seven\n9 nine\n' >> /etc/iproute2/rt_realms
printf '0x28 AF11\n' >> /etc/iproute2/rt_dsfield
ip route show table all
ip -d route show table all
ip -N route show table all
ip -j route show table all
ip route show table blue
ip route show table green
ip route show table red
ip route show table all proto myproto
ip route show table all scope myscope
ip route show table all realms seven/nine
ip route show table all tos AF11
ip route flush table green
ip route show table all
ip route get 10.1.0.1
ip route show table nosuch
ip -r route
ip -r route show table local
ip -r route get 127.0.0.1
ip -r -6 route show table local
