# ip mroute: ip's refusals and usage, word for word
ip mroute help
ip mroute h
ip mroute show help
ip mroute show h
ip mroute show to help
ip mroute show table help
ip mroute show table x
ip mroute show table
ip mroute show iif
ip mroute show from
ip mroute show to
ip mroute show iif nope
ip -j mroute show iif nope
ip mroute show from 192.0.2.1
ip mroute show to 239.1.1.1
ip mroute show 239.1.1.1/8
ip mroute show any/0
ip mroute show x
ip -6 mroute show from 2001:db8::1
ip -6 mroute show ff00::1
ip mroute show vrf blue
ip mroute foo
ip mroute lists
ip -0 mroute show x
printf 'mroute show x\nmroute show\n' > b && ip -force -batch b
printf 'mroute show table x\nmroute show\n' > b && ip -force -batch b
