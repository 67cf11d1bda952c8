# ip tcp_metrics: ip's refusals and usage, word for word
ip tcp_metrics help
ip tcpm h
ip tcp_metrics show help
ip tcp_metrics show src help
ip tcp_metrics show address h
ip tcp_metrics foo
ip tcp_metrics lists
ip tcp_metrics delete
ip tcp_metrics delete 192.0.2.0/24
ip tcp_metrics delete all
ip tcp_metrics remove 2001:db8::/64
ip tcp_metrics delete src 192.0.2.1
ip tcp_metrics show src 192.0.2.0/24
ip tcp_metrics show src all
ip tcp_metrics show src
ip tcp_metrics show address
ip tcp_metrics show addr
ip tcp_metrics show x
ip tcp_metrics show 192.0.2.1 y 192.0.2.2
ip tcp_metrics show src 192.0.2.1 z src 192.0.2.2
ip tcp_metrics show src 192.0.2.1 z address 192.0.2.2
ip -4 tcp_metrics show 2001:db8::1
ip -6 tcp_metrics show 192.0.2.1
ip -0 tcp_metrics
ip -M tcp_metrics show
ip -B tcp_metrics flush
ip tcp_metrics delete 192.0.2.1 x
ip tcpm d
ip tcpm r
ip tcpm f 198.51.100.7
printf 'tcpm delete 192.0.2.0/24\ntcpm show\n' > b && ip -force -batch b
printf 'tcpm show x\ntcpm show\n' > b && ip -force -batch b
printf 'tcpm delete\ntcpm show\n' > b && ip -force -batch b
