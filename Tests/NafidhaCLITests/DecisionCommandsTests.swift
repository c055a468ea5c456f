import Foundation
import HTTP
import NafidhaAPI
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing
import Transparency

#if canImport(Glibc)
    import Glibc
#endif

/// `nafidha admin keygen` and `nafidha verify-decision`, and the Python verifier of docs/verification.md, on the
/// same documents and forgeries as the server.
@Suite("Decision commands and the Python verifier")
struct DecisionCommandsTests {
    static let publicKey = Data(DecisionFixture.privateKey.publicKey.rawRepresentation).base64EncodedString()

    /// Writes `value` as JSON to `folder/name` and returns the path.
    static func write(_ value: some Encodable, _ name: String, in folder: TemporaryFolder) throws -> String {
        let path = folder.path + "/" + name
        try Data(try ContractJSON.encode(value)).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("keygen writes a private key readable by its owner only, prints its public key, never replaces a file")
    func keygen() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let run = runNafidha(["admin", "keygen", "--output", "signing.pem"], currentDirectory: folder.path)
        #expect(run.code == 0, "\(run.error)")
        let path = folder.path + "/signing.pem"
        var info = stat()
        #expect(stat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let key = try Ed25519PrivateKey(pem: try String(contentsOfFile: path, encoding: .utf8))
        #expect(run.output == "Public key: \(Data(key.publicKey.rawRepresentation).base64EncodedString())\n")
        #expect(run.error.contains(path))
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let again = runNafidha(["admin", "keygen", "--output", path])
        #expect(again.code == 1 && again.errorLines.count == 1 && again.error.hasPrefix("Error: "))
        #expect(again.error.contains("exists"))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
        #expect(runNafidha(["admin", "keygen"]).code == 64)
    }

