# -batch and -force with netns commands
printf 'netns add b1\nnetns list\n# a comment\n\nnetns add b2 # trailing comment\nnetns list\n' > ok.batch
ip -batch ok.batch
ip netns list
printf 'netns add b1\nnetns list\n' > fail.batch
ip -b fail.batch
ip -force -batch fail.batch
printf 'netns add x1\nfoo\nnetns delete nonexist\nnetns exec b1 sh -c "exit 3"\nnetns exec b1 echo hi\nnetns exec b1 false\nnetns list\n' > mixed.batch
ip -force -batch mixed.batch
ip -batch mixed.batch
printf 'netns list\nnetns bogus\nnetns list\n' > fatal.batch
ip -force -batch fatal.batch
printf 'netns add c1\n-4 netns list\n' > opts.batch
ip -batch opts.batch
printf 'netns \\\n  add \\\n  c2\nnetns list \\\n' > cont.batch
ip -batch cont.batch
printf 'netns add "quoted name"\nnetns list\nnetns add \047unterminated\nnetns list\n' > quotes.batch
ip -batch quotes.batch
printf 'netns list\nnetns del nonexist\n' | ip -batch -
ip -batch /nonexistent
ip -batch fail.batch -force
# (a failing `netns exec nonexist` in a batch is left out: ip's forked child
# goes on running the rest of the batch, so every later line runs twice)
printf 'netns exec b1 ip netns identify\nnetns exec b1 sh -c "exit 5"\nnetns list\n' > exec.batch
ip -force -batch exec.batch
ip -all netns delete
