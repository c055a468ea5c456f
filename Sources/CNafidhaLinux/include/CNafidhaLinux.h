#ifndef NAFIDHA_C_LINUX_H
#define NAFIDHA_C_LINUX_H

#include <stdint.h>
#include <sys/socket.h>

/// One readiness event, unpacked: the kernel's `struct epoll_event` is packed on x86_64, which Swift imports poorly.
typedef struct {
    uint32_t events;
    uint64_t data;
} nafidha_epoll_event;

/// Readiness bits, re-exported because Swift does not import the kernel's enum-like macros with stable types.
extern const uint32_t NAFIDHA_EPOLLIN;
extern const uint32_t NAFIDHA_EPOLLOUT;
extern const uint32_t NAFIDHA_EPOLLERR;
extern const uint32_t NAFIDHA_EPOLLHUP;
extern const uint32_t NAFIDHA_EPOLLRDHUP;
extern const uint32_t NAFIDHA_EPOLLET;

/// Creates a close-on-exec epoll instance; returns -1 and sets errno on failure.
int nafidha_epoll_create(void);

/// Adds (op 0), modifies (op 1) or deletes (op 2) `fd` in the interest list with `events` and a 64-bit token.
int nafidha_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data);

/// Waits for up to `max` events and copies them, unpacked, into `out`.
int nafidha_epoll_wait(int epfd, nafidha_epoll_event *out, int max, int timeout_ms);

/// Creates a non-blocking, close-on-exec eventfd used to wake an event loop from another thread.
int nafidha_eventfd(void);

/// Adds one to an eventfd's counter (wakes its epoll waiter).
int nafidha_eventfd_signal(int fd);

/// Reads and resets an eventfd's counter.
int nafidha_eventfd_drain(int fd);

/// Accepts one connection as non-blocking and close-on-exec in a single call (`accept4`), avoiding two fcntl calls.
int nafidha_accept(int fd, struct sockaddr *address, socklen_t *length);

/// Raises RLIMIT_NOFILE's soft limit to its hard limit; returns the new soft limit or -1.
long nafidha_raise_open_file_limit(void);

/// Ignores SIGPIPE process-wide: a peer closing mid-write must be an EPIPE error, not the death of the server.
void nafidha_ignore_sigpipe(void);

/// Reads the monotonic clock in nanoseconds (deadlines must not move with wall-clock adjustments).
uint64_t nafidha_monotonic_ns(void);

#endif
