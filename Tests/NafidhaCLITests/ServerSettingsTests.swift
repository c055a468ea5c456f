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
