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
}
