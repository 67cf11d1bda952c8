# Provisioning through one batch file, as large setups do, then a report.
printf 'netns add p1\nlink add pa type veth peer name pb\nlink set pb netns p1\naddr add 192.0.2.10/24 dev pa\nlink set pa up\n' > prov.batch
ip -batch prov.batch
ip -n p1 link set pb up
ip -n p1 addr add 192.0.2.11/24 dev pb
ip -br addr show dev pa
ip -n p1 -br addr
printf 'addr add 192.0.2.10/24 dev pa\nlink add pa type veth peer name pc\nlink show pa\n' > again.batch
ip -batch again.batch
ip -force -batch again.batch
ip -all netns delete
