import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A self-signed certificate for one DNS name (and no IP address), made once per test run with the openssl
/// command: the servers present it, and a client trusts it only when given it as its CA file.
///
/// The files live in one folder per test process, named after its PID: a process cannot remove its folder at
/// exit, so each run removes the folders of processes that are gone.
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

    private static let folderPrefix = "nafidha-mail-certificates-"

    private static let folder = Result { () throws -> URL in
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? []
        where name.hasPrefix(folderPrefix) {
            // kill(pid, 0) asks only whether the process exists.
            if let pid = Int32(name.dropFirst(folderPrefix.count)), kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
        let folder = temporary.appendingPathComponent(folderPrefix + String(getpid()))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private static func make(name: String) throws -> TestCertificate {
        let folder = try folder.get()
        let certificate = folder.appendingPathComponent("\(name).crt").path
        let key = folder.appendingPathComponent("\(name).key").path
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