    @Test("verify-decision accepts a saved document with the key as base64, verifier key or file")
    func verifiesDocuments() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try DecisionFixture.withWorld { world in
            let published = try DecisionTampering.published(in: world)
            let document = try Self.write(published.document, "decision.json", in: folder)
            let verifierKey = try DecisionFixture.signer.verifierKey(of: "TRP").encoded
            try (verifierKey + "\n").write(toFile: folder.path + "/trp.key", atomically: true, encoding: .utf8)
            for key in [Self.publicKey, verifierKey, "trp.key"] {
                let run = runNafidha(
                    ["verify-decision", document, "--public-key", key], currentDirectory: folder.path)
                #expect(run.code == 0, "\(key): \(run.error)")
                #expect(run.output.hasPrefix("OK: the decision on \(published.decided.tracking) is entry "))
                #expect(run.output.contains("1.1 urban_planning (Urban planning): approved"))
                #expect(run.output.contains("Not covered by the proof: the applicant"))
            }
            let ben = try DecisionFixture.signer.verifierKey(of: "BEN").encoded
            let wrong = runNafidha(["verify-decision", document, "--public-key", ben])
            #expect(wrong.code == 1 && wrong.error.hasPrefix("Error: the decision does not verify: origin_mismatch"))
            for bad in [
                ["verify-decision", document, "--public-key", "abc"],
                [
                    "verify-decision", "nope", "--public-key",
                    Self.publicKey,
                ],
            ] {
                let run = runNafidha(bad, currentDirectory: folder.path)
                #expect(run.code == 1 && run.errorLines.count == 1, "\(run.error)")
            }
        }
    }

    @Test("verify-decision refuses every forgery, naming its problem")
    func refusesForgeries() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try DecisionFixture.withWorld { world in
            let published = try DecisionTampering.published(in: world)
            for (index, forgery) in try DecisionTampering.cases(of: published.document, in: world).enumerated() {
                var arguments = [
                    "verify-decision", try Self.write(forgery.document, "forged-\(index).json", in: folder),
                    "--public-key", Self.publicKey,
                ]
                if let consistency = forgery.consistency {
                    arguments += [
                        "--consistency", try Self.write(consistency, "consistency-\(index).json", in: folder),
                    ]
                }
                let run = runNafidha(arguments)
                #expect(run.code == 1, "\(forgery.name)")
                #expect(run.error.hasPrefix("Error: the decision does not verify: \(forgery.problem) "), "\(run.error)")
            }
        }
    }

    @Test("verify-decision with a code asks the server's public verification and checks its answer offline")
    func verifiesCodes() throws {
        try DecisionFixture.withWorld { world in
            let published = try DecisionTampering.published(in: world)
            var configuration = HTTPServer.Configuration()
            configuration.port = 0
            configuration.accessLog = .disabled
            let server = HTTPServer(configuration: configuration, responder: APIRouter.make(services: world.services))
            let port = try server.start()
            defer { server.shutdown() }
            let url = "http://127.0.0.1:\(port)"
            let code = published.document.verificationCode
            let ok = runNafidha(["verify-decision", code, "--public-key", Self.publicKey, "--url", url])
            #expect(ok.code == 0, "\(ok.error)")
            #expect(ok.output.hasPrefix("OK: the decision on \(published.decided.tracking)"))
            #expect(!ok.output.contains("applicant"), "a public verification carries no applicant")
            let other = Data(DecisionFixture.otherKey.publicKey.rawRepresentation).base64EncodedString()
            let wrongKey = runNafidha(
                ["verify-decision", code, "--public-key", other], environment: ["NAFIDHA_URL": url])
            #expect(wrongKey.code == 1 && wrongKey.error.contains("checkpoint_signature_invalid"))
            let forged = try DecisionTampering.resigned(published.document, with: DecisionFixture.otherKey)
            let refused = runNafidha(
                ["verify-decision", forged.verificationCode, "--public-key", Self.publicKey, "--url", url])
            #expect(refused.code == 1 && refused.error.contains("(decision_not_found)"), "\(refused.error)")
            let noServer = runNafidha(["verify-decision", code, "--public-key", Self.publicKey])
            #expect(noServer.code == 1 && noServer.error.contains("--url"))
        }
    }

    /// Runs Debian's Python 3 (which has `python3-cryptography`) on `arguments`: exit code and standard output.
    static func python(_ arguments: [String]) throws -> (code: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static let pythonPresent = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    @Test(
        "the Python verifier of docs/verification.md accepts the document and refuses every forgery",
        .enabled(if: pythonPresent, "/usr/bin/python3 (with python3-cryptography) is not installed"))
    func pythonVerifier() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let script = try DocumentedScript.extract("verify_decision.py", from: "docs/verification.md", into: folder.path)
        try DecisionFixture.withWorld { world in
            let published = try DecisionTampering.published(in: world)
            let document = try Self.write(published.document, "decision.json", in: folder)
            let verifierKey = try DecisionFixture.signer.verifierKey(of: "TRP").encoded
            for key in [Self.publicKey, verifierKey] {
                let ok = try Self.python([script, document, "--public-key", key])
                #expect(ok.code == 0, "\(ok.output)")
                #expect(ok.output.hasPrefix("OK: approved \(published.decided.tracking) (building_permit), entry "))
            }
            let answer = try world.services.decisions.verify(code: published.document.verificationCode)
            let fromServer = try Self.python([
                script, try Self.write(answer, "answer.json", in: folder),
                "--public-key", Self.publicKey,
            ])
            #expect(fromServer.code == 0, "\(fromServer.output)")
            let latest = try world.services.signedLog.checkpoint(municipality: "TRP")
            let consistency = try world.services.signedLog.consistencyProof(
                municipality: "TRP", first: UInt64(published.document.treeSize), second: UInt64(latest.treeSize))
            let consistent = try Self.python([
                script, document, "--public-key", Self.publicKey, "--consistency",
                try Self.write(consistency, "consistency.json", in: folder),
            ])
            #expect(consistent.code == 0 && consistent.output.contains("consistent with its checkpoint"))
            for (index, forgery) in try DecisionTampering.cases(of: published.document, in: world).enumerated() {
                var arguments = [
                    script, try Self.write(forgery.document, "forged-\(index).json", in: folder), "--public-key",
                    Self.publicKey,
                ]
                if let consistency = forgery.consistency {
                    arguments += [
                        "--consistency", try Self.write(consistency, "consistency-\(index).json", in: folder),
                    ]
                }
                let run = try Self.python(arguments)
                #expect(run == (1, "NOT VALID: \(forgery.problem)\n"), "\(forgery.name): \(run.output)")
            }
            let wrongKey = try Self.python([
                script, document, "--public-key",
                Data(DecisionFixture.otherKey.publicKey.rawRepresentation).base64EncodedString(),
            ])
            #expect(wrongKey == (1, "NOT VALID: checkpoint_signature_invalid\n"))
        }
    }
}
