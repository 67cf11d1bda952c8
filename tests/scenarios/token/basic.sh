# ip token: list/get/set/del, output modes, errors
ip token
$IP link add d0 type veth peer name d1
$IP link add d2 type veth peer name d3
$IP link set d2 arp off
ip token
ip token list
ip token show
ip token lst
ip token get
ip token set ::1:2:3:4 dev d0
ip token add ::abcd/64 dev d1
ip token
ip token get dev d0
ip token get foo dev d1 bar
ip token list dev d1
ip -j token
ip -j -p token
ip -c token
ip -o token
ip token del dev d0
ip token delete dev d1 ::7
ip token
ip token set ::5 dev d0 ::6 dev d1
ip token
ip token set ::1 dev lo
ip token
ip token set ::1 dev d2
ip token
ip token set dev d0
ip token set ::1
ip token del
ip token set
ip token set bogus dev d0
ip token set 192.0.2.1 dev d0
ip token set ::1/129 dev d0
ip token set ::1 dev nosuch
ip token set ::1 dev
ip token get dev
ip token get dev nosuch
ip token set ::1 dev d0 help
ip token del help
ip token foo
ip token help
ip token h
ip -4 token
ip -4 token set ::9 dev d0
printf 'token set ::1\ntoken set ::2 dev d0\ntoken\n' | ip -force -batch -
