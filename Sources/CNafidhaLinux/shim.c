#include "CNafidhaLinux.h"

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

const uint32_t NAFIDHA_EPOLLIN = EPOLLIN;
const uint32_t NAFIDHA_EPOLLOUT = EPOLLOUT;
const uint32_t NAFIDHA_EPOLLERR = EPOLLERR;
const uint32_t NAFIDHA_EPOLLHUP = EPOLLHUP;
const uint32_t NAFIDHA_EPOLLRDHUP = EPOLLRDHUP;
const uint32_t NAFIDHA_EPOLLET = EPOLLET;

int nafidha_epoll_create(void) {
    return epoll_create1(EPOLL_CLOEXEC);
}

int nafidha_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    static const int ops[] = { EPOLL_CTL_ADD, EPOLL_CTL_MOD, EPOLL_CTL_DEL };
    if (op < 0 || op > 2) {
        errno = EINVAL;
        return -1;
    }
    struct epoll_event event = { .events = events, .data = { .u64 = data } };
    return epoll_ctl(epfd, ops[op], fd, &event);
}

int nafidha_epoll_wait(int epfd, nafidha_epoll_event *out, int max, int timeout_ms) {
    // The packed kernel array lives on this stack frame only; 256 matches the Swift side's batch size.
    struct epoll_event events[256];
    if (max > 256) {
        max = 256;
    }
    int count = epoll_wait(epfd, events, max, timeout_ms);
    for (int i = 0; i < count; i++) {
        out[i].events = events[i].events;
        out[i].data = events[i].data.u64;
    }
    return count;
}

int nafidha_eventfd(void) {
    return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
}

int nafidha_eventfd_signal(int fd) {
    return eventfd_write(fd, 1);
}

int nafidha_eventfd_drain(int fd) {
    eventfd_t value;
    return eventfd_read(fd, &value);
}

int nafidha_accept(int fd, struct sockaddr *address, socklen_t *length) {
    return accept4(fd, address, length, SOCK_NONBLOCK | SOCK_CLOEXEC);
}

long nafidha_raise_open_file_limit(void) {
    struct rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) {
        return -1;
    }
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &limit) != 0) {
            return -1;
        }
    }
    return (long)limit.rlim_cur;
}

void nafidha_ignore_sigpipe(void) {
    signal(SIGPIPE, SIG_IGN);
}

uint64_t nafidha_monotonic_ns(void) {
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (uint64_t)now.tv_sec * 1000000000u + (uint64_t)now.tv_nsec;
}
