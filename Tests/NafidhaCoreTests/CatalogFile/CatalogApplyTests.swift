import Foundation
import NafidhaContract
import Postgres
import TestSupport
import Testing
import Transparency

@testable import NafidhaCore

/// Applying catalog files to a real database: the change shown, written in one transaction, versioned and audited.
@Suite("Catalog file apply")
struct CatalogApplyTests {
    static let tester = CatalogActor.operatorOnServer("tester")

    /// The demo catalog as a document, to edit.
    static func demo() throws -> CatalogDocument {
        try CatalogFile.read(Array(EmbeddedSeeds.demoCatalog.utf8))
    }

    /// A new national service, `water_tanker`: one stage, the water sector.
    static let tanker = CatalogDocument.Service(
        code: "water_tanker", sector: "water_sanitation",
        names: LocalizedText(ar: "صهريج مياه", fr: "Citerne d'eau", en: "Water tanker"),
        descriptions: LocalizedText(
            ar: "توصيل المياه بالصهريج.", fr: "Livraison d'eau par citerne.", en: "Water by tanker."),
        slaDays: 4, publicReport: false, keywords: ["water"],
        fees: [.init(country: "LY", amount: .init(amountMinor: 12_500, currency: "LYD"))],
        fields: [
            .init(
                code: "location", datatype: .location, required: true,
                labels: LocalizedText(ar: "الموقع", fr: "Lieu", en: "Location"), maxLength: nil, minimum: nil,
                maximum: nil, choices: [])
        ], documents: [],
        workflow: [.init(number: 1, steps: [.init(number: 1, sector: "water_sanitation", office: nil, slaDays: 4)])])

    /// Midnight, 1 January 2030, in Tripoli.
    static let newYear2030 = Date(timeIntervalSince1970: 1_893_448_800)

