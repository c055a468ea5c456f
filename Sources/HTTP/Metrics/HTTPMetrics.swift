import Synchronization

/// Counts answered requests by route pattern, method and status class, with a latency histogram per route pattern
/// and method, for `/metrics`.
///
/// Every label has a bounded set of values, so the series cannot grow with what clients send: the route is the
/// matched template (`/v1/requests/:tracking`, never the raw path) or `unmatched`, the method one of the standard
/// methods or `other`, the status a class (`2xx`). Recording takes one lock for a dictionary update, once per
/// answered request, on the event loop that answered it.
public final class HTTPMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds (Prometheus's default buckets).
    public static let latencyBuckets: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]
    /// The route label of a request no route matched (404, 405, unparsable requests).
    public static let unmatchedRoute = "unmatched"
    static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    struct CounterKey: Hashable {
        var route: String
        var method: String
        var statusClass: String
    }

    struct HistogramKey: Hashable {
        var route: String
        var method: String
    }

    struct Histogram {
        /// Per bucket, not cumulative: summed when rendered.
        var buckets = [UInt64](repeating: 0, count: HTTPMetrics.latencyBuckets.count)
        var count: UInt64 = 0
        var sum: Double = 0
    }

    private struct State {
        var requests: [CounterKey: UInt64] = [:]
        var latencies: [HistogramKey: Histogram] = [:]
    }

    private let state = Mutex(State())

    /// Empty counters.
    public init() {}

    /// Counts one answered request that took `seconds` from being complete to its whole response being queued.
    func record(route: String?, method: String, status: Int, seconds: Double) {
        let route = route ?? Self.unmatchedRoute
        let method = Self.knownMethods.contains(method) ? method : "other"
        let statusClass = (100...599).contains(status) ? "\(status / 100)xx" : "other"
        let bucket = Self.latencyBuckets.firstIndex { seconds <= $0 }
        state.withLock { state in
            state.requests[CounterKey(route: route, method: method, statusClass: statusClass), default: 0] += 1
            let key = HistogramKey(route: route, method: method)
            var histogram = state.latencies[key] ?? Histogram()
            if let bucket { histogram.buckets[bucket] += 1 }
            histogram.count += 1
            histogram.sum += seconds
            state.latencies[key] = histogram
        }
    }

    /// Writes `http_requests_total` and `http_request_duration_seconds`, series in a stable order.
    public func write(into document: inout MetricsText) {
        let (requests, latencies) = state.withLock { ($0.requests, $0.latencies) }
        document.family(
            "http_requests_total", .counter, help: "HTTP requests answered, by route pattern, method and status class.")
        for (key, count) in requests.sorted(by: {
            ($0.key.route, $0.key.method, $0.key.statusClass) < ($1.key.route, $1.key.method, $1.key.statusClass)
        }) {
            document.sample(
                "http_requests_total", ["route": key.route, "method": key.method, "status": key.statusClass],
                Double(count))
        }
        document.family(
            "http_request_duration_seconds", .histogram,
            help: "Time from a complete request to its whole response queued for sending, by route pattern and method.")
        for (key, histogram) in latencies.sorted(by: { ($0.key.route, $0.key.method) < ($1.key.route, $1.key.method) })
        {
            var cumulative: UInt64 = 0
            for (index, bound) in Self.latencyBuckets.enumerated() {
                cumulative += histogram.buckets[index]
                document.sample(
                    "http_request_duration_seconds_bucket",
                    ["route": key.route, "method": key.method, "le": MetricsText.format(bound)], Double(cumulative))
            }
            document.sample(
                "http_request_duration_seconds_bucket", ["route": key.route, "method": key.method, "le": "+Inf"],
                Double(histogram.count))
            document.sample(
                "http_request_duration_seconds_sum", ["route": key.route, "method": key.method], histogram.sum)
            document.sample(
                "http_request_duration_seconds_count", ["route": key.route, "method": key.method],
                Double(histogram.count))
        }
    }
}
