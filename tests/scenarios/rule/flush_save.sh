# ip rule flush (with selectors), save and restore, and rules in batch mode
$IP rule add pref 10 table 10 from 192.0.2.0/24
$IP rule add pref 11 table 11 protocol static
$IP rule add pref 12 table 12 fwmark 3
$IP rule add pref 13 table 10 to 198.51.100.0/24
$IP -6 rule add pref 14 table 14 from 2001:db8::/32
$IP -6 rule add pref 15 table 15 protocol boot
ip rule save | wc -c
ip -6 rule save | wc -c
ip rule save > saved4
ip -6 rule save > saved6
ip rule save table 10 > /dev/null
ip rule flush table 10
ip rule
ip rule flush protocol static
ip rule
ip rule flush protocol all fwmark 3
ip rule
ip rule restore < saved4
ip rule
ip rule restore < saved4
ip rule
ip rule flush
ip rule
ip -6 rule flush protocol boot
ip -6 rule
ip -6 rule flush
ip -6 rule
ip -6 rule restore < saved6
ip -6 rule
$IP rule save > ipsaved
ip rule restore < ipsaved
ip rule
ip rule save > rnetsaved
$IP rule flush
$IP rule restore < rnetsaved
$IP rule
ip rule flush pref 0
ip rule
ip rule del pref 0
ip rule
ip rule flush
ip rule
printf 'rule add pref 20 table 20\nrule add pref 20 table 20\nrule show\nrule foo\nrule show\n' | ip -batch -
printf 'rule add pref 21 table 21\nrule add pref 21 table 21\nrule show pref 21\n' | ip -force -batch -
printf 'rule add pref 22 table 22 l3mdev\nrule show pref 22\nrule add from x\nrule show\n' | ip -force -batch -
printf 'rule add pref 23 tos 0x100\nrule show pref 20\n' | ip -force -batch -
printf 'garbage' > bad
ip rule restore < bad
printf '\206\151\160\161\001\002' > short
ip rule restore < short
printf '\001\002' > tiny
ip rule restore < tiny
printf '\206\151\160\161\377\377\000\000\040\000\000\000\000\000\000\000\000\000\000\000' > huge
ip rule restore < huge
printf '\206\151\160\161\010\000\000\000\040\000\000\000\000\000\000\000\000\000\000\000' > small
ip rule restore < small
$IP rule add pref 30 table 30
ip -j rule flush pref 30
ip -j -p rule flush
ip -j rule save | tail -c 3 | od -c
ip -j rule save | wc -c
ip rule
# A save whose stdout cannot be written fails (ip exits 1)
ip rule save > /dev/full
# restore ends with exit(): a batch stops after it
ip rule save > good.dump
printf 'rule restore\nlink show lo\n' > restore.batch
ip -batch restore.batch < good.dump
# where a broken message is: the offset in a file, -1 on a pipe
printf '\206\151\160\161\001\000\000\000\040\000\000\000\000\000\000\000' > broken
ip rule restore < broken
cat broken | ip rule restore
