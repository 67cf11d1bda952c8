# ip tcp_metrics: entries made by loopback traffic in the sandbox. Their ages
# and RTTs differ from run to run, so listings are compared between ip and
# the tool under test inside one sandbox, ages cut out.
ip tcp_metrics
ip tcpmetrics show
ip -j tcp_metrics
ip -4 tcp_metrics flush
ip -6 tcpm flush 2001:db8::/32
ip tcpm flush
ip -s tcpm flush
ip tcpm show 192.0.2.1
ip tcpm delete 192.0.2.1
$IP link set lo up
$IP addr add 192.0.2.1/24 dev lo
$IP addr add 192.0.2.2/24 dev lo
$IP addr add 2001:db8::1/64 dev lo nodad
$IP addr add 2001:db8::2/64 dev lo nodad
python3 "${RNET%/target/*}/tests/support/tcp_metrics_traffic.py"
$IP tcp_metrics | sed 's/ age [0-9.]*sec//' > a; ip tcp_metrics | sed 's/ age [0-9.]*sec//' > b; cmp a b && wc -l < b
$IP -j tcp_metrics | sed 's/"age":[0-9.e-]*,//g' > a; ip -j tcp_metrics | sed 's/"age":[0-9.e-]*,//g' > b; cmp a b && grep -o dst b | wc -l
$IP -j -p tcpm | sed '/"age"/d' > a; ip -j -p tcpm | sed '/"age"/d' > b; cmp a b && wc -l < b
$IP -4 tcpm | sed 's/ age [0-9.]*sec//' > a; ip -4 tcpm | sed 's/ age [0-9.]*sec//' > b; cmp a b && wc -l < b
$IP -6 tcpm | sed 's/ age [0-9.]*sec//' > a; ip -6 tcpm | sed 's/ age [0-9.]*sec//' > b; cmp a b && wc -l < b
$IP tcpm show 192.0.2.0/24 | sed 's/ age [0-9.]*sec//' > a; ip tcpm show 192.0.2.0/24 | sed 's/ age [0-9.]*sec//' > b; cmp a b && wc -l < b
$IP tcpm show src 192.0.2.1 | sed 's/ age [0-9.]*sec//' > a; ip tcpm show src 192.0.2.1 | sed 's/ age [0-9.]*sec//' > b; cmp a b && wc -l < b
$IP tcpm show address 2001:db8::/64 | sed 's/ age [0-9.]*sec//' > a; ip tcpm show address 2001:db8::/64 | sed 's/ age [0-9.]*sec//' > b; cmp a b && wc -l < b
$IP tcpm show 192.0.2.2 | sed 's/ age [0-9.]*sec//' > a; ip tcpm show 192.0.2.2 | sed 's/ age [0-9.]*sec//' > b; cmp a b && cut -d' ' -f1 b
$IP -j tcpm show 192.0.2.2 | sed 's/ age [0-9.]*sec//' > a; ip -j tcpm show 192.0.2.2 | sed 's/ age [0-9.]*sec//' > b; cmp a b && cut -d' ' -f1 b
$IP tcpm show all | sed 's/ age [0-9.]*sec//' > a; ip tcpm show all | sed 's/ age [0-9.]*sec//' > b; cmp a b && wc -l < b
$IP -c tcpm | sed 's/ age [0-9.]*sec//' > a; ip -c tcpm | sed 's/ age [0-9.]*sec//' > b; cmp a b && wc -l < b
ip tcpm show 198.51.100.1
ip tcpm delete 192.0.2.1
ip tcpm delete address 192.0.2.1
ip tcpm show 192.0.2.1
ip -s tcpm flush 192.0.2.0/24
ip -s tcpm flush 192.0.2.0/24
ip tcp_metrics flush 2001:db8::2
ip -6 tcpm | cut -d' ' -f1
ip tcpm flush all
ip tcpm flush
ip tcpm | wc -l
python3 "${RNET%/target/*}/tests/support/tcp_metrics_traffic.py"
ip -s -s tcpm flush 192.0.2.0/24 | sed 's/ age [0-9.]*sec//' | sed 's/ rtt.*source/ source/' | sort
ip -4 tcpm flush
ip -6 tcpm flush
ip tcpm | wc -l
printf 'tcpm show 198.51.100.1\ntcpm flush\ntcp_metrics\n' > bf && ip -batch bf
printf 'tcpm show 198.51.100.1\ntcpm flush\ntcp_metrics\n' > bf && ip -force -batch bf
