# ip tuntap: grammar errors, ioctl refusals, texts and statuses
mount -t sysfs sysfs /sys
ip tuntap help
ip tuntap h
ip tap help
ip tuntap foo
ip tuntap adds
ip tuntap add
ip tuntap add tap0
ip tuntap del tap0
ip tuntap add x mode
ip tuntap add x mode foo
ip tuntap add x mode tun mode tap
ip tuntap add x mode tap mode tun
ip tuntap add x mode tun mode tun
ip tuntap add x y mode tap
ip tuntap add name x name y mode tap
ip tuntap add dev x dev y mode tap
ip tuntap add x user nosuchuser mode tap
ip tuntap add x group nosuchgroup mode tap
ip tuntap add x user
ip tuntap add x group
ip tuntap add x user 12x mode tap
ip tuntap add x user "" mode tap
ip tuntap add x name
ip tuntap add x dev
ip tuntap add dev aaaaaaaaaaaaaaaaaaaaa mode tap
ip tuntap add dev a/b mode tap
ip tuntap add name "a b" mode tap
ip tuntap add "" mode tap
ip tuntap add x help
ip tuntap add -- h
ip tuntap del user x mode tap
ip tuntap del x group 5 mode tap
ip tuntap add tap0 mode tap
ip tuntap add tap0 mode tap
ip tuntap add tap0 mode tun
ip tuntap del tap0 mode tun
ip tuntap del tap0 mode tap pi
ip tuntap del tap9 mode tap
ip link add dummy0 type veth peer name dummy1
ip tuntap add dummy0 mode tap
ip tuntap del dummy0 mode tap
ip tuntap add lo mode tun
ip tuntap
ip tuntap add t%d mode tun
ip tuntap
printf 'tuntap add x mode foo\ntuntap add y mode tap\n' | ip -force -batch -
printf 'tuntap add z\ntuntap add y2 mode tap\ntuntap add y2 mode tap\ntuntap show\n' | ip -force -batch -
# without /dev/net/tun
mount -t tmpfs t /dev/net
ip tuntap add tap5 mode tap
ip tuntap del tap5 mode tap
ip tuntap
# this namespace's devices are not in the host's sysfs: ip complains and skips them
umount /dev/net
umount /sys
ip tuntap add tap6 mode tap
ip tuntap
ip -j tuntap