    static func withFiles<T>(_ body: (CatalogFiles, PostgresPool, TestDatabase) throws -> T) throws -> T {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            return try body(CatalogFiles(pool: pool), pool, database)
        }
    }

    @Test("the demo database exports the demo file byte for byte, and applying it back changes nothing")
    func exportThenApplyIsANoOp() throws {
        try Self.withFiles { files, pool, _ in
            let exported = try files.export()
            #expect(exported == Array(EmbeddedSeeds.demoCatalog.utf8))
            let before = try files.version()
            let result = try files.apply(exported, dryRun: false, by: Self.tester)
            #expect(!result.applied && result.changes.isEmpty && result.summary.isEmpty && result.version == nil)
            #expect(try files.version() == before)
            #expect(before.number == 1 && before.appliedVia == .seed && !before.editedSince)
        }
    }

    @Test("the issue's check: a new service and a future capital overlay, dry run, apply, served, exported back")
    func issueCheck() throws {
        try Self.withFiles { files, pool, _ in
            var document = try Self.demo()
            document.services.append(Self.tanker)
            document.serviceOverlays.append(
                .init(
                    service: "water_tanker", municipality: "TRP",
                    validFrom: Int64(Self.newYear2030.timeIntervalSince1970) * 1_000_000, validTo: nil, enabled: nil,
                    slaDays: 2, fee: nil, note: "Capital: tankers within two days"))
            let file = CatalogFile.bytes(of: document)
            let revision = try files.version().revision

            let dry = try files.apply(file, dryRun: true, by: Self.tester)
            #expect(
                dry.changes.map { "\($0.action.rawValue) \($0.kind.rawValue) \($0.key)" } == [
                    "added service water_tanker", "added service_overlay water_tanker TRP 2030-01-01",
                ])
            #expect(dry.dryRun && !dry.applied && dry.summary == .init(added: 2, changed: 0, removed: 0, disabled: 0))
            #expect(try files.version().revision == revision, "a dry run writes nothing")

            let applied = try files.apply(file, dryRun: false, by: Self.tester)
            #expect(applied.applied && applied.baseVersion == 1 && applied.version?.number == 2)
            #expect(applied.version?.sha256 == Hex.encode(SHA256.hash(file)))

            let offered = try CatalogReader(pool: pool).services(offeredIn: "TRP", at: Date(), in: .english).services
            let tanker = offered.first { $0.code == "water_tanker" }
            #expect(tanker?.slaDays == 4 && tanker?.fee == Decimal(string: "12.5"))
            try pool.withConnection { connection in
                let before = try resolveService(
                    "water_tanker", in: "TRP", at: Self.newYear2030.addingTimeInterval(-1), on: connection)
                let from = try resolveService("water_tanker", in: "TRP", at: Self.newYear2030, on: connection)
                #expect(before?.slaDays == 4 && before?.overlay == nil)
                #expect(from?.slaDays == 2 && from?.overlay != nil)
            }
            #expect(try files.export() == file)
        }
    }

    @Test("an apply is a version with its file's hash and author, and an audit event in every municipality")
    func versionAndAudit() throws {
        try Self.withFiles { files, pool, _ in
            var document = try Self.demo()
            document.sectors[0].names.fr = "Licences"
            let file = CatalogFile.bytes(of: document)
            let result = try files.apply(file, dryRun: false, by: Self.tester)
            #expect(result.changes.map(\.key) == ["business_licensing"])
            #expect(
                result.changes.first?.details == [
                    .init(path: "names.fr", before: "\"Licences commerciales\"", after: "\"Licences\"")
                ])
            let history = try files.history()
            #expect(history.map(\.number) == [2, 1])
            #expect(history[0].appliedBy == "tester" && history[0].channel == .cli)
            #expect(history[0].summary == .init(added: 0, changed: 1, removed: 0, disabled: 0))
            let events = try pool.withConnection { connection in
                try connection.query(
                    "SELECT municipality_code, actor_kind, actor, details FROM audit_events WHERE action = 'catalog_applied'"
                ).map {
                    (try $0.decode("municipality_code", as: String.self), try $0.decode("details", as: String.self))
                }
            }
            #expect(events.count == 15)
            #expect(events.allSatisfy { $0.1.contains("\"version\":2") && $0.1.contains(history[0].sha256) })
        }
    }

    @Test("a changed overlay keeps its id; the change names the member and the open requests it concerns")
    func changedOverlayKeepsItsID() throws {
        try Self.withFiles { files, pool, _ in
            try pool.withConnection { connection in
                _ = try QueueFixtures.request(in: "TRP", tasks: [.init(sector: "civil_registry")], on: connection)
            }
            let id: (PostgresPool) throws -> Int64 = { pool in
                try pool.withConnection {
                    try $0.query(
                        """
                        SELECT id FROM service_overlays
                         WHERE service_code = 'building_permit' AND municipality_code = 'TRP' AND valid_to IS NULL
                        """
                    )[0].decode("id")
                }
            }
            let before = try id(pool)
            var document = try Self.demo()
            let index = try #require(
                document.serviceOverlays.firstIndex {
                    $0.service == "building_permit" && $0.municipality == "TRP" && $0.validTo == nil
                })
            document.serviceOverlays[index].slaDays = 40
            document.services[document.services.firstIndex { $0.code == "residence_certificate" }!].slaDays = 3
            let result = try files.apply(CatalogFile.bytes(of: document), dryRun: false, by: Self.tester)
            let overlay = try #require(result.changes.first { $0.kind == .serviceOverlay })
            #expect(overlay.key == "building_permit TRP 2026-01-01" && overlay.openRequests == 0)
            #expect(overlay.details == [.init(path: "sla_days", before: "45", after: "40")])
            #expect(result.changes.first { $0.kind == .service }?.openRequests == 1)
            #expect(try id(pool) == before)
        }
    }

    @Test("an overlay shortened and a new one from its end apply together, whichever the database checks first")
    func overlaysReplacedInOneApply() throws {
        try Self.withFiles { files, pool, _ in
            var document = try Self.demo()
            let index = try #require(
                document.serviceOverlays.firstIndex {
                    $0.service == "building_permit" && $0.municipality == "TRP" && $0.validTo == nil
                })
            let end = Int64(Self.newYear2030.timeIntervalSince1970) * 1_000_000
            document.serviceOverlays[index].validTo = end
            var next = document.serviceOverlays[index]
            next.validFrom = end
            next.validTo = nil
            next.slaDays = 30
            document.serviceOverlays.insert(next, at: index + 1)
            let result = try files.apply(CatalogFile.bytes(of: document), dryRun: false, by: Self.tester)
            #expect(result.summary == .init(added: 1, changed: 1, removed: 0, disabled: 0))
            let sla = try pool.withConnection { connection in
                try resolveService("building_permit", in: "TRP", at: Self.newYear2030, on: connection)?.slaDays
            }
            #expect(sla == 30)
        }
    }

    @Test("a service that requests name is disabled rather than removed: offered nowhere, kept, and enabled again")
    func disabledService() throws {
        try Self.withFiles { files, pool, _ in
            try pool.withConnection { connection in
                _ = try QueueFixtures.request(in: "BEN", tasks: [.init(sector: "civil_registry")], on: connection)
            }
            var document = try Self.demo()
            let original = document
            document.services.removeAll { $0.code == "residence_certificate" || $0.code == "social_assistance" }
            document.stepOverlays.removeAll { $0.service == "social_assistance" }
            let result = try files.apply(CatalogFile.bytes(of: document), dryRun: false, by: Self.tester)
            #expect(
                result.changes.map { "\($0.action.rawValue) \($0.kind.rawValue) \($0.key)" } == [
                    "disabled service residence_certificate", "removed service social_assistance",
                    "removed step_overlay social_assistance TDJ 2.1 2026-03-01",
                ])
            #expect(result.summary == .init(added: 0, changed: 0, removed: 2, disabled: 1))
            try pool.withConnection { connection in
                let rows = try connection.query(
                    "SELECT code, active FROM services WHERE code IN ('residence_certificate', 'social_assistance')")
                #expect(try rows.count == 1 && rows[0].decode("active", as: Bool.self) == false)
                #expect(
                    try resolveService("residence_certificate", in: "BEN", at: Date(), on: connection) == nil)
                let snapshot = try connection.withTransaction(isolation: .repeatableRead) {
                    try CatalogSnapshot.load(on: $0)
                }
                #expect(
                    snapshot.resolveWorkflow(service: "residence_certificate", municipality: "BEN", at: Date()) == nil)
                // A submission naming it is refused as naming an unknown service.
                #expect(snapshot.form(service: "residence_certificate") == nil)
            }
            do {
                _ = try CatalogReader(pool: pool).serviceDetail(
                    service: "residence_certificate", municipality: "BEN", at: Date(), in: .english)
                Issue.record("a disabled service has a detail")
            } catch let error as NafidhaError {
                #expect(error.code == .unknownService)
            }
            #expect(
                try CatalogReader(pool: pool).services(offeredIn: "BEN", at: Date(), in: .english).services.allSatisfy {
                    $0.code != "residence_certificate"
                })
            #expect(try files.export() == CatalogFile.bytes(of: document))

            let back = try files.apply(CatalogFile.bytes(of: original), dryRun: false, by: Self.tester)
            #expect(back.summary == .init(added: 3, changed: 0, removed: 0, disabled: 0))
            #expect(try files.export() == Array(EmbeddedSeeds.demoCatalog.utf8))
        }
    }

    @Test(
        "what requests, staff or the audit trail still name cannot leave the catalog: every such problem, nothing applied"
    )
    func removalsInUse() throws {
        try Self.withFiles { files, pool, _ in
            try pool.withConnection { connection in
                _ = try QueueFixtures.request(in: "SEB", tasks: [.init(sector: "health")], on: connection)
            }
            _ = try StaffDirectory(pool: pool).create(
                name: "nadia", role: .clerk, municipalities: ["SEB"], sectors: ["health"])
            var document = try Self.demo()
            document.municipalities.removeAll { $0.code == "SEB" }
            document.offices.removeAll { $0.municipality == "SEB" }
            document.sectors.removeAll { $0.code == "health" }
            document.offices.removeAll { $0.sector == "health" }
            // The capital fast track shortens the health step of commercial licences: it goes with the step.
            document.stepOverlays.removeAll { $0.service == "commercial_licence" && $0.stage == 1 && $0.step == 2 }
            for index in document.services.indices {
                document.services[index].workflow = document.services[index].workflow.map { stage in
                    var stage = stage
                    stage.steps.removeAll { $0.sector == "health" }
                    return stage
                }
            }
            let revision = try files.version().revision
            do {
                _ = try files.apply(CatalogFile.bytes(of: document), dryRun: false, by: Self.tester)
                Issue.record("applied")
            } catch CatalogFileError.invalid(let problems, _) {
                #expect(
                    problems.map(\.reason).contains(.inUse(.municipality, "SEB", [.requests(1), .staff(1)])),
                    "\(problems)")
                #expect(
                    problems.map(\.reason).contains(.inUse(.sector, "health", [.tasks(1), .staff(1)])), "\(problems)")
                #expect(
                    problems.contains { if case .inUse(.office, "SEB-HEALTH", _) = $0.reason { true } else { false } })
            }
            #expect(try files.version().revision == revision)
        }
    }

    @Test("a refusal the validation could not foresee rolls the whole apply back and is reported as a problem")
    func refusalRollsBack() throws {
        try Self.withFiles { files, pool, database in
            // Another feature's table that refers to an office, unknown to the catalog's checks.
            try database.connect().runTrustedScript(
                "CREATE TABLE office_notes (office_code text REFERENCES offices); INSERT INTO office_notes VALUES ('OBK-HEALTH');"
            )
            var document = try Self.demo()
            document.offices.removeAll { $0.code == "OBK-HEALTH" }
            document.sectors[0].names.en = "Licensing"
            let revision = try files.version().revision
            do {
                _ = try files.apply(CatalogFile.bytes(of: document), dryRun: false, by: Self.tester)
                Issue.record("applied")
            } catch CatalogFileError.invalid(let problems, _) {
                guard case .databaseRefused(let detail) = problems.first?.reason else {
                    Issue.record("\(problems)")
                    return
                }
                #expect(detail.contains("office_notes"))
            }
            #expect(try files.version().revision == revision)
            #expect(try files.export() == Array(EmbeddedSeeds.demoCatalog.utf8))
        }
    }

    @Test("two applies take turns: one waits for the other, and one that waits too long fails and writes nothing")
    func applyLock() async throws {
        try await TestDatabase.with { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let holder = try database.connect()
            try holder.execute("BEGIN")
            try holder.query("SELECT pg_advisory_xact_lock(hashtext($1))", [CatalogApplier.lockKey])
            var impatient = CatalogFiles.Settings()
            impatient.lockTimeout = .milliseconds(200)
            let file = Array(EmbeddedSeeds.demoCatalog.utf8)
            #expect(throws: CatalogFileError.self) {
                try CatalogFiles(pool: pool, settings: impatient).apply(file, dryRun: false, by: Self.tester)
            }
            // The waiting apply blocks on libpq: on a thread of its own, never a cooperative one.
            async let waiting = Self.onOwnThread {
                try CatalogFiles(pool: pool).apply(file, dryRun: false, by: Self.tester)
            }
            try await Task.sleep(for: .milliseconds(300))
            try holder.execute("COMMIT")
            let result = try await waiting
            #expect(result.applied && result.version?.number == 1)
            #expect(try CatalogFiles(pool: pool).history().count == 1)
        }
    }

    /// Runs `work`, which blocks, on a thread of its own.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }
}
