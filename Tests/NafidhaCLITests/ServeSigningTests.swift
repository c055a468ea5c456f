import Foundation
import NafidhaCore
import Postgres
import TestSupport
import Testing
import Transparency

#if canImport(Glibc)
    import Glibc
#endif

/// A real `nafidha serve` with a signing key: its checkpointer signs what its sequencer chains.
@Suite("serve signs the audit logs", .serialized)
struct ServeSigningTests {
    /// Runs the binary's `serve` on `database` with `environment` added; returns the process and its output pipe.
    static func serve(_ database: TestDatabase, environment: [String: String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(
            fileURLWithPath: try #require(ProcessInfo.processInfo.environment["NAFIDHA_BINARY"], "set by scripts/test"))
        process.arguments = ["serve", "--database-url", database.url, "--listen", "127.0.0.1:0"]
        process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "DATABASE_URL" }
            .merging(environment) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, pipe)
    }

    @Test("with NAFIDHA_SIGNING_KEY_FILE, events chained by the server are in a checkpoint its key signed")
    func signs() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let key = try Ed25519PrivateKey.generate()
        try SecretFile.write(Array(try key.pemEncoded().utf8), to: folder.path + "/signing.pem")
        try TestDatabase.withDemoCatalog { database in
            let connection = try database.connect()
            try connection.execute(
                """
                INSERT INTO audit_events (municipality_code, actor_kind, actor, action, details)
                SELECT 'TRP', 'system', 'nafidha', 'escalated', '{}' FROM generate_series(1, 5)
                """)
            let (process, pipe) = try Self.serve(
                database,
                environment: [
                    "NAFIDHA_SIGNING_KEY_FILE": folder.path + "/signing.pem", "NAFIDHA_PUBLIC_HOST": "nafidha.test",
                    "NAFIDHA_CHECKPOINT_INTERVAL_SECONDS": "1",
                ])
            defer {
                if process.isRunning {
                    process.terminate()
                    process.waitUntilExit()
                }
            }
            var note: String?
            let deadline = Date().addingTimeInterval(60)
            while note == nil && Date() < deadline && process.isRunning {
                note = try connection.query(
                    "SELECT note FROM audit_log_checkpoints WHERE municipality_code = 'TRP' AND tree_size = 5"
                ).first?.decode("note")
                if note == nil { usleep(200_000) }
            }
            process.terminate()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let signed = try #require(note, "no checkpoint of 5 leaves: \(output)")
            let verifierKey = try NoteVerifierKey(name: "nafidha.test/audit/TRP", publicKey: key.publicKey)
            let checkpoint = try Checkpoint(
                noteText: try SignedNote(parsing: signed).verifiedText(trusting: [verifierKey]))
            #expect(checkpoint.size == 5)
            #expect(
                output.contains(
                    "Signing the audit logs as nafidha.test/audit/CODE with the public key "
                        + Data(key.publicKey.rawRepresentation).base64EncodedString()))
            #expect(process.terminationStatus == 0, "\(output)")
        }
    }

    @Test("an unreadable key file stops serve with one Error line naming the variable")
    func refusesABadKey() throws {
        try TestDatabase.withDemoCatalog { database in
            let (process, pipe) = try Self.serve(
                database, environment: ["NAFIDHA_SIGNING_KEY_FILE": "/nonexistent/signing.pem"])
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1)
            let errors = output.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
            #expect(errors == ["Error: NAFIDHA_SIGNING_KEY_FILE: cannot read /nonexistent/signing.pem"], "\(output)")
        }
    }
}
