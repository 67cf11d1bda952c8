# link changes in batch mode: one name cache for all lines
$IP link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
printf 'link set va name vx\nlink set vx mtu 1400\nlink add va address 02:00:00:00:00:0c type veth peer name vc address 02:00:00:00:00:0d\nlink show\n' > /tmp/b1
ip -batch /tmp/b1
printf 'link set vx mtu abc\nlink show vx\n' > /tmp/b2
ip -batch /tmp/b2
printf 'link set nosuch up\nlink set vx arp maybe\nlink set vx carrier x\nlink add f type veth bogus\nlink show vx\n' > /tmp/b3
ip -force -batch /tmp/b3
printf 'link set vx type bridge_slave hairpin x\nlink show vx\n' > /tmp/b4
ip -force -batch /tmp/b4
printf 'link delete vx\nlink delete va\nlink show\n' > /tmp/b5
ip -batch /tmp/b5
