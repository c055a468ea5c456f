#!/usr/bin/env python3
"""A local SMS gateway for scripts/bench notify: accepts POST /send with the gateway JSON, answers 202 after a fixed
delay (threads, so many requests wait at once), and counts what it accepted.

  sms-gateway.py PORT DELAY_MS COUNT_FILE
      serves on 127.0.0.1:PORT until SIGTERM; then writes "accepted=N distinct=M" to COUNT_FILE (M: distinct ids).
"""
import http.server
import json
import signal
import sys
import threading
import time

port, delay, count_file = int(sys.argv[1]), int(sys.argv[2]) / 1000, sys.argv[3]
lock = threading.Lock()
accepted = 0
ids = set()


class Gateway(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # The answer goes out in two writes (head, body): without TCP_NODELAY the second waits for the client's
    # delayed ACK (40 ms) on a kept-alive connection, as no real gateway would.
    disable_nagle_algorithm = True

    def do_POST(self):
        global accepted
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        time.sleep(delay)
        message = json.loads(body)
        with lock:
            accepted += 1
            ids.add(message["id"])
        self.send_response(202)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


server = Server(("127.0.0.1", port), Gateway)


def stop(*_):
    with lock, open(count_file, "w") as out:
        out.write(f"accepted={accepted} distinct={len(ids)}\n")
    threading.Thread(target=server.shutdown).start()


signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)
server.serve_forever()
