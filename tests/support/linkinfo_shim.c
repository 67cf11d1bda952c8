/* Test support for rnet's kind printers (kinds.rs, `testing`).
 *
 * Loaded with LD_PRELOAD into iproute2's ip or into rnet, recvmsg() and
 * recv() append the IFLA_LINKINFO attribute stored in the file
 * $KD_LINKINFO to every RTM_NEWLINK message about ifindex 1 (lo) read from
 * the kernel, so that `ip -d link show lo` prints a link kind the running
 * kernel does not have, and rnet can be compared with ip on it. Peeks
 * report the grown size. Nothing is ever sent to the kernel. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static char extra[65536];
static char out[1 << 20];

/* The attribute to append, or 0 bytes when there is none. */
static size_t load_extra(void)
{
	const char *path = getenv("KD_LINKINFO");
	size_t len;
	FILE *file;

	if (!path)
		return 0;
	file = fopen(path, "rb");
	if (!file)
		return 0;
	len = fread(extra, 1, sizeof(extra), file);
	fclose(file);
	return len;
}

/* Rewrites the len bytes of messages in buf (of capacity cap). */
static ssize_t grow(char *buf, ssize_t len, size_t cap, size_t extra_len)
{
	size_t out_len = 0;
	int rest = (int)len;

	for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, rest);
	     h = NLMSG_NEXT(h, rest)) {
		size_t size = NLMSG_ALIGN(h->nlmsg_len);
		struct nlmsghdr *copy = (struct nlmsghdr *)(out + out_len);

		if (out_len + size + extra_len > sizeof(out))
			return len;
		memcpy(copy, h, size);
		if (h->nlmsg_type == RTM_NEWLINK &&
		    ((struct ifinfomsg *)NLMSG_DATA(h))->ifi_index == 1) {
			memcpy(out + out_len + size, extra, extra_len);
			size += NLMSG_ALIGN(extra_len);
			copy->nlmsg_len = size;
		}
		out_len += size;
	}
	if (out_len > cap)
		return len;
	memcpy(buf, out, out_len);
	return (ssize_t)out_len;
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	static ssize_t (*real)(int, struct msghdr *, int);
	size_t extra_len = load_extra();
	ssize_t len;

	if (!real)
		real = (ssize_t (*)(int, struct msghdr *, int))dlsym(RTLD_NEXT, "recvmsg");
	len = real(fd, msg, flags);
	if (len <= 0 || !extra_len || msg->msg_iovlen != 1)
		return len;
	if (flags & MSG_PEEK)
		return len + (ssize_t)NLMSG_ALIGN(extra_len);
	return grow(msg->msg_iov[0].iov_base, len, msg->msg_iov[0].iov_len, extra_len);
}

ssize_t recv(int fd, void *buf, size_t cap, int flags)
{
	static ssize_t (*real)(int, void *, size_t, int);
	size_t extra_len = load_extra();
	ssize_t len;

	if (!real)
		real = (ssize_t (*)(int, void *, size_t, int))dlsym(RTLD_NEXT, "recv");
	len = real(fd, buf, cap, flags);
	if (len <= 0 || !extra_len)
		return len;
	if (flags & MSG_PEEK)
		return len + (ssize_t)NLMSG_ALIGN(extra_len);
	return grow(buf, len, cap, extra_len);
}
