# ip maddress: show (from /proc/net), add/del with SIOCADDMULTI/SIOCDELMULTI, errors
ip maddress
ip maddr show
$IP link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
$IP link set va up
$IP link set vb up
$IP link set lo up
$IP addr add 192.0.2.1/24 dev va
ip maddress
ip maddress show
ip maddress list
ip maddress lst
ip maddress show dev va
ip maddress show vb
ip maddress show dev nosuch
ip -4 maddress
ip -6 maddress
ip -0 maddress
ip -M maddress
ip -o maddress
ip -j maddress
ip -j -p maddress show dev va
ip -c maddress show dev va
ip maddress add 33:33:00:00:00:42 dev va
ip maddress add address 01:00:5e:00:00:42 dev va
ip maddress add 01:00:5e:00:00:42 dev va
ip maddress show dev va
ip -0 maddress show dev va
ip maddress del 33:33:00:00:00:42 dev va
ip maddress del address 01:00:5e:00:00:42 dev va
ip maddress del 01:00:5e:00:00:42 dev va
ip maddress del 01:00:5e:00:00:42 dev va
ip maddress show dev va
ip maddress add 01:00:5e:00:00:42 dev nosuch
ip -6 maddress add 01:00:5e:00:00:43 dev va
ip -0 maddress add 01:00:5e:00:00:44 dev va
ip maddress show dev va
ip maddress add 01:00:5e:00:00:42
ip maddress add dev va
ip maddress add 01:00:5e:00:00 dev va
ip maddress add 01:00:5e:00:00:00:01 dev va
ip maddress add 1.2.3.4 dev va
ip maddress add zz:00:5e:00:00:42 dev va
ip maddress add 01:00:5e:00:00:42 02:00:5e:00:00:42 dev va
ip maddress add 00:00:5e:00:00:42 02:00:5e:00:00:42 dev va
ip maddress add 01:00:5e:00:00:42 dev va dev vb
ip maddress add 01:00:5e:00:00:42 dev aaaaaaaaaaaaaaaaaaaaaaaa
ip maddress add 01:00:5e:00:00:42 dev
ip maddress add address
ip maddress add address help
ip maddress add help
ip maddress show dev va dev vb
ip maddress show va vb
ip maddress show dev
ip maddress show help
ip maddress foo
ip maddress help
ip maddr h
printf 'maddr add 01:00:5e:00:00:45 dev va\nmaddr show dev va\n' | ip -batch -
printf 'maddr add 01:00:5e:00:00 dev va\nmaddr show dev va\n' | ip -force -batch -
# ip keeps show's filter in a static: in a batch it stays for later lines
printf 'maddr show dev va\nmaddr show dev vb\nmaddr show\n' | ip -force -batch -
printf 'maddr show dev va\nmaddr show\n' | ip -force -batch -
printf 'maddr show\nmaddr show dev va\n' | ip -6 -batch -
