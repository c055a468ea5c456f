import Foundation
import HTTP
import NafidhaAPI
import NafidhaCore
import Postgres

/// The HTTP server's, the API's and the database pool's settings for `nafidha serve`: the modules' defaults, overridden by
/// `NAFIDHA_*` environment variables (docs/operations.md lists them).
struct ServerSettings {
    var http = HTTPServer.Configuration()
    var pool = PostgresPool.Configuration()
    var api = APIRouter.Settings()
    /// Where `/metrics` is served (`--metrics-listen`, else `NAFIDHA_METRICS_LISTEN`, else loopback port 9464).
    var metrics = MetricsListen.defaultValue
    /// The read replica's URL (`--replica-url`, else `NAFIDHA_REPLICA_URL`); nil: none.
    var replicaURL: String?
    /// When reads go to the replica.
    var replica = ReadRouting.Settings()
    /// The largest upload (`NAFIDHA_UPLOAD_MAX_BYTES`, docs/documents.md).
    var uploadMaxBytes = UploadService.defaultMaxBytes

    /// The replica's pool: the primary pool's limits, but a replica that does not answer is given up on sooner
    /// (2 s to connect or to get a connection), since the primary can serve instead.
    var replicaPool: PostgresPool.Configuration {
        var configuration = pool
        configuration.acquireTimeout = .seconds(2)
        configuration.connection.connectTimeout = .seconds(2)
        return configuration
    }

    /// The environment variables read, each with the setting it overrides.
    static let variables:
        [(name: String, apply: @Sendable (inout ServerSettings, Int) -> Void, range: ClosedRange<Int>)] = [
            ("NAFIDHA_HTTP_WORKERS", { $0.http.workerCount = $1 }, 1...1024),
            ("NAFIDHA_HTTP_QUEUE_LENGTH", { $0.http.workerQueueLength = $1 }, 1...1_000_000),
            ("NAFIDHA_HTTP_MAX_CONNECTIONS", { $0.http.maxConnections = $1 }, 1...1_000_000),
            ("NAFIDHA_HTTP_EVENT_LOOPS", { $0.http.eventLoopCount = $1 }, 1...256),
            ("NAFIDHA_HTTP_MAX_BODY_BYTES", { $0.http.maxBodyBytes = $1 }, 1024...(64 << 20)),
            ("NAFIDHA_HTTP_HEADER_TIMEOUT_SECONDS", { $0.http.headerTimeout = .seconds($1) }, 1...3600),
            ("NAFIDHA_HTTP_KEEPALIVE_TIMEOUT_SECONDS", { $0.http.keepAliveTimeout = .seconds($1) }, 1...3600),
            ("NAFIDHA_HTTP_WRITE_TIMEOUT_SECONDS", { $0.http.writeTimeout = .seconds($1) }, 1...3600),
            ("NAFIDHA_HTTP_BODY_TIMEOUT_SECONDS", { $0.http.bodyTimeout = .seconds($1) }, 1...3600),
            ("NAFIDHA_HTTP_MIN_BODY_BYTES_PER_SECOND", { $0.http.minBodyBytesPerSecond = $1 }, 0...(1 << 30)),
            ("NAFIDHA_HTTP_BODY_RATE_GRACE_SECONDS", { $0.http.bodyRateGracePeriod = .seconds($1) }, 0...3600),
            ("NAFIDHA_HTTP_MAX_BUFFERED_BODY_BYTES", { $0.http.maxBufferedBodyBytes = $1 }, (1 << 20)...(16 << 30)),
            (
                "NAFIDHA_HTTP_STREAMING_BODY_TIMEOUT_SECONDS", { $0.http.streamingBodyTimeout = .seconds($1) },
                1...86_400
            ),
            ("NAFIDHA_UPLOAD_MAX_BYTES", { $0.uploadMaxBytes = $1 }, 1024...(1 << 30)),
            ("NAFIDHA_HTTP_SHUTDOWN_TIMEOUT_SECONDS", { $0.http.shutdownTimeout = .seconds($1) }, 1...3600),
            ("NAFIDHA_JSON_MAX_DEPTH", { $0.api.jsonLimits.maximumDepth = $1 }, 2...512),
            ("NAFIDHA_JSON_MAX_MEMBERS", { $0.api.jsonLimits.maximumMembers = $1 }, 16...100_000),
            ("NAFIDHA_JSON_MAX_ELEMENTS", { $0.api.jsonLimits.maximumElements = $1 }, 16...1_000_000),
            ("NAFIDHA_JSON_MAX_VALUES", { $0.api.jsonLimits.maximumValues = $1 }, 64...10_000_000),
            ("NAFIDHA_AUTH_MAX_FAILURES", { $0.api.authFailures.maximumFailures = $1 }, 1...1_000_000),
            ("NAFIDHA_AUTH_WINDOW_SECONDS", { $0.api.authFailures.windowSeconds = $1 }, 1...86_400),
            ("NAFIDHA_AUTH_MAX_CLIENTS", { $0.api.authFailures.maximumClients = $1 }, 1...10_000_000),
            ("NAFIDHA_DB_POOL_SIZE", { $0.pool.maxConnections = $1 }, 1...1000),
            ("NAFIDHA_DB_ACQUIRE_TIMEOUT_MS", { $0.pool.acquireTimeout = .milliseconds($1) }, 1...600_000),
            ("NAFIDHA_REPLICA_MAX_LAG_SECONDS", { $0.replica.maximumLag = .seconds($1) }, 1...86_400),
        ]

