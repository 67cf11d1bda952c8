# -echo prints the kernel's copy of the changed link
ip -echo link add va address 02:00:00:00:00:0a type veth peer name vb address 02:00:00:00:00:0b
ip -echo link set va mtu 1400
ip -echo -j link add vc address 02:00:00:00:00:0c type ifb
ip -echo link del va
ip -echo link add vc type ifb
ip link show
ip -echo -br link add vd address 02:00:00:00:00:0d type ifb
ip -echo -o link add ve address 02:00:00:00:00:0e type ifb
ip -echo -s link add vk address 02:00:00:00:00:0f type ifb
ip -echo -j -p link add vg address 02:00:00:00:00:10 type ifb
ip -echo link property add dev vg altname gg
ip -echo link set vg name vh
ip -echo link add vi type veth peer name vj netns nosuch
