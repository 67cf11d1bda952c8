# every netns row of the error table
ip netns add ns1
ip netns add ns1
ip netns add a/b
ip netns add ..
ip netns add .
ip netns add ""
ip netns add aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
ip netns add aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
ip netns exec a/b true
ip netns foo a/b
ip netns list a/b
ip netns add
ip netns del
ip netns delete nonexist
ip netns exec
ip netns exec ns1
ip netns exec nonexist true
ip netns exec ns1 /nonexistent
ip netns pids
ip netns pids nonexist
ip netns pids ns1 extra
ip netns identify abc
ip netns identify 1 2
ip netns identify 999999
ip netns attach ns4
ip netns attach ns4 abc
ip netns attach ns4 0
ip netns attach ns4 999999
ls /run/netns
ip netns set ns1
ip netns set
ip netns set ns1 -1
ip netns set ns1 abc
ip netns set nonexist 3
ip netns help
ip netns foo
ip netns lists
ip netns list-id bogus
ip -all netns exec
ip netns list
