import Foundation
import NafidhaContract
import NafidhaCore
import TestSupport
import Testing

@Suite("Audit export verification")
struct AuditVerifyTests {
    /// Exports 2 chains (BEN 3 events, TRP 4), applies `tamper` to the lines, and verifies the result.
    private func verifyTampered(
        format: Audit.ExportFormat = .jsonl, withManifest: Bool = true, _ tamper: (inout [String]) -> Void
    ) throws -> AuditFileVerification.Problem? {
        try TestDatabase.withDemoCatalog { database in
            let fixture = try AuditExportFixture(database)
            defer { fixture.remove() }
            try fixture.appendEvents(3, to: "BEN")
            try fixture.appendEvents(4, to: "TRP")
            let (path, manifest) = try fixture.export(
                "e." + format.rawValue, AuditExportOptions(from: allTime.from, to: allTime.to, format: format)
            )
            var lines = try fixture.text(path).components(separatedBy: "\n")
            tamper(&lines)
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return try AuditFileVerifier().verify(fileAt: path, manifest: withManifest ? manifest : nil).problem
        }
    }

    @Test("an untouched file verifies, with or without its manifest")
    func untouched() throws {
        #expect(try verifyTampered { _ in } == nil)
        #expect(try verifyTampered(withManifest: false) { _ in } == nil)
    }

    @Test("an edited field is a hash mismatch at that line")
    func editedLine() throws {
        let problem = try verifyTampered { $0[5] = $0[5].replacingOccurrences(of: "amal.t", with: "amal.x") }
        #expect(problem == .init(code: "hash_mismatch", line: 6, municipality: "TRP", seq: 3))
    }

    @Test("an edited CSV record is a hash mismatch")
    func editedCSV() throws {
        let problem = try verifyTampered(format: .csv) { lines in
            if let index = lines.firstIndex(where: { $0.contains(",BEN,2,") }) {
                lines[index] = lines[index].replacingOccurrences(of: "approved", with: "rejected")
            }
        }
        #expect(problem?.code == "hash_mismatch" && problem?.seq == 2)
    }

    @Test("a deleted line in the middle of a chain is a sequence gap")
    func deletedLine() throws {
        let problem = try verifyTampered { $0.remove(at: 4) }
        #expect(problem == .init(code: "sequence_gap", line: 5, municipality: "TRP", seq: 3))
    }

    @Test("two swapped lines are a sequence gap")
    func reorderedLines() throws {
        let problem = try verifyTampered { $0.swapAt(1, 2) }
        #expect(problem?.code == "sequence_gap" && problem?.municipality == "BEN")
    }

    @Test("a chain moved after another is out of order")
    func reorderedChains() throws {
        let problem = try verifyTampered { lines in
            let ben = Array(lines[0..<3])
            lines.removeSubrange(0..<3)
            lines.insert(contentsOf: ben, at: 4)
        }
        #expect(problem?.code == "chain_out_of_order")
    }

    @Test("a cut last line is a chain mismatch against the manifest")
    func cutTail() throws {
        let problem = try verifyTampered { $0.remove(at: 6) }
        #expect(problem == .init(code: "chain_mismatch", line: 0, municipality: "TRP", seq: 3))
    }

    @Test("a change outside the hashed fields is caught by the file's SHA-256")
    func changedContext() throws {
        let problem = try verifyTampered {
            $0[0] = $0[0].replacingOccurrences(of: #""tracking_number":null"#, with: #""tracking_number":"x""#)
        }
        #expect(problem?.code == "file_sha256_mismatch")
    }

    @Test("a line that is not JSON is malformed")
    func malformedLine() throws {
        let problem = try verifyTampered { $0[2] = "{not json" }
        #expect(problem == .init(code: "malformed_record", line: 3, municipality: nil, seq: nil))
    }

    /// Runs the documented Python verifier on `file`; returns its exit code and first output line.
    private func runPython(_ script: String, _ file: String) throws -> (code: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, file]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("the standalone Python verifier in docs/audit.md accepts exports and rejects tampered ones")
    func pythonVerifierAgrees() throws {
        try TestDatabase.withDemoCatalog { database in
            let fixture = try AuditExportFixture(database)
            defer { fixture.remove() }
            let request = try fixture.insertRequest(
                municipality: "TRP", name: "Amal Ben Ali", nationalID: "119900012345")
            try fixture.appendEvents(3, to: "TRP", requestID: request)
            try fixture.appendEvents(2, to: "BEN")
            let script = try DocumentedScript.extract("verify_export.py", from: "docs/audit.md", into: fixture.folder)
            for format in Audit.ExportFormat.allCases {
                let name = "e." + format.rawValue
                let (path, manifest) = try fixture.export(
                    name, AuditExportOptions(from: allTime.from, to: allTime.to, format: format))
                let encoder = JSONEncoder()
                try encoder.encode(manifest).write(to: URL(fileURLWithPath: path + ".manifest.json"))
                let intact = try runPython(script, path)
                #expect(intact.code == 0, "\(format): \(intact.output)")
                #expect(intact.output.hasPrefix("OK: 5 events in 2 chains"))

                let text = try fixture.text(path)
                try text.replacingOccurrences(of: "amal.t", with: "amal.x").write(
                    toFile: path, atomically: true, encoding: .utf8)
                let edited = try runPython(script, path)
                #expect(edited.code == 1 && edited.output.contains("hash_mismatch"), "\(format): \(edited.output)")

                var lines = text.components(separatedBy: "\n")
                lines.remove(at: lines.count - 2)
                try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
                let cut = try runPython(script, path)
                #expect(cut.code == 1 && cut.output.contains("BROKEN"), "\(format): \(cut.output)")
            }
        }
    }
}
