# ip rule with names from /etc/iproute2 (tables, protocols, realms, DS fields, groups)
echo "100 mytable" > /etc/iproute2/rt_tables.d/my.conf
echo "0x100 bigtable" >> /etc/iproute2/rt_tables.d/my.conf
echo "101 other # comment" > /etc/iproute2/rt_tables.d/other.conf
echo "102 ignored" > /etc/iproute2/rt_tables.d/ignored.txt
echo "100 shadow" >> /etc/iproute2/rt_tables
echo "77 myproto" > /etc/iproute2/rt_protos.d/my.conf
echo "9 myrealm" >> /etc/iproute2/rt_realms
echo "0x04 lowtos" >> /etc/iproute2/rt_dsfield
echo "5 mygroup" >> /etc/iproute2/group
ip rule add pref 10 table mytable protocol myproto
ip rule add pref 11 table bigtable realms myrealm/9
ip rule add pref 12 table other tos lowtos
ip rule add pref 13 table 102 suppress_ifgroup mygroup
ip rule add pref 14 table shadow realms 9
ip rule add pref 15 table ignored
ip rule add pref 16 table 100 realms 1/myrealm
ip rule
ip -N rule
ip -j rule
ip -d rule
ip rule show table mytable
ip rule show table 100
ip rule show table bigtable
ip rule show table 256
ip rule show tos lowtos
ip rule show tos 4
ip rule flush protocol myproto
ip rule
ip rule flush protocol 77
ip rule flush table bigtable
ip rule
printf '103 before\nnot a number\n104 after\n' > /etc/iproute2/rt_tables.d/bad.conf
printf '12\n' >> /etc/iproute2/rt_realms
ip rule add pref 17 table before
ip rule add pref 18 table after
ip rule add pref 18 table 104
ip rule
ip rule add pref 19 table 5 realms 12
ip rule show pref 19
