# ip address save / showdump / restore
$IP link add ifb0 address 02:00:00:00:00:1f type ifb
$IP link add ifb1 address 02:00:00:00:00:2f type ifb
ip addr add 192.0.2.1/24 dev ifb0
ip addr add 192.0.2.2/24 label ifb0:x dev ifb0
ip addr add 2001:db8::1/64 nodad dev ifb0
ip addr add 198.51.100.1/24 metric 5 dev ifb1
ip addr save > all.dump
ip addr save dev ifb0 scope host > ifb0.dump
ip -6 addr save > v6.dump
ip addr showdump < all.dump
ip addr showdump < ifb0.dump
ip -6 addr showdump < v6.dump
ip -j addr showdump < ifb0.dump
ip -j -p addr showdump < v6.dump
ip -o addr showdump < ifb0.dump
cat all.dump | ip addr showdump
ip addr restore < ifb0.dump
ip addr flush dev ifb0
ip addr restore < ifb0.dump
ip addr show dev ifb0
ip addr flush dev ifb1
ip addr restore < all.dump
ip addr
printf 'xxxx' > bad.dump
ip addr showdump < bad.dump
ip addr restore < bad.dump
ip addr showdump < /dev/null
ip addr restore < /dev/null
head -c 30 ifb0.dump > trunc.dump
ip addr showdump < trunc.dump
head -c 4 ifb0.dump > empty.dump
ip addr showdump < empty.dump
ip -j addr showdump < empty.dump
ip addr restore < empty.dump
ip addr save dev nosuch > x.dump
ip addr sa > y.dump
ip addr showdump < y.dump
ip addr save foo > z.dump
# A save whose stdout cannot be written fails (ip exits 1) instead of looking done
ip addr save > /dev/full
printf 'addr save\nlink show lo\n' | ip -batch - > /dev/full
