import Testing

@testable import NafidhaCLI

@Suite("serve's settings from the environment")
struct ServerSettingsTests {
    private let listen = ListenAddress(host: "127.0.0.1", port: 0)

    @Test("environment variables override the HTTP and pool defaults")
    func environmentOverridesDefaults() throws {
        let settings = try ServerSettings.resolve(
            listen: listen,
            environment: [
                "NAFIDHA_HTTP_WORKERS": "4", "NAFIDHA_DB_POOL_SIZE": "3", "NAFIDHA_HTTP_MAX_CONNECTIONS": "50",
            ]
        )
        #expect(settings.http.workerCount == 4)
        #expect(settings.pool.maxConnections == 3)
        #expect(settings.http.maxConnections == 50)
        #expect(settings.http.port == 0)
    }

    @Test("the API's JSON limits and failed-authentication throttle are settings too")
    func apiSettings() throws {
        let settings = try ServerSettings.resolve(
            listen: listen,
            environment: [
                "NAFIDHA_JSON_MAX_MEMBERS": "64", "NAFIDHA_JSON_MAX_DEPTH": "8", "NAFIDHA_AUTH_MAX_FAILURES": "5",
                "NAFIDHA_AUTH_WINDOW_SECONDS": "30",
            ]
        )
        #expect(settings.api.jsonLimits.maximumMembers == 64 && settings.api.jsonLimits.maximumDepth == 8)
        #expect(settings.api.jsonLimits.maximumElements == 1000)
        #expect(settings.api.authFailures.maximumFailures == 5 && settings.api.authFailures.windowSeconds == 30)
        #expect(throws: CommandFailure.self) {
            try ServerSettings.resolve(listen: listen, environment: ["NAFIDHA_AUTH_WINDOW_SECONDS": "0"])
        }
    }

    @Test("localhost listens on 127.0.0.1 and an empty variable keeps the default")
    func localhostAndEmptyValues() throws {
        let settings = try ServerSettings.resolve(
            listen: ListenAddress(host: "localhost", port: 8080), environment: ["NAFIDHA_HTTP_WORKERS": ""]
        )
        #expect(settings.http.host == "127.0.0.1")
        #expect(settings.http.workerCount == 16)
        #expect(settings.http.maxConnections == 16_384)
    }

    @Test(
        "a malformed or out-of-range value is refused, naming the variable", arguments: ["abc", "0", "-3", "99999999"])
    func malformedValuesAreRefused(value: String) {
        #expect {
            try ServerSettings.resolve(listen: listen, environment: ["NAFIDHA_HTTP_WORKERS": value])
        } throws: { error in
            "\(error)".contains("NAFIDHA_HTTP_WORKERS") && "\(error)".contains(value)
        }
    }

    @Test("the log format, the trusted proxies and the metrics listener come from the environment")
    func textSettings() throws {
        let defaults = try ServerSettings.resolve(listen: listen, environment: [:])
        #expect(defaults.http.logFormat == .text && defaults.http.trustedProxies.isEmpty)
        #expect(defaults.metrics == .at(ListenAddress(host: "127.0.0.1", port: 9464)))
        let settings = try ServerSettings.resolve(
            listen: listen,
            environment: [
                "NAFIDHA_LOG_FORMAT": "json", "NAFIDHA_TRUSTED_PROXIES": "127.0.0.1/32, 10.0.0.0/8",
                "NAFIDHA_METRICS_LISTEN": "off",
            ])
        #expect(settings.http.logFormat == .json)
        #expect(settings.http.trustedProxies.map(\.description) == ["127.0.0.1/32", "10.0.0.0/8"])
        #expect(settings.metrics == .off)
        // --metrics-listen wins over the environment.
        let flagged = try ServerSettings.resolve(
            listen: listen, metrics: .at(ListenAddress(host: "127.0.0.1", port: 0)),
            environment: ["NAFIDHA_METRICS_LISTEN": "off"])
        #expect(flagged.metrics == .at(ListenAddress(host: "127.0.0.1", port: 0)))
    }

    @Test(
        "a malformed log format, proxy list or metrics address is refused, naming the variable",
        arguments: [
            ("NAFIDHA_LOG_FORMAT", "xml"), ("NAFIDHA_TRUSTED_PROXIES", "10.0.0.0/40"),
            ("NAFIDHA_TRUSTED_PROXIES", "proxy.example"), ("NAFIDHA_METRICS_LISTEN", "9464"),
        ])
    func malformedTextSettingsAreRefused(variable: String, value: String) {
        #expect {
            try ServerSettings.resolve(listen: listen, environment: [variable: value])
        } throws: { error in
            "\(error)".contains(variable) && "\(error)".contains(value)
        }
    }
}
