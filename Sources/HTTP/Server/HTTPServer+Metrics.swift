extension HTTPServer {
    /// Writes the server's metrics: requests by route pattern, method and status class, latency histograms, the
    /// worker pool's load, open connections, buffered body bytes and dropped log lines. Prefixes are `http_`.
    public func writeMetrics(into document: inout MetricsText) {
        core.metrics.write(into: &document)
        let saturation = core.pool.saturation
        document.single(
            "http_workers_busy", .gauge, help: "Worker threads running a handler now.",
            Double(saturation.busyWorkers))
        document.single(
            "http_workers", .gauge, help: "Worker threads of the server.", Double(saturation.workerCount))
        document.single(
            "http_worker_queue_depth", .gauge, help: "Requests waiting for a worker thread now.",
            Double(saturation.queuedRequests))
        document.single(
            "http_worker_queue_capacity", .gauge, help: "Requests that may wait for a worker; beyond, 503 overloaded.",
            Double(saturation.queueCapacity))
        document.single(
            "http_open_connections", .gauge, help: "Client connections open now.",
            Double(core.openConnections.load(ordering: .relaxed)))
        document.single(
            "http_buffered_body_bytes", .gauge, help: "Bytes of request bodies held by all connections now.",
            Double(bufferedBodyBytes))
        document.single(
            "http_log_lines_dropped_total", .counter, help: "Log lines dropped because the log buffer was full.",
            Double(droppedAccessLogLines))
    }

    /// Writes a message to the server's log, in its format, through its log thread (so that lines of the access
    /// log and messages never interleave); in text, warnings start `Warning: ` and errors `Error: `.
    public func log(_ level: LogLevel, _ message: String) {
        core.logger.log(level, text: level.textPrefix + message, message: message)
    }
}
