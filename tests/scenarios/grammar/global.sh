# global options and objects: usage, unknown words, option errors
ip
ip help
ip -help
ip --help
ip -he
ip -b
ip -batch
ip -l
ip -f
ip -family help
ip -family bogus netns
ip -f inet6 netns list
ip -4 -6 -0 -M -B netns
ip foo
ip -foo netns
ip --foo netns
ip -c=bogus netns
ip -jp netns
ip -v
ip -e netns
ip -rc abc netns
ip -rc 4096 netns
ip -n nonexist netns
ip -n
ip -netns
ip -n a/b netns
ip -s -s -d -h -iec -r -o -t -ts -N -a -echo -c -color=never -c=auto -fo -br netns
ip -- netns
ip -- -4 netns
ip addresss
ip -j foo
ip netns -j
ip NETNS
ip netnsx
