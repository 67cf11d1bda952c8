# abbreviated verbs and keywords, as ip's first-match rules read them
$IP link add br0 address 02:00:00:00:00:b0 type bridge
$IP netns add ns1
ip l a va addr 02:00:00:00:00:0a ty veth pe name vb addr 02:00:00:00:00:0b
ip link ad vc address 02:00:00:00:00:0c t 100 type ifb
ip link show vc
ip link ch vc txq 200
ip link show vc
ip link rep vc qlen 300 type ifb
ip link show vc
ip link s vc m br0
ip link show vc
ip link s vc n
ip link show vc
ip link s vc d on
ip link s vc al "short alias"
ip link show vc
ip link s vc nu 2
ip link s vc numr 2
ip link s vc addrg none
ip link s vc link-n ns1
ip link s vc link-netnsi 3
ip link s vc li va
ip link s vc b 02:ff:ff:ff:ff:ff
ip link show vc
ip link s vc g 5
ip link s g 5
ip link s vc gr 5
ip link de vc
ip link d va
ip link show
ip link sh
ip link cha
ip link c vc up
ip link r
ip link pr add dev vb altname vbb
ip link p add dev vb altname vbc
ip link prop a dev vb altname vbd
ip link prop d dev vb altname vbd
ip link show vb
