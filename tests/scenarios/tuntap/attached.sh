# ip -d tuntap: the processes attached to a device (read from /proc/PID/fdinfo)
mount -t sysfs sysfs /sys
ip tuntap add tap0 mode tap
ip tuntap add tap1 mode tap multi_queue
ip tuntap add tun0 mode tun
perl -e 'open(my $f, "+<", "/dev/net/tun") or die; my $r = pack("a16 S x22", "tap0", 0x1002); ioctl($f, 0x400454ca, $r) or die; sleep 4' &
perl -e 'open(my $f, "+<", "/dev/net/tun") or die; open(my $g, "+<", "/dev/net/tun") or die; my $r = pack("a16 S x22", "tap1", 0x1102); my $s = $r; ioctl($f, 0x400454ca, $r) or die; ioctl($g, 0x400454ca, $s) or die; sleep 4' &
sleep 1
ip tuntap
ip -d tuntap
ip -d -o tuntap
ip -d -j tuntap
ip -d -j -p tuntap
ip tuntap add tap0 mode tap
ip tuntap del tap0 mode tap
ip tuntap
