import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing
import Transparency

/// Builds audit trails in a fresh demo-catalog database and exports them to a private folder.
struct AuditExportFixture {
    let connection: PostgresConnection
    let folder: String

    init(_ database: TestDatabase) throws {
        connection = try database.connect()
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("audit-export-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    /// Appends `count` clerk approvals to `municipality`'s chain, with details that need escaping.
    func appendEvents(_ count: Int, to municipality: String, requestID: Int64? = nil) throws {
        for index in 1...count {
            try AuditLog.append(
                on: connection, municipality: municipality, actorKind: .clerk, actor: "amal.t", action: .approved,
                requestID: requestID,
                details: ["n": .number(Double(index)), "note": .string("a,\"b\"\nc \\ عربي، رقم \(index)")]
            )
        }
    }

    /// Inserts a request of `municipality` with personal data and returns its id.
    func insertRequest(municipality: String, name: String, nationalID: String) throws -> Int64 {
        try connection.query(
            """
            INSERT INTO requests (tracking_number, access_token_hash, service_code, municipality_code, applicant_name,
                                  applicant_national_id, fields, channel, workflow)
            VALUES ($1, sha256('t'::bytea), 'residence_certificate', $2, $3, $4, '{}', 'api', '{}') RETURNING id
            """,
            ["\(municipality)-7KQ4-M2XD", municipality, name, nationalID]
        )[0].decode("id")
    }

    /// Exports to `name` in the folder; returns the file's path and the manifest.
    func export(
        _ name: String, _ options: AuditExportOptions, viewer: AuditExportViewer? = nil
    ) throws -> (path: String, manifest: Audit.ExportManifest) {
        let path = folder + "/" + name
        var bytes = [UInt8]()
        let manifest = try AuditExporter.export(options, viewer: viewer, fileName: name, on: connection) {
            bytes += $0
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return (path, manifest)
    }

    func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// The whole range a date parameter may name (`DateParameter`: 2000-01-01 … 2100-01-01).
let allTime = (from: DateParameter.earliest, to: DateParameter.latest)

@Suite("Audit export")
struct AuditExportTests {
    @Test("a JSON lines export of two chains verifies and its manifest matches the database")
    func jsonLinesRoundTrip() throws {
        try TestDatabase.withDemoCatalog { database in
            let fixture = try AuditExportFixture(database)
            defer { fixture.remove() }
            try fixture.appendEvents(4, to: "TRP")
            try fixture.appendEvents(3, to: "BEN")
            let (path, manifest) = try fixture.export(
                "all.jsonl", AuditExportOptions(from: allTime.from, to: allTime.to))
            #expect(manifest.eventCount == 7)
            #expect(manifest.chains.map(\.municipalityCode) == ["BEN", "TRP"])
            let ids = try fixture.connection.query("SELECT min(id) AS a, max(id) AS b FROM audit_events")[0]
            let firstID = try ids.decode("a", as: Int64.self)
            let lastID = try ids.decode("b", as: Int64.self)
            #expect(manifest.firstEventID == firstID && manifest.lastEventID == lastID)
            let head = try fixture.connection.query(
                "SELECT last_seq, encode(last_hash, 'hex') AS h FROM audit_chain_heads WHERE municipality_code = 'TRP'"
            )[0]
            let trp = try #require(manifest.chains.last)
            let headSeq = try head.decode("last_seq", as: Int64.self)
            let headHash = try head.decode("h", as: String.self)
            #expect(trp.lastSeq == 4 && trp.headSeq == headSeq)
            #expect(trp.lastHash == headHash && trp.headHash == headHash)
            let fileBytes = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(manifest.sha256 == Hex.encode(SHA256.hash(Array(fileBytes))))
            #expect(try fixture.text(path).split(separator: "\n").count == 7)

            let result = try AuditFileVerifier().verify(fileAt: path, manifest: manifest)
            #expect(result.problem == nil)
            #expect(result.eventCount == 7 && result.checkedManifest)
        }
    }

    @Test("a CSV export quotes commas, quotes, line breaks and Arabic, and verifies")
    func csvRoundTrip() throws {
        try TestDatabase.withDemoCatalog { database in
            let fixture = try AuditExportFixture(database)
            defer { fixture.remove() }
            try fixture.appendEvents(3, to: "TRP")
            let (path, manifest) = try fixture.export(
                "all.csv", AuditExportOptions(from: allTime.from, to: allTime.to, format: .csv)
            )
            let text = try fixture.text(path)
            #expect(text.hasPrefix("id,municipality_code,seq,occurred_at,"))
            #expect(text.contains(#""{""n"":1,""note"":""a,\""b\""\nc \\ عربي، رقم 1""}""#))
            let result = try AuditFileVerifier().verify(fileAt: path, manifest: manifest)
            #expect(result.problem == nil && result.eventCount == 3)
        }
    }

    @Test("a range and a municipality select part of a chain, which verifies from where it starts")
    func rangeAndMunicipality() throws {
        try TestDatabase.withDemoCatalog { database in
            let fixture = try AuditExportFixture(database)
            defer { fixture.remove() }
            try fixture.appendEvents(3, to: "TRP")
            try fixture.appendEvents(2, to: "BEN")
            Thread.sleep(forTimeInterval: 0.01)
            let middle = Date()
            Thread.sleep(forTimeInterval: 0.01)
            try fixture.appendEvents(2, to: "TRP")
            let (path, manifest) = try fixture.export(
                "late.jsonl", AuditExportOptions(from: middle, to: allTime.to, municipality: "TRP")
            )
            #expect(manifest.eventCount == 2)
            let chain = try #require(manifest.chains.first)
            #expect(manifest.chains.count == 1 && chain.municipalityCode == "TRP")
            #expect(
                chain.firstSeq == 4 && chain.lastSeq == 5 && chain.firstPrevHash != String(repeating: "0", count: 64))
            let result = try AuditFileVerifier().verify(fileAt: path, manifest: manifest)
            #expect(result.problem == nil)
            #expect(result.chains.first?.firstSeq == 4)
        }
    }

    @Test("an export holds chained events only, its manifest counts those still waiting; by default it chains first")
    func unchainedEventsStayOut() throws {
        try TestDatabase.withDemoCatalog { database in
            let fixture = try AuditExportFixture(database)
            defer { fixture.remove() }
            try fixture.appendEvents(2, to: "TRP")
            try sequenceAudit(on: fixture.connection)
            try fixture.appendEvents(1, to: "TRP")
            let (path, waiting) = try fixture.export(
                "chained.jsonl",
                AuditExportOptions(from: allTime.from, to: allTime.to, chainsWaitingEventsFirst: false))
            #expect(waiting.eventCount == 2 && waiting.unchainedEventCount == 1)
            #expect(try fixture.text(path).split(separator: "\n").count == 2)
            #expect(try AuditFileVerifier().verify(fileAt: path, manifest: waiting).problem == nil)

            let (_, complete) = try fixture.export("all.jsonl", AuditExportOptions(from: allTime.from, to: allTime.to))
            #expect(complete.eventCount == 3 && complete.unchainedEventCount == 0)
            #expect(complete.chains.first?.headSeq == 3)
        }
    }

    @Test("an empty range refuses to export")
    func emptyRange() throws {
        try TestDatabase.withDemoCatalog { database in
            let fixture = try AuditExportFixture(database)
            defer { fixture.remove() }
            let error = #expect(throws: NafidhaError.self) {
                _ = try fixture.export("none.jsonl", AuditExportOptions(from: allTime.to, to: allTime.from))
            }
            #expect(error?.code == .invalidRange)
        }
    }

    @Test("names become initials and national ids their last four digits unless unmasked, which is on record")
    func masking() throws {
        try TestDatabase.withDemoCatalog { database in
            let fixture = try AuditExportFixture(database)
            defer { fixture.remove() }
            let request = try fixture.insertRequest(
                municipality: "TRP", name: "Amal  Ben Ali", nationalID: "119900012345")
            try fixture.appendEvents(1, to: "TRP", requestID: request)

            let (maskedPath, masked) = try fixture.export(
                "masked.jsonl", AuditExportOptions(from: allTime.from, to: allTime.to))
            let maskedText = try fixture.text(maskedPath)
            #expect(masked.masked)
            #expect(maskedText.contains(#""applicant_name":"A. B. A.","applicant_national_id":"2345""#))
            #expect(!maskedText.contains("Amal") && !maskedText.contains("119900012345"))
            #expect(maskedText.contains(#""tracking_number":"TRP-7KQ4-M2XD""#))

            let refused = #expect(throws: NafidhaError.self) {
                _ = try fixture.export("no.jsonl", AuditExportOptions(unmasked: true))
            }
            #expect(refused?.code == .unmaskedNotAllowed, "an unmasked export names who sees the data")
            let auditor = StaffMember(id: 1, name: "auditor.one", role: .auditor, municipalities: [], sectors: [])
            let options = AuditExportOptions(unmasked: true)
            let (fullPath, full) = try fixture.export("full.jsonl", options, viewer: .staff(auditor))
            #expect(!full.masked)
            #expect(
                try fixture.text(fullPath).contains(
                    #""applicant_name":"Amal  Ben Ali","applicant_national_id":"119900012345""#))
            let viewed = try fixture.connection.query(
                "SELECT actor_kind, actor, details FROM audit_events WHERE action = 'personal_data_viewed'"
            )
            #expect(viewed.count == 1)
            #expect(try viewed[0].decode("actor", as: String.self) == "auditor.one")
            #expect(try viewed[0].decode("actor_kind", as: String.self) == "auditor")
            #expect(
                try viewed[0].decode("details", as: String.self)
                    == #"{"channel":"api","purpose":"audit_export_unmasked"}"#)
            #expect(full.eventCount == 2, "the record of the viewing is itself in the export")
            #expect(full.from == nil && full.to == nil, "no range: the whole trail")
            #expect(try AuditFileVerifier().verify(fileAt: fullPath, manifest: full).problem == nil)
        }
    }

    @Test("an operator's unmasked export is recorded as the system acting through the database role")
    func operatorUnmasked() throws {
        try TestDatabase.withDemoCatalog { database in
            let fixture = try AuditExportFixture(database)
            defer { fixture.remove() }
            try fixture.appendEvents(1, to: "BEN")
            let from = Date(timeIntervalSince1970: 1_700_000_000)
            let (_, manifest) = try fixture.export(
                "op.csv", AuditExportOptions(from: from, format: .csv, unmasked: true),
                viewer: .operator(osUser: "root", host: "db1"))
            #expect(!manifest.masked && manifest.from == "2023-11-14T22:13:20.000000Z" && manifest.to == nil)
            let role: String = try fixture.connection.query("SELECT session_user::text AS r")[0].decode("r")
            let viewed = try fixture.connection.query(
                "SELECT actor_kind, actor, details FROM audit_events WHERE action = 'personal_data_viewed'")
            #expect(viewed.count == 1)
            #expect(try viewed[0].decode("actor_kind", as: String.self) == "system")
            #expect(try viewed[0].decode("actor", as: String.self) == "operator:\(role)")
            #expect(
                try viewed[0].decode("details", as: String.self)
                    == #"{"channel":"database","from":"2023-11-14T22:13:20.000000Z","host":"db1","os_user":"root","#
                    + #""purpose":"audit_export_unmasked"}"#)
        }
    }
}
