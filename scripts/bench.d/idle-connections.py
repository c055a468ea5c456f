#!/usr/bin/env python3
"""Opens N keep-alive connections to HOST:PORT, sends one GET on each, keeps them all open and idle, then prints
how many are open. It waits on stdin's EOF (or SECONDS) before closing, so the caller can measure the server."""
import resource
import socket
import sys
import time

host, port, count, hold = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, count + 100), hard))
request = f"GET /healthz HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
sockets = []
for i in range(count):
    s = socket.create_connection((host, port), timeout=10)
    s.sendall(request)
    sockets.append(s)
answered = 0
for s in sockets:
    data = s.recv(4096)
    if data.startswith(b"HTTP/1.1 200"):
        answered += 1
print(f"open={len(sockets)} answered={answered}", flush=True)
time.sleep(hold)
still_open = 0
for s in sockets:
    s.setblocking(False)
    try:
        if s.recv(1) == b"":
            continue
    except BlockingIOError:
        still_open += 1
    except OSError:
        continue
print(f"still_open_after_hold={still_open}", flush=True)
