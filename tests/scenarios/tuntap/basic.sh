# ip tuntap: add/del/show with every flag, owners, output modes
# sysfs of this namespace, where ip reads tun_flags/owner/group
mount -t sysfs sysfs /sys
ip tuntap
ip tuntap add tap0 mode tap
ip tuntap add tun0 mode tun pi one_queue vnet_hdr multi_queue user 0 group 0
ip tuntap add name tun1 mode tun user 65534 group 65534
ip tuntap add dev tap1 mode tap user root group root
ip tuntap add mode tap
ip tap a t2 m tun p o v mu u 7 g 8
ip tuntap
ip tuntap show
ip tuntap list
ip tuntap lst
ip tuntap show whatever words
ip -d tuntap show
ip -o -d tuntap
ip -j tuntap
ip -j -d tuntap
ip -j -p tuntap
ip -j -p -d tuntap
ip -c tuntap
ip -br link show
ip tuntap add tap0 mode tap
ip tuntap del tap0 mode tap
ip tuntap del tap0 mode tap
ip tuntap d tun0 mode tun pi one_queue vnet_hdr multi_queue
ip tuntap del name tun1 mode tun
ip tuntap del t2 mode tun
ip tuntap del tap1 mode tun
ip tuntap
ip -br link show
ip tuntap add dev tun5 mode tun user -1 group 4294967295
ip tuntap show
# flags ip has no word for (IFF_NAPI, IFF_NAPI_FRAGS, IFF_NO_CARRIER) are shown in hex
perl -e 'open(my $f, "+<", "/dev/net/tun") or die; my $r = pack("a16 S x22", "napi0", 0x1032); ioctl($f, 0x400454ca, $r) or die; ioctl($f, 0x400454cb, 1) or die'
perl -e 'open(my $f, "+<", "/dev/net/tun") or die; my $r = pack("a16 S x22", "nc0", 0x0041); ioctl($f, 0x400454ca, $r) or die; ioctl($f, 0x400454cb, 1) or die'
ip tuntap
ip -j tuntap
ip -j -p tuntap
ip tuntap del napi0 mode tap
ip tuntap del nc0 mode tun pi
ip tuntap
