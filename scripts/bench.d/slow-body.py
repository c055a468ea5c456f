#!/usr/bin/env python3
"""Slow-body attack on a running `nafidha serve`, printing the server's memory.

Usage: slow-body.py HOST PORT SERVER_PID [CONNECTIONS=400] [SECONDS=120]

Opens CONNECTIONS connections, each declaring `Content-Length: 1048576` on a POST, sends all but the last 100 bytes
of the body, then one byte every 5 s (a body that never ends yet is never idle). Every second it prints how many
connections are still being held, how many were refused with 503 before their body was read, how many the server
cut, and the server's RSS (VmRSS, from /proc/SERVER_PID/status); at the end the peak RSS (VmHWM). It stops when
the server has dealt with every connection or after SECONDS, and only ever talks to HOST:PORT (use 127.0.0.1).
"""
import resource
import selectors
import socket
import sys
import time

DECLARED = 1 << 20
HELD_BACK = 100
TRICKLE_EVERY = 5.0


def status_kib(pid, field):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def main():
    host, port, pid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 400
    limit = float(sys.argv[5]) if len(sys.argv) > 5 else 120.0
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 100), hard))

    head = (
        f"POST /v1/requests HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {DECLARED}\r\n\r\n"
    ).encode()
    body = memoryview(b"a" * (DECLARED - HELD_BACK))
    selector = selectors.DefaultSelector()
    # Per connection: bytes of the body sent so far, and when the next trickled byte is due.
    state = {}
    refused = cut = 0
    start = time.monotonic()
    for _ in range(count):
        s = socket.create_connection((host, port), timeout=10)
        s.sendall(head)
        s.setblocking(False)
        state[s] = [0, 0.0]
        selector.register(s, selectors.EVENT_READ | selectors.EVENT_WRITE)

    def refused_by_server(s):
        # A send can fail on a connection the server closed right after its 503: the answer may still be readable.
        try:
            return s.recv(4096).startswith(b"HTTP/1.1 503")
        except OSError:
            return False

    def finish(s, was_refused):
        nonlocal refused, cut
        selector.unregister(s)
        s.close()
        del state[s]
        if was_refused:
            refused += 1
        else:
            cut += 1

    next_report = start
    while state and time.monotonic() - start < limit:
        now = time.monotonic()
        for key, events in selector.select(timeout=0.2):
            s = key.fileobj
            if s not in state:
                continue
            if events & selectors.EVENT_READ:
                try:
                    data = s.recv(4096)
                except OSError:
                    data = b""
                finish(s, data.startswith(b"HTTP/1.1 503"))
                continue
            if events & selectors.EVENT_WRITE:
                sent, _ = state[s]
                try:
                    if sent < len(body):
                        state[s][0] += s.send(body[sent:])
                    if state[s][0] >= len(body):
                        # The bulk is out: from now on only the trickle, so stop asking for writability.
                        state[s][1] = now + TRICKLE_EVERY
                        selector.modify(s, selectors.EVENT_READ)
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    finish(s, refused_by_server(s))
        for s, (sent, due) in list(state.items()):
            if sent >= len(body) and now >= due:
                try:
                    s.send(b"a")
                    state[s][1] = now + TRICKLE_EVERY
                except BlockingIOError:
                    pass
                except OSError:
                    finish(s, False)
        if now >= next_report:
            next_report += 1
            rss = status_kib(pid, "VmRSS") // 1024
            print(f"t={now - start:5.1f}s held={len(state)} refused_503={refused} cut={cut} rss={rss}MiB", flush=True)
    for s in list(state):
        s.close()
    peak = status_kib(pid, "VmHWM") // 1024
    print(
        f"done: connections={count} refused_503={refused} cut={cut} still_held={len(state)} "
        f"after={time.monotonic() - start:.1f}s peak_rss={peak}MiB",
        flush=True,
    )


if __name__ == "__main__":
    main()
