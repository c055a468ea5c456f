import Foundation
import HTTP
import NafidhaAPI
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// Whether Debian's interpreter has `prometheus_client` (python3-prometheus-client, installed by scripts/test).
private let parserAvailable =
    FileManager.default.isExecutableFile(atPath: MetricsRoutesTests.python)
    && FileManager.default.fileExists(atPath: "/usr/lib/python3/dist-packages/prometheus_client/parser.py")

/// `/metrics` read by a real Prometheus parser: the `prometheus_client` of Debian's python3-prometheus-client
/// (installed by scripts/test), run by Debian's own interpreter.
@Suite("GET /metrics")
struct MetricsRoutesTests {
    static let python = "/usr/bin/python3"

    /// Parses `text` with `prometheus_client.parser` and answers every sample as `name{k="v",...}` → value, labels
    /// sorted by name; a document the parser refuses fails the test.
    static func parse(_ text: String) throws -> [String: Double] {
        let script = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            samples = {}
            for family in text_string_to_metric_families(sys.stdin.read()):
                for sample in family.samples:
                    labels = ",".join('%s="%s"' % (k, v) for k, v in sorted(sample.labels.items()))
                    samples["%s{%s}" % (sample.name, labels)] = sample.value
            json.dump(samples, sys.stdout)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // The document is small (tens of KiB); write it all, then read the answer.
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let answer = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "prometheus_client refused the document: \(problem)")
        let object = try #require(try JSONSerialization.jsonObject(with: answer) as? [String: Any])
        return object.compactMapValues { ($0 as? NSNumber)?.doubleValue }
    }

    /// Besides the counters: the pool, the audit backlog, the queues and the process are reported.
    @Test(
        "the document parses and its request counters move with the traffic sent",
        .enabled(if: parserAvailable, "python3-prometheus-client is not installed (scripts/test installs it)"))
    func documentParsesAndCountersMove() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let services = NafidhaServices(pool: pool)
            let submitted = try APIClient(pool: pool).send("POST", "/v1/requests", body: SubmissionRoutesTests.body)
            #expect(submitted.status == 201)

            var configuration = HTTPServer.Configuration()
            configuration.port = 0
            configuration.accessLog = .disabled
            let server = HTTPServer(configuration: configuration, responder: APIRouter.make(services: services))
            let port = try server.start()
            defer { server.shutdown() }
            configuration.workerCount = 2
            let metrics = HTTPServer(
                configuration: configuration, responder: MetricsRoutes.make(services: services, server: server))
            let metricsPort = try metrics.start()
            defer { metrics.shutdown() }
            let api = LiveServer(port: port)
            let scraper = LiveServer(port: metricsPort)

            for _ in 0..<3 { #expect(try api.get("/v1/municipalities").status == 200) }
            let first = try scraper.get("/metrics")
            #expect(first.status == 200)
            #expect(first.header("Content-Type") == "text/plain; version=0.0.4; charset=utf-8")
            let before = try Self.parse(first.text)
            let key = #"http_requests_total{method="GET",route="/v1/municipalities",status="2xx"}"#
            #expect(before[key] == 3)

            for _ in 0..<2 { #expect(try api.get("/v1/municipalities").status == 200) }
            _ = try api.get("/v1/requests/NOPE-0000")
            let after = try Self.parse(try scraper.get("/metrics").text)
            #expect(after[key] == 5)
            // The raw path never becomes a label: the tracking number falls under its route's template.
            #expect(after[#"http_requests_total{method="GET",route="/v1/requests/:tracking",status="4xx"}"#] == 1)
            #expect(!after.keys.contains { $0.contains("NOPE") })
            #expect(
                after[#"http_request_duration_seconds_count{method="GET",route="/v1/municipalities"}"#] == 5)
            #expect(after["http_worker_queue_depth{}"] == 0)
            #expect(after["nafidha_database_up{}"] == 1)
            #expect(after["nafidha_db_pool_connections_max{}"] == Double(pool.configuration.maxConnections))
            #expect(after["nafidha_db_pool_waiting{}"] == 0)
            // The submission's audit events wait for a sequencer: none runs in this test.
            #expect((after["nafidha_audit_events_unchained{}"] ?? 0) >= 1)
            // The applicant gave a phone: an SMS waits, since no delivery worker runs in this test.
            #expect(after[#"nafidha_notifications{state="pending"}"#] == 1)
            #expect(after[#"nafidha_notifications{state="dead"}"#] == 0)
            #expect(
                after[#"nafidha_tasks_active{municipality="TRP",sector="urban_planning",status="open"}"#] == 1)
            #expect(after[#"nafidha_tasks_overdue{municipality="TRP",sector="urban_planning"}"#] == 0)
            #expect((after["process_resident_memory_bytes{}"] ?? 0) > 0)
            #expect((after["process_open_fds{}"] ?? 0) > 0)
        }
    }

    @Test(
        "a database that does not answer is reported as down, and the rest of the document still parses",
        .enabled(if: parserAvailable, "python3-prometheus-client is not installed (scripts/test installs it)"))
    func downDatabaseIsReported() throws {
        var poolConfiguration = PostgresPool.Configuration()
        poolConfiguration.acquireTimeout = .milliseconds(500)
        let pool = PostgresPool(
            conninfo: "host=/nonexistent-nafidha-socket-dir dbname=x connect_timeout=1",
            configuration: poolConfiguration)
        defer { pool.close() }
        let services = NafidhaServices(pool: pool)
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.accessLog = .disabled
        let server = HTTPServer(configuration: configuration, responder: APIRouter.make(services: services))
        let metrics = HTTPServer(
            configuration: configuration, responder: MetricsRoutes.make(services: services, server: server))
        let port = try metrics.start()
        defer { metrics.shutdown() }
        let samples = try Self.parse(try LiveServer(port: port).get("/metrics").text)
        #expect(samples["nafidha_database_up{}"] == 0)
        #expect(samples["nafidha_audit_events_unchained{}"] == nil)
        #expect(samples[#"nafidha_notifications{state="pending"}"#] == nil)
        #expect(samples["http_workers{}"] == 16)
    }
}
