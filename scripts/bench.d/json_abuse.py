#!/usr/bin/env python3
"""JSON abuse against a running `nafidha serve`: valid bodies that are cheap to send and were dear to decode.

Usage: json_abuse.py HOST PORT [CLIENTS=16] [SECONDS=10]

Times GET /v1/municipalities alone for SECONDS, then again while CLIENTS clients POST /v1/requests as fast as they
are answered, alternating a valid 1 MiB JSON list of zeros and an object of 80,000 unknown members (issue 12,
row 12: each cost 0.7-0.8 s of CPU before the body limits, and 16 clients took other GETs from 2 ms to 850 ms).
Prints one line per phase; the answers' statuses are counted (422 body_too_complex expected). Only ever talks to
HOST:PORT (use 127.0.0.1). Also imported by scripts/probe (`measure`).
"""
import http.client
import sys
import threading
import time

LIST_BODY = ("[" + ",".join(["0"] * 500_000) + "]").encode()
OBJECT_BODY = ("{" + ",".join(f'"k{n}":0' for n in range(80_000)) + "}").encode()


def percentile(values, fraction):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def time_gets(host, port, seconds, path="/v1/municipalities"):
    """Sequential GETs on one keep-alive connection for `seconds`: their durations in milliseconds."""
    durations = []
    connection = http.client.HTTPConnection(host, port, timeout=30)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        durations.append((time.monotonic() - started) * 1000)
        if response.status != 200:
            raise RuntimeError(f"GET {path} answered {response.status}")
    connection.close()
    return durations


def abuse(host, port, stop, statuses, lock):
    """One client: POSTs the two bodies in turn until `stop` is set, counting the statuses."""
    bodies = [LIST_BODY, OBJECT_BODY]
    sent = 0
    connection = None
    while not stop.is_set():
        try:
            if connection is None:
                connection = http.client.HTTPConnection(host, port, timeout=30)
            body = bodies[sent % 2]
            sent += 1
            connection.request("POST", "/v1/requests", body=body, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            status = str(response.status)
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = None
        except (OSError, http.client.HTTPException):
            status = "error"
            if connection is not None:
                connection.close()
            connection = None
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
    if connection is not None:
        connection.close()


def one_abuse_ms(host, port, body):
    """The duration of one abusive POST alone, in milliseconds, and its status."""
    connection = http.client.HTTPConnection(host, port, timeout=30)
    started = time.monotonic()
    connection.request("POST", "/v1/requests", body=body, headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    response.read()
    elapsed = (time.monotonic() - started) * 1000
    connection.close()
    return elapsed, response.status


def measure(host, port, clients=16, seconds=10):
    """Both phases; a dict of figures (milliseconds)."""
    alone = time_gets(host, port, seconds)
    list_ms, list_status = one_abuse_ms(host, port, LIST_BODY)
    object_ms, object_status = one_abuse_ms(host, port, OBJECT_BODY)
    stop = threading.Event()
    statuses = {}
    lock = threading.Lock()
    threads = [threading.Thread(target=abuse, args=(host, port, stop, statuses, lock)) for _ in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(1)
    try:
        under = time_gets(host, port, seconds)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    return {
        "alone_p50": percentile(alone, 0.5), "alone_p99": percentile(alone, 0.99), "alone_count": len(alone),
        "under_p50": percentile(under, 0.5), "under_p99": percentile(under, 0.99), "under_count": len(under),
        "list_ms": list_ms, "list_status": list_status, "object_ms": object_ms, "object_status": object_status,
        "statuses": statuses, "clients": clients,
    }


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    clients = int(sys.argv[3]) if len(sys.argv) > 3 else 16
    seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 10.0
    figures = measure(host, port, clients, seconds)
    print(
        f"json-abuse: one 1 MiB list of zeros alone: {figures['list_status']} in {figures['list_ms']:.1f} ms; "
        f"one object of 80,000 members alone: {figures['object_status']} in {figures['object_ms']:.1f} ms"
    )
    print(
        f"json-abuse: GET /v1/municipalities alone: p50 {figures['alone_p50']:.1f} ms, "
        f"p99 {figures['alone_p99']:.1f} ms ({figures['alone_count']} requests)"
    )
    print(
        f"json-abuse: the same while {clients} clients send them: p50 {figures['under_p50']:.1f} ms, "
        f"p99 {figures['under_p99']:.1f} ms ({figures['under_count']} requests); "
        f"abusive answers by status: {dict(sorted(figures['statuses'].items()))}"
    )


if __name__ == "__main__":
    main()
