import Foundation
import Testing

@testable import NafidhaCore

/// docs/catalog.schema.json, checked by a real JSON Schema validator (Python's `jsonschema`, draft 2020-12, through
/// scripts/lib/check-json-schema.py, with the Python scripts/test names in `NAFIDHA_SCHEMA_PYTHON`): the files
/// Nafidha writes follow it, and what it refuses Nafidha's own validation refuses at the same path.
@Suite("The catalog file's JSON Schema")
struct CatalogSchemaTests {
    /// The findings of the schema validator on `texts`, one `NAME: PATH: message` line each; none when all follow it.
    static func findings(_ texts: [String]) throws -> [String] {
        guard let python = ProcessInfo.processInfo.environment["NAFIDHA_SCHEMA_PYTHON"], !python.isEmpty else {
            throw SchemaCheckError(
                "NAFIDHA_SCHEMA_PYTHON is not set. Run the tests with scripts/test, which finds a Python with jsonschema."
            )
        }
        let root = SchemaEquivalenceTests.repositoryRoot
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("catalog-schema-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var names: [String] = []
        for (index, text) in texts.enumerated() {
            let file = folder.appendingPathComponent("file\(index).json")
            try Data(text.utf8).write(to: file)
            names.append(file.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments =
            [
                root.appendingPathComponent("scripts/lib/check-json-schema.py").path,
                root.appendingPathComponent("docs/catalog.schema.json").path,
            ] + names
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map {
            $0.replacingOccurrences(of: folder.path + "/", with: "")
        }
        let status = process.terminationStatus
        guard status == 0 || (status == 1 && !lines.isEmpty) else {
            throw SchemaCheckError("the validator exited \(status): \(lines)")
        }
        return lines
    }

    @Test("the demo file and an edited export follow the schema")
    func writtenFilesFollowIt() throws {
        var document = try CatalogFile.read(Array(EmbeddedSeeds.demoCatalog.utf8))
        document.services.append(CatalogApplyTests.tanker)
        document.serviceOverlays.append(
            .init(
                service: "water_tanker", municipality: "TRP",
                validFrom: Int64(CatalogApplyTests.newYear2030.timeIntervalSince1970) * 1_000_000, validTo: nil,
                enabled: nil, slaDays: 2, fee: nil, note: "Capital: tankers within two days"))
        let edited = String(decoding: CatalogFile.bytes(of: document), as: UTF8.self)
        #expect(try Self.findings([EmbeddedSeeds.demoCatalog, edited]) == [])
    }

    /// Edits of the demo file that break its shape, each with the path both validators must name.
    static let shapeErrors: [(from: String, to: String, path: String)] = [
        (#""datatype": "number""#, #""datatype": "numeric""#, "$.services[0].fields[4].datatype"),
        (#""amount_minor": 500,"#, #""amount_minor": 500.5,"#, "$.services[0].fees[0].amount_minor"),
        (#""sla_days": 1,"#, #""sla_days": 1, "sla_hours": 8,"#, "$.services[0]"),
        (#""capital": false"#, #""capital": "no""#, "$.municipalities[0].capital"),
    ]

    @Test(
        "what the schema refuses, the catalog's validation refuses at the same path", arguments: 0..<shapeErrors.count)
    func sameRefusals(index: Int) throws {
        let edit = Self.shapeErrors[index]
        let text = CatalogFileSamples.edited([(edit.from, edit.to)])
        let findings = try Self.findings([text])
        #expect(findings.contains { $0.hasPrefix("file0.json: \(edit.path):") }, "\(findings)")
        let problems = CatalogFileSamples.problems(text)
        #expect(
            problems.contains { $0.path.description == edit.path || $0.path.description.hasPrefix(edit.path + ".") },
            "\(problems)")
    }
}

struct SchemaCheckError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
