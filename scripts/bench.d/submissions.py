#!/usr/bin/env python3
"""Submissions over keep-alive connections (POST /v1/requests, the body submit.lua sends, every one distinct, no
Idempotency-Key), for scripts/bench.

  submissions.py create HOST:PORT COUNT CLIENTS PAIRS_FILE
      files COUNT requests with CLIENTS concurrent clients and writes "tracking_number access_token" per line
      (for status.lua); exits 1 if any answer is not 201.
  submissions.py load HOST:PORT[,HOST:PORT...] CLIENTS ACKS_FILE
      submits with CLIENTS concurrent clients (client i talks to target i mod the number of targets) until SIGTERM
      or SIGINT, riding out servers and databases that die and come back: a refused or dropped connection is
      counted and retried after 50 ms on a new connection, with a new body (a 5xx too, on the same connection).
      Appends the tracking number of every 201 to ACKS_FILE as soon as it arrives (flushed), then prints one
      summary line.
"""
import http.client
import itertools
import json
import signal
import sys
import threading
import time

BODY = ('{{"service":"residence_certificate","municipality":"BEN",'
        '"applicant":{{"name":"Bench Applicant p-{n}","national_id":"11985{d}","phone":"091{d}"}},'
        '"fields":{{"national_id":"11985{d}","address":"Street {n}, Benghazi",'
        '"resident_since":"2015-06-01","purpose":"employment"}}}}')
HEADERS = {"Content-Type": "application/json"}
numbers = itertools.count(1)  # next() on it is atomic under the GIL: every body gets its own number
lock = threading.Lock()


def next_body():
    n = next(numbers)
    return BODY.format(n=n, d=f"{n % 10_000_000:07d}")


def parse_target(text):
    host, _, port = text.rpartition(":")
    return host, int(port)


def create(target, count, clients, pairs_path):
    host, port = parse_target(target)
    pairs, failures = [], []
    remaining = itertools.count(count, -1)

    def client():
        connection = http.client.HTTPConnection(host, port, timeout=30)
        while next(remaining) > 0:
            connection.request("POST", "/v1/requests", body=next_body(), headers=HEADERS)
            response = connection.getresponse()
            body = response.read()
            with lock:
                if response.status == 201:
                    answer = json.loads(body)
                    pairs.append(f"{answer['tracking_number']} {answer['access_token']}\n")
                else:
                    failures.append((response.status, body[:200]))
                    return

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        print(f"Error: {len(failures)} submissions failed, e.g. {failures[0]}", file=sys.stderr)
        sys.exit(1)
    with open(pairs_path, "w") as f:
        f.writelines(pairs)


def load(targets, clients, acks_path):
    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    signal.signal(signal.SIGINT, lambda *_: stopping.set())
    acks = open(acks_path, "a")
    statuses, errors, acknowledged_by = {}, {}, {}

    def client(host, port):
        connection = None
        while not stopping.is_set():
            try:
                if connection is None:
                    connection = http.client.HTTPConnection(host, port, timeout=10)
                connection.request("POST", "/v1/requests", body=next_body(), headers=HEADERS)
                response = connection.getresponse()
                body = response.read()
                with lock:
                    statuses[response.status] = statuses.get(response.status, 0) + 1
                    if response.status == 201:
                        acks.write(json.loads(body)["tracking_number"] + "\n")
                        acks.flush()
                        acknowledged_by[port] = acknowledged_by.get(port, 0) + 1
                if response.status >= 500:
                    time.sleep(0.05)  # e.g. 503 while the database restarts: no need to spin
                if response.will_close:
                    connection.close()
                    connection = None
            except (OSError, http.client.HTTPException) as error:
                with lock:
                    name = type(error).__name__
                    errors[name] = errors.get(name, 0) + 1
                if connection is not None:
                    connection.close()
                connection = None
                time.sleep(0.05)

    threads = [threading.Thread(target=client, args=parse_target(targets[i % len(targets)])) for i in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        for thread in threads:
            thread.join(timeout=0.2)
    acks.close()
    sent = sum(statuses.values()) + sum(errors.values())
    other = ", ".join(f"{status}: {n}" for status, n in sorted(statuses.items()) if status != 201) or "none"
    failed = ", ".join(f"{name}: {n}" for name, n in sorted(errors.items())) or "none"
    by_port = ""
    if len(targets) > 1:
        by_port = " (by port: " + ", ".join(f"{port}: {n}" for port, n in sorted(acknowledged_by.items())) + ")"
    print(f"{sent} submissions in {time.monotonic() - began:.1f} s by {clients} clients: "
          f"{statuses.get(201, 0)} acknowledged (201){by_port}; other answers {other}; connection failures {failed}")


if __name__ == "__main__":
    mode = sys.argv[1] if len(sys.argv) > 1 else ""
    if mode == "create" and len(sys.argv) == 6:
        create(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
    elif mode == "load" and len(sys.argv) == 5:
        load(sys.argv[2].split(","), int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
