#!/usr/bin/env python3
"""32 concurrent clerks calling POST /v1/staff/tasks/claim-next over keep-alive connections until the queue is
empty or the time is up. Prints claims/s, p50 and p99 latency, and refuses to report if any task was handed out
twice. Usage: claim-next.py HOST PORT SECONDS TOKEN_FILE (one staff token per line, one thread per token)."""
import http.client
import json
import sys
import threading
import time

host, port, seconds, token_file = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), sys.argv[4]
tokens = [line.strip() for line in open(token_file) if line.strip()]
latencies, claimed, errors = [], [], []
lock = threading.Lock()
start_barrier = threading.Barrier(len(tokens) + 1)
deadline = [0.0]


def clerk(token):
    connection = http.client.HTTPConnection(host, port, timeout=30)
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    mine, times = [], []
    start_barrier.wait()
    while time.monotonic() < deadline[0]:
        began = time.monotonic()
        connection.request("POST", "/v1/staff/tasks/claim-next", body="{}", headers=headers)
        response = connection.getresponse()
        body = response.read()
        times.append(time.monotonic() - began)
        if response.status == 200:
            mine.append(json.loads(body)["id"])
        elif response.status == 404:
            break  # queue_empty
        else:
            with lock:
                errors.append((response.status, body[:200]))
            break
    with lock:
        latencies.extend(times)
        claimed.extend(mine)


threads = [threading.Thread(target=clerk, args=(token,)) for token in tokens]
for thread in threads:
    thread.start()
deadline[0] = time.monotonic() + seconds
began = time.monotonic()
start_barrier.wait()
for thread in threads:
    thread.join()
elapsed = time.monotonic() - began
if errors:
    print("errors:", errors[:5], file=sys.stderr)
    sys.exit(1)
if len(set(claimed)) != len(claimed):
    print("a task was claimed twice", file=sys.stderr)
    sys.exit(1)
latencies.sort()
p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000
print(f"{len(claimed) / elapsed:.0f} claims/s ({len(claimed)} claims by {len(tokens)} clerks in {elapsed:.1f} s, "
      f"none twice), p50 {p(0.50):.1f} ms, p99 {p(0.99):.1f} ms")