    /// The settings for `listen` and `metrics` (nil: from the environment or the default), with overrides from
    /// `environment`; a malformed value is an error naming it.
    static func resolve(
        listen: ListenAddress, metrics: MetricsListen? = nil, replicaURL: String? = nil, environment: [String: String]
    ) throws -> ServerSettings {
        var settings = ServerSettings()
        // Production traffic needs more than the module's conservative default; the 16 workers share the pool.
        settings.http.maxConnections = 16_384
        settings.pool.maxConnections = 16
        settings.http.host = listen.host == "localhost" ? "127.0.0.1" : listen.host
        settings.http.port = listen.port
        for variable in variables {
            guard let text = environment[variable.name], !text.isEmpty else { continue }
            guard let value = Int(text), variable.range.contains(value) else {
                throw CommandFailure(
                    "\(variable.name) must be a whole number from \(variable.range.lowerBound) to \(variable.range.upperBound), not '\(text)'"
                )
            }
            variable.apply(&settings, value)
        }
        try settings.applyText(environment, metrics: metrics)
        settings.replicaURL = replicaURL ?? environment["NAFIDHA_REPLICA_URL"].flatMap { $0.isEmpty ? nil : $0 }
        return settings
    }

    /// The variables whose values are not numbers: the log format, the trusted proxies, the metrics listener.
    private mutating func applyText(_ environment: [String: String], metrics: MetricsListen?) throws {
        if let text = environment["NAFIDHA_LOG_FORMAT"], !text.isEmpty {
            guard let format = LogFormat(rawValue: text) else {
                throw CommandFailure("NAFIDHA_LOG_FORMAT must be text or json, not '\(text)'")
            }
            http.logFormat = format
        }
        if let text = environment["NAFIDHA_TRUSTED_PROXIES"] {
            http.trustedProxies = try text.split(separator: ",").map { entry -> IPNetwork in
                let cidr = entry.trimmingCharacters(in: .whitespaces)
                guard let network = IPNetwork(cidr) else {
                    throw CommandFailure(
                        "NAFIDHA_TRUSTED_PROXIES must list addresses or networks such as 10.0.0.0/8, not '\(cidr)'")
                }
                return network
            }
        }
        if let metrics {
            self.metrics = metrics
        } else if let text = environment["NAFIDHA_METRICS_LISTEN"], !text.isEmpty {
            switch MetricsListen.parse(text) {
            case .success(let value): self.metrics = value
            case .failure(let problem):
                throw CommandFailure(
                    "NAFIDHA_METRICS_LISTEN must be off or HOST:PORT, not '\(text)': \(problem.reason)")
            }
        }
    }
}
