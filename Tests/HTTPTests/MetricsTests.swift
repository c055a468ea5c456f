import Foundation
import HTTP
import Testing

@Suite("Server metrics")
struct MetricsTests {
    /// A router with one pattern route, so that two raw paths fall under one template.
    private func router() -> Router {
        let router = Router()
        router.get("/items/:id") { _, _ in .text("item") }
        router.post("/items") { _, _ in HTTPResponse(status: .created) }
        return router
    }

    private func scrape(_ server: HTTPServer) -> String {
        var document = MetricsText()
        server.writeMetrics(into: &document)
        return document.text
    }

    @Test("requests are counted by route pattern, method and status class, never by raw path")
    func requestsAreCountedByRoutePattern() throws {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.eventLoopCount = 1
        configuration.accessLog = .disabled
        let server = HTTPServer(configuration: configuration, responder: router())
        let port = try server.start()
        defer { server.shutdown() }
        let client = try TestClient(port: port)
        for target in ["/items/1", "/items/2?secret=x", "/items/3", "/nowhere"] {
            _ = try client.request("GET", target)
        }
        _ = try client.request("POST", "/items", body: "{}")
        _ = try client.request("BREW", "/items/1")
        let text = scrape(server)
        #expect(text.contains(#"http_requests_total{route="/items/:id",method="GET",status="2xx"} 3"#))
        #expect(text.contains(#"http_requests_total{route="/items",method="POST",status="2xx"} 1"#))
        #expect(text.contains(#"http_requests_total{route="unmatched",method="GET",status="4xx"} 1"#))
        // An unknown method is `other`: clients cannot add series.
        #expect(text.contains(#"method="other""#))
        #expect(!text.contains("BREW"))
        #expect(!text.contains("/items/1") && !text.contains("secret"))
        #expect(text.contains(#"http_request_duration_seconds_bucket{route="/items/:id",method="GET",le="+Inf"} 3"#))
        #expect(text.contains(#"http_request_duration_seconds_count{route="/items/:id",method="GET"} 3"#))
        #expect(text.contains("http_worker_queue_depth 0"))
        #expect(text.contains("# TYPE http_request_duration_seconds histogram"))
    }

    @Test("label values and help texts are escaped as the text format asks")
    func labelValuesAreEscaped() {
        var document = MetricsText()
        document.family("x_total", .counter, help: "a \\ b\nc")
        document.sample("x_total", ["label": "q\"uote\\back\nline"], 1.5)
        document.sample("x_total", ["label": "inf"], .infinity)
        #expect(
            document.text == """
                # HELP x_total a \\\\ b\\nc
                # TYPE x_total counter
                x_total{label="q\\"uote\\\\back\\nline"} 1.5
                x_total{label="inf"} +Inf

                """)
    }

    @Test("the process's memory and descriptors are read from /proc")
    func processMetricsAreRead() {
        var document = MetricsText()
        ProcessMetrics.write(into: &document)
        let values = Dictionary(
            uniqueKeysWithValues: document.text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
                let parts = line.split(separator: " ")
                return (String(parts[0]), Double(parts[1]) ?? -1)
            })
        #expect((values["process_resident_memory_bytes"] ?? 0) > 1_000_000)
        #expect((values["process_open_fds"] ?? 0) >= 3)
        #expect((values["process_max_fds"] ?? 0) >= (values["process_open_fds"] ?? 0))
    }
}
