import Foundation

/// A self-signed certificate for one DNS name (and no IP address), made once per test run with the openssl
/// command: the servers present it, and a client trusts it only when given it as its CA file.
struct TestCertificate {
    let certificateFile: String
    let keyFile: String

    private static let forLocalhost = Result { try make(name: "localhost") }
    private static let forAnotherName = Result { try make(name: "mail.tripoli.test") }

    /// The certificate for `localhost`, the name the test servers are reached by.
    static func localhost() throws -> TestCertificate {
        try forLocalhost.get()
    }

    /// A certificate for `mail.tripoli.test`, a name the test servers are never reached by.
    static func anotherName() throws -> TestCertificate {
        try forAnotherName.get()
    }

    private static func make(name: String) throws -> TestCertificate {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nafidha-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
            "-subj", "/CN=\(name)", "-addext", "subjectAltName=DNS:\(name)",
            "-keyout", key, "-out", certificate,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSMTPServer.ServerFailure(message: "openssl req failed with status \(process.terminationStatus)")
        }
        return TestCertificate(certificateFile: certificate, keyFile: key)
    }

}
