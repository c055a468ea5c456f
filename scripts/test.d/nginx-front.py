#!/usr/bin/env python3
"""Two `nafidha serve` on one database behind Debian's nginx running deploy/nginx/nafidha.conf (the file
docker-compose.yml uses), on loopback. Run by scripts/test; exits 1 on the first failed check.

  nginx-front.py WORK_DIR DATABASE_URL

Needs NAFIDHA_BINARY, /usr/sbin/nginx, openssl, psql, and Debian's python3-prometheus-client. It checks that:
  - the template fills in and `nginx -t` accepts it; plain HTTP redirects to HTTPS; X-Request-ID goes through;
  - requests spread over both servers (each server's /metrics counts its share, parsed by prometheus_client);
  - a body over the app's limit is refused by nginx with 413;
  - one server killed with SIGKILL mid-load: every submission acknowledged with 201 is stored, none twice
    (clients retry with their Idempotency-Key), and the audit chain verifies once the survivor chained everything;
  - two sweeps at once (two processes) escalate each overdue task once (one `escalated` event per task);
  - every line the survivor logged with NAFIDHA_LOG_FORMAT=json is one JSON object holding no personal data.
"""
import http.client
import json
import os
import re
import signal
import socket
import ssl
import subprocess
import sys
import threading
import time
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.environ["NAFIDHA_BINARY"]
BODY = ('{{"service":"residence_certificate","municipality":"BEN",'
        '"applicant":{{"name":"Front Applicant {n}","national_id":"11985{d}","phone":"091{d}"}},'
        '"fields":{{"national_id":"11985{d}","address":"Street {n}, Benghazi",'
        '"resident_since":"2015-06-01","purpose":"employment"}}}}')


