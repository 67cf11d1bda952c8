# an empty namespace: no main table yet (listing and saving see none, flushing fails as ip's)
ip route
ip -j route
ip route show table main
ip route save > /dev/null
ip -s route flush table main
ip -s route flush dev lo
ip -6 route
ip route show table all
ip route show table unspec
ip route show table 0
ip route get 127.0.0.1
ip route get 192.0.2.1
