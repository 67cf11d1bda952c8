# nsids: set, list with ids, list-id in every form
ip netns add a
ip netns add b
ip netns add c
ip netns list-id
ip -j netns list-id
ip netns set a 5
ip netns set b auto
ip netns list
ip -j netns
ip -j -p netns
ip netns list-id
ip -j netns list-id
ip -j -p netns list-id
ip netns list-id nsid 5
ip -j netns list-id nsid 5
ip netns list-id nsid 9
ip netns list-id nsid 0x5
ip netns list-id target-nsid 5
ip netns list-id target-nsid 5 nsid 0
ip netns list-i
ip netns set a 7
ip netns set c 5
ip netns set c 010
ip netns list
ip netns list-id nsid -1
ip netns list-id nsid -1 next
ip netns list-id nsid abc
ip netns list-id nsid
ip netns list-id nsid 1 nsid 2
ip netns list-id target-nsid
ip netns list-id target-nsid -3
ip netns list-id target-nsid 99
ip netns se b 3
# (no list-id after a delete: the kernel frees a namespace, and its nsid,
# asynchronously, so that output depends on timing)
ip netns delete a
ip netns list
