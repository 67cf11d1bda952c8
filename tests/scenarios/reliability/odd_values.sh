# names of 15 and 16 bytes, non-ASCII names, huge aliases, u32 maxima
ip link add abcdefghijklmno type ifb
ip link add abcdefghijklmnop type ifb
ip link show abcdefghijklmno
ip link show abcdefghijklmnop
ip link set abcdefghijklmno name abcdefghijklmnopq
ip link add ü€x type ifb
ip -br link show ü€x
ip -j link show ü€x
ip link add "$(printf 'a\tb')" type ifb
ip link add "a b" type ifb
ip link add "" type ifb
ip link property add dev ü€x altname "$(printf 'x%.0s' $(seq 1 127))"
ip link property add dev ü€x altname "$(printf 'y%.0s' $(seq 1 128))"
ip -br link show ü€x
ip link set ü€x alias "$(printf 'A%.0s' $(seq 1 10000))"
ip link show ü€x
ip link set ü€x alias "$(printf 'B%.0s' $(seq 1 255))"
ip -j link show ü€x
ip link set ü€x alias ""
ip link show ü€x
ip link set ü€x mtu 4294967295
ip link set ü€x mtu 4294967296
ip link set ü€x mtu -1
ip link set ü€x mtu 0xffffffff
ip link set ü€x txqueuelen 4294967295
ip link set ü€x txqueuelen 4294967296
ip link set ü€x txqueuelen 2147483647
ip -br -d link show ü€x
ip link show ü€x
ip link set ü€x group 4294967295
ip link set ü€x group 4294967296
ip link show ü€x
ip link set ü€x numtxqueues 4294967295
ip link add bigq numtxqueues 4294967295 type ifb
ip link add bigq numrxqueues 0 type ifb
ip link set ü€x up
ip addr add 192.0.2.1/24 dev ü€x valid_lft 4294967295 preferred_lft 4294967295
ip addr add 192.0.2.2/24 dev ü€x valid_lft 4294967294 preferred_lft 4294967294
ip addr add 192.0.2.3/24 dev ü€x valid_lft 4294967296 preferred_lft 100
ip addr add 192.0.2.4/24 dev ü€x valid_lft 100 preferred_lft 200
ip addr add 192.0.2.5/24 dev ü€x metric 4294967295
ip addr add 192.0.2.6/24 dev ü€x metric 4294967296
ip addr add 192.0.2.7/24 dev ü€x label "ü€x:$(printf 'l%.0s' $(seq 1 20))"
ip addr show dev ü€x
ip rule add pref 4294967295 table 4294967295
ip rule add pref 4294967296 table 5
ip rule add fwmark 0xffffffff/0xffffffff table 5 pref 7
ip rule show
ip -br link