def fail(message):
    print(f"nginx-front: FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A `nafidha serve` whose output is collected; its API and metrics ports read from its first lines."""

    def __init__(self, name, work, url):
        env = dict(os.environ, NAFIDHA_TRUSTED_PROXIES="127.0.0.1/32", NAFIDHA_LOG_FORMAT="json",
                   NAFIDHA_METRICS_LISTEN="127.0.0.1:0")
        env.pop("DATABASE_URL", None)
        self.log_path = os.path.join(work, f"{name}.log")
        self.log = open(self.log_path, "w")
        self.process = subprocess.Popen([BINARY, "serve", "--database-url", url, "--listen", "127.0.0.1:0"],
                                        stdout=self.log, stderr=subprocess.STDOUT, env=env)
        self.port = self.metrics_port = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and self.process.poll() is None:
            text = open(self.log_path).read()
            api = re.search(r"Listening on http://127\.0\.0\.1:(\d+)", text)
            metrics = re.search(r"Metrics on http://127\.0\.0\.1:(\d+)/metrics", text)
            if api and metrics and "Ready" in text:
                self.port, self.metrics_port = int(api.group(1)), int(metrics.group(1))
                return
            time.sleep(0.1)
        fail(f"{name} did not start: {open(self.log_path).read()[-2000:]}")

    def stop(self, sig=signal.SIGTERM):
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def metrics(self):
        from prometheus_client.parser import text_string_to_metric_families
        connection = http.client.HTTPConnection("127.0.0.1", self.metrics_port, timeout=10)
        connection.request("GET", "/metrics")
        response = connection.getresponse()
        text = response.read().decode()
        if response.status != 200:
            fail(f"/metrics answered {response.status}")
        samples = {}
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
        return samples


def requests_counted(server, route, method, status="2xx"):
    key = ("http_requests_total", (("method", method), ("route", route), ("status", status)))
    return server.metrics().get(key, 0)


def start_nginx(work, upstreams):
    tls = os.path.join(work, "tls")
    subprocess.run([os.path.join(ROOT, "deploy/nginx/self-signed-cert.sh"), tls], check=True)
    https, plain = free_port(), free_port()
    values = {"NAFIDHA_UPSTREAM_A": upstreams[0], "NAFIDHA_UPSTREAM_B": upstreams[1],
              "NAFIDHA_HTTP_PORT": str(plain), "NAFIDHA_HTTPS_PORT": str(https), "NAFIDHA_TLS_DIR": tls}
    template = open(os.path.join(ROOT, "deploy/nginx/nafidha.conf")).read()
    # What envsubst does in the official image: ${NAME} of the given variables only.
    site = re.sub(r"\$\{(NAFIDHA_[A-Z_]+)\}", lambda m: values[m.group(1)], template)
    if "${" in site:
        fail("a placeholder of deploy/nginx/nafidha.conf has no value")
    prefix = os.path.join(work, "nginx")
    os.makedirs(prefix, mode=0o755)
    with open(os.path.join(prefix, "nafidha.conf"), "w") as f:
        f.write(site)
    with open(os.path.join(prefix, "nginx.conf"), "w") as f:
        f.write(f"""
daemon off;
worker_processes 2;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    include {prefix}/nafidha.conf;
}}
""")
    command = ["/usr/sbin/nginx", "-p", prefix, "-e", f"{prefix}/error.log", "-c", f"{prefix}/nginx.conf"]
    checked = subprocess.run(command + ["-t"], capture_output=True, text=True)
    if checked.returncode != 0:
        fail(f"nginx -t refused the configuration: {checked.stderr}")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", https), timeout=1).close()
            return process, https, plain, os.path.join(tls, "nafidha.crt")
        except OSError:
            time.sleep(0.1)
    process.kill()
    fail(f"nginx did not listen: {open(os.path.join(prefix, 'error.log')).read()}")


def psql(url, sql):
    return subprocess.run(["psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", sql],
                          capture_output=True, text=True, check=True).stdout.strip()


def load(https, context, seconds_before_kill, kill, seconds_after, clients=8):
    """Submits until the end, each client retrying its current submission (same Idempotency-Key, same body) until
    it is acknowledged; returns the tracking numbers acknowledged and the answers seen."""
    acknowledged, answers, lock = [], {}, threading.Lock()
    stop = threading.Event()
    numbers = iter(range(1, 10**9))

    def client():
        connection = None
        while not stop.is_set():
            with lock:
                n = next(numbers)
            body, key = BODY.format(n=n, d=f"{n % 10_000_000:07d}"), str(uuid.uuid4())
            while not stop.is_set():
                try:
                    if connection is None:
                        connection = http.client.HTTPSConnection("127.0.0.1", https, context=context, timeout=15)
                    connection.request("POST", "/v1/requests", body=body,
                                       headers={"Content-Type": "application/json", "Idempotency-Key": key})
                    response = connection.getresponse()
                    data = response.read()
                    with lock:
                        answers[response.status] = answers.get(response.status, 0) + 1
                    if response.status in (200, 201):
                        with lock:
                            acknowledged.append(json.loads(data)["tracking_number"])
                        break
                    if response.will_close:
                        connection.close()
                        connection = None
                    time.sleep(0.05)
                except (OSError, http.client.HTTPException) as error:
                    with lock:
                        answers[type(error).__name__] = answers.get(type(error).__name__, 0) + 1
                    if connection is not None:
                        connection.close()
                    connection = None
                    time.sleep(0.05)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(seconds_before_kill)
    kill()
    time.sleep(seconds_after)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    return acknowledged, answers


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    work, url = sys.argv[1], sys.argv[2]
    servers, nginx = [], None
    try:
        servers = [Server("serve-a", work, url), Server("serve-b", work, url)]
        nginx, https, plain, certificate = start_nginx(work, [f"127.0.0.1:{s.port}" for s in servers])
        context = ssl.create_default_context(cafile=certificate)

        # Plain HTTP redirects to HTTPS.
        connection = http.client.HTTPConnection("127.0.0.1", plain, timeout=10)
        connection.request("GET", "/healthz")
        response = connection.getresponse()
        response.read()
        if response.status != 308 or not response.getheader("Location", "").startswith("https://"):
            fail(f"plain HTTP answered {response.status} {response.getheader('Location')}")

        # TLS, the request id, and spreading over both servers.
        connection = http.client.HTTPSConnection("127.0.0.1", https, context=context, timeout=10)
        for index in range(20):
            connection.request("GET", "/v1/municipalities", headers={"X-Request-ID": f"front-{index}"})
            response = connection.getresponse()
            response.read()
            if response.status != 200 or response.getheader("X-Request-ID") != f"front-{index}":
                fail(f"GET /v1/municipalities through nginx: {response.status}, id {response.getheader('X-Request-ID')}")
        shares = [requests_counted(s, "/v1/municipalities", "GET") for s in servers]
        if sum(shares) != 20 or min(shares) == 0:
            fail(f"requests were not spread over both servers: {shares}")

        # nginx refuses what the app would refuse: a body over 1 MiB.
        # Announced, not sent: nginx answers on the Content-Length alone.
        connection.putrequest("POST", "/v1/requests")
        connection.putheader("Content-Type", "application/json")
        connection.putheader("Content-Length", str((1 << 20) + 1))
        connection.endheaders()
        response = connection.getresponse()
        response.read()
        if response.status != 413:
            fail(f"a body over 1 MiB answered {response.status}, not 413")
        connection.close()

        # One server killed with SIGKILL mid-load.
        victim, survivor = servers
        acknowledged, answers = load(https, context, 3, lambda: victim.process.send_signal(signal.SIGKILL), 3)
        victim.process.wait()
        if len(acknowledged) < 20:
            fail(f"only {len(acknowledged)} submissions were acknowledged: {answers}")
        if len(set(acknowledged)) != len(acknowledged):
            fail("a tracking number was acknowledged twice")
        values = "','".join(acknowledged)
        stored = int(psql(url, f"SELECT count(*) FROM requests WHERE tracking_number IN ('{values}')"))
        if stored != len(acknowledged):
            fail(f"{len(acknowledged) - stored} acknowledged submissions are not stored")
        duplicates = psql(url, "SELECT count(*) FROM (SELECT 1 FROM audit_events WHERE action = 'submitted' "
                               "GROUP BY request_id HAVING count(*) > 1) d")
        if duplicates != "0":
            fail(f"{duplicates} requests have more than one 'submitted' event")
        posted = requests_counted(survivor, "/v1/requests", "POST")
        if posted == 0:
            fail("the survivor's /metrics counted no submission")

        # Two sweeps at once, in two processes, over tasks made overdue: each escalated once.
        psql(url, "UPDATE tasks SET due_at = now() - interval '1 hour' WHERE status = 'open'")
        sweeps = [subprocess.Popen([BINARY, "sla", "sweep", "--json", "--database-url", url],
                                   stdout=subprocess.PIPE, text=True) for _ in range(2)]
        for sweep in sweeps:
            json.loads(sweep.communicate(timeout=120)[0])
            if sweep.returncode != 0:
                fail("nafidha sla sweep failed")
        # The survivor's own sweeper may have run meanwhile too: count events, not what the commands said.
        overdue = int(psql(url, "SELECT count(*) FROM tasks WHERE status = 'open'"))
        escalated = int(psql(url, "SELECT count(DISTINCT task_id) FROM audit_events WHERE action = 'escalated'"))
        twice = psql(url, "SELECT count(*) FROM (SELECT 1 FROM audit_events WHERE action = 'escalated' "
                          "GROUP BY task_id HAVING count(*) > 1) d")
        if escalated != overdue or twice != "0":
            fail(f"two sweeps escalated {escalated} of {overdue} overdue tasks; tasks escalated twice: {twice}")

        # The survivor's sequencer chains everything, then the chains verify.
        deadline = time.monotonic() + 120
        while psql(url, "SELECT count(*) FROM audit_events WHERE seq IS NULL") != "0":
            if time.monotonic() > deadline:
                fail("the survivor did not chain every audit event within 120 s")
            time.sleep(0.2)
        verified = subprocess.run([BINARY, "admin", "audit-verify", "--full", "--database-url", url],
                                  capture_output=True, text=True)
        if verified.returncode != 0:
            fail(f"audit-verify: {verified.stdout}{verified.stderr}")

        survivor.stop()
        lines = [line for line in open(survivor.log_path).read().splitlines() if line.strip()]
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                fail(f"a log line is not JSON: {line[:200]}")
            if "time" not in record or "level" not in record:
                fail(f"a log line lacks time or level: {line[:200]}")
        text = "\n".join(lines)
        if "Front Applicant" in text or "Benghazi" in text:
            fail("the JSON log holds personal data")
        print(f"nginx-front: PASS: {len(acknowledged)} submissions acknowledged through nginx and stored once each "
              f"with one of two servers killed (answers seen: {answers}); {escalated} tasks escalated once by two "
              f"sweeps; audit chains verified; {len(lines)} JSON log lines")
    finally:
        if nginx is not None:
            nginx.send_signal(signal.SIGQUIT)
            try:
                nginx.wait(timeout=30)
            except subprocess.TimeoutExpired:
                nginx.kill()
        for server in servers:
            server.stop()


if __name__ == "__main__":
    main()
