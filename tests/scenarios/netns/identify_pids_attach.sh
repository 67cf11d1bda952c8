# identify, pids and attach with real processes
ip netns add a
ip netns identify
ip netns identify self
ip netns exec a ip netns identify
ip netns exec a sh -c 'ip netns identify $$'
ip netns exec a sleep 100 & echo $! > sleeper
# wait until the sleeper has entered the namespace (it does so after fork)
i=0; while [ "$(stat -L -c %i /proc/$(cat sleeper)/ns/net)" != "$(stat -L -c %i /run/netns/a)" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i+1)); done
ip netns pids a | sed "s/^$(cat sleeper)\$/SLEEPER/"
ip netns identify $(cat sleeper)
ip netns attach b $(cat sleeper)
ip netns list
ip netns identify $(cat sleeper)
ip netns pids b | sed "s/^$(cat sleeper)\$/SLEEPER/"
ip netns attach c 1
ip netns identify 1
ip netns list
ip netns at d 0x1
ip netns list
ip netns attach b $(cat sleeper)
ip netns p a | sed "s/^$(cat sleeper)\$/SLEEPER/"
ip netns i
