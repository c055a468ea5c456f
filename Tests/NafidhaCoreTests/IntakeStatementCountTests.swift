import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// How many statements the hot paths send, counted by the connection (`PostgresConnection.statementCount`): a pool
/// of one connection sees all of them. The catalog snapshot is loaded first, as `nafidha serve` does at start.
@Suite("Statements per request")
struct IntakeStatementCountTests {
    struct World {
        let pool: PostgresPool
        let catalog: CatalogStore
        let submissions: SubmissionService

        /// What `body` returns, and how many statements it sent.
        func counting<T>(_ body: () throws -> T) throws -> (statements: Int, value: T) {
            let before = try pool.withConnection { $0.statementCount }
            let value = try body()
            return (try pool.withConnection { $0.statementCount } - before, value)
        }
    }

    /// The code of the `NafidhaError` `body` throws ("" when it throws none).
    static func errorCode<T>(_ body: () throws -> T) throws -> String {
        do {
            _ = try body()
            return ""
        } catch let error as NafidhaError {
            return error.code.rawValue
        }
    }

    func withWorld(_ body: (World) throws -> Void) throws {
        try TestDatabase.withDemoCatalog { database in
            var configuration = PostgresPool.Configuration()
            configuration.maxConnections = 1
            let pool = PostgresPool(conninfo: database.conninfo, configuration: configuration)
            defer { pool.close() }
            let catalog = CatalogStore(pool: pool)
            try catalog.load()
            try body(World(pool: pool, catalog: catalog, submissions: SubmissionService(pool: pool, catalog: catalog)))
        }
    }

    @Test("a first submission is one statement: request, tasks and audit events together")
    func firstSubmission() throws {
        try withWorld { world in
            let (count, filed) = try world.counting {
                try world.submissions.submit(
                    IntakeSamples.buildingPermit(), channel: .api, idempotencyKey: "first-" + UUID().uuidString
                ).receipt
            }
            #expect(count == 1)
            try world.pool.withConnection { connection in
                let row = try connection.query(
                    """
                    SELECT (SELECT count(*) FROM tasks t WHERE t.request_id = r.id)::int8 AS tasks,
                           (SELECT count(*) FROM audit_events e WHERE e.request_id = r.id)::int8 AS events
                      FROM requests r WHERE r.tracking_number = $1
                    """,
                    [filed.trackingNumber]
                )[0]
                #expect(try row.decode("tasks", as: Int64.self) == 4)
                #expect(try row.decode("events", as: Int64.self) == 3)
            }
        }
    }

    @Test("a counter filing is one statement too, its submitted event by the clerk for the citizen")
    func counterFiling() throws {
        try withWorld { world in
            let clerk = StaffMember.testing("karima", municipalities: ["TRP"])
            let (count, filed) = try world.counting {
                try world.submissions.file(
                    IntakeSamples.buildingPermit(), atCounter: clerk, idempotencyKey: nil
                ).receipt
            }
            #expect(count == 1)
            #expect(filed.channel == .counter)
            let row = try world.pool.withConnection { connection in
                try connection.query(
                    """
                    SELECT e.actor_kind, e.actor, e.details::text AS details
                      FROM audit_events e JOIN requests r ON r.id = e.request_id
                     WHERE r.tracking_number = $1 AND e.action = 'submitted'
                    """,
                    [filed.trackingNumber]
                )[0]
            }
            #expect(try row.decode("actor_kind", as: String.self) == "clerk")
            #expect(try row.decode("actor", as: String.self) == "karima")
            #expect(
                try row.decode("details", as: String.self)
                    == #"{"channel":"counter","filed_by":"karima","filed_for":"\#(filed.trackingNumber)","service":"building_permit"}"#
            )
            let outside = try Self.errorCode {
                try world.submissions.file(
                    IntakeSamples.buildingPermit(municipality: "BEN"), atCounter: clerk, idempotencyKey: nil)
            }
            #expect(outside == "out_of_scope")
            let auditor = try Self.errorCode {
                try world.submissions.file(
                    IntakeSamples.buildingPermit(), atCounter: .testing("aziz", .auditor, municipalities: []),
                    idempotencyKey: nil)
            }
            #expect(auditor == "read_only_role")
        }
    }

    @Test("a first submission with documents is still one statement, the uploads attached and audited in it")
    func submissionWithDocuments() throws {
        try withWorld { world in
            let uploads = UploadService(pool: world.pool)
            var ids: [String] = []
            for bytes in [Array("%PDF-1.4 lease".utf8), [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]] {
                var pieces = [bytes]
                let type = bytes[0] == 0xFF ? "image/jpeg" : "application/pdf"
                ids.append(
                    try uploads.store(contentType: type, contentDisposition: nil) { pieces.popLast() }.uploadID)
            }
            let body = """
                {"service": "commercial_licence", "municipality": "BEN",
                 "applicant": {"name": "Amal Ben Salem", "national_id": "119850123456", "phone": "0912345678"},
                 "fields": {"trade_name": "Ben Salem Grocery", "activity": "retail",
                            "premises_location": {"lat": 32.1, "long": 20.07}, "premises_area_m2": 40,
                            "owner_national_id": "119850123456"},
                 "documents": [{"type": "lease_or_deed", "upload_id": "\(ids[0])"},
                               {"type": "national_id_copy", "upload_id": "\(ids[1])"}]}
                """
            let submission = Submission(body: try ContractJSON.decode(JSONValue.self, from: Array(body.utf8)))
            let (count, receipt) = try world.counting {
                try world.submissions.submit(submission, channel: .api, idempotencyKey: nil).receipt
            }
            #expect(count == 1)
            let row = try world.pool.withConnection { connection in
                try connection.query(
                    """
                    SELECT (SELECT count(*) FROM uploads u WHERE u.request_id = r.id)::int8 AS documents,
                           (SELECT count(*) FROM audit_events e
                             WHERE e.request_id = r.id AND e.action = 'document_attached')::int8 AS events
                      FROM requests r WHERE r.tracking_number = $1
                    """,
                    [receipt.trackingNumber]
                )[0]
            }
            #expect(try row.decode("documents", as: Int64.self) == 2)
            #expect(try row.decode("events", as: Int64.self) == 2)
        }
    }

    @Test("a refusal is one statement, a replay and a conflict two")
    func refusalsAndReplays() throws {
        try withWorld { world in
            var invalid = IntakeSamples.buildingPermit()
            invalid.body = .object(["service": .string("building_permit")])
            let refusal = try world.counting {
                try Self.errorCode { try world.submissions.submit(invalid, channel: .api, idempotencyKey: nil) }
            }
            #expect(refusal.statements == 1 && refusal.value == "validation_failed")

            let key = "replay-" + UUID().uuidString
            let first = try world.submissions.submit(IntakeSamples.buildingPermit(), channel: .api, idempotencyKey: key)
            let replay = try world.counting {
                try world.submissions.submit(IntakeSamples.buildingPermit(), channel: .api, idempotencyKey: key)
            }
            #expect(replay.statements == 2)
            #expect(replay.value.replayed && replay.value.receipt == first.receipt)
            let conflict = try world.counting {
                try Self.errorCode {
                    try world.submissions.submit(
                        IntakeSamples.buildingPermit(parcel: "P-9/9"), channel: .api, idempotencyKey: key)
                }
            }
            #expect(conflict.statements == 2 && conflict.value == "idempotency_conflict")
        }
    }

    @Test("an Open311 report is two statements: its application's key, then the filing that records the key")
    func open311Report() throws {
        try withWorld { world in
            let key = try APIKeyStore(pool: world.pool).create(name: "CivicApp")
            let intake = Open311Intake(pool: world.pool, catalog: world.catalog)
            let (count, filed) = try world.counting {
                try intake.submit(
                    parameters: [
                        ("api_key", key.secret), ("jurisdiction_id", "TRP"),
                        ("service_code", "missed_waste_collection"),
                        ("lat", "32.8872"), ("long", "13.1913"), ("attribute[waste_type]", "household"),
                        ("attribute[days_missed]", "3"), ("media_url", "https://example.org/photo.jpg"),
                    ],
                    idempotencyKey: nil, language: .english
                )
            }
            #expect(count == 2)
            let row = try world.pool.withConnection { connection in
                try connection.query(
                    "SELECT api_key_id, media_url, channel FROM requests WHERE tracking_number = $1",
                    [filed.serviceRequestID]
                )[0]
            }
            #expect(try row.decode("api_key_id", as: Int64?.self) == key.key.id)
            #expect(try row.decode("media_url", as: String?.self) == "https://example.org/photo.jpg")
            #expect(try row.decode("channel", as: String.self) == "open311")
        }
    }

    @Test("a status read is one statement, found or not")
    func statusRead() throws {
        try withWorld { world in
            let receipt = try world.submissions.submit(
                IntakeSamples.buildingPermit(), channel: .api, idempotencyKey: nil
            ).receipt
            let tracking = RequestTracking(pool: world.pool)
            let (count, view) = try world.counting {
                try tracking.view(tracking: receipt.trackingNumber, token: receipt.accessToken, language: .arabic)
            }
            #expect(count == 1)
            #expect(view.steps.count == 4 && view.timeline.count == 3)
            for token in [nil, "", "wrong"] as [String?] {
                let refusal = try world.counting {
                    try Self.errorCode {
                        try tracking.view(tracking: receipt.trackingNumber, token: token, language: .english)
                    }
                }
                #expect(refusal.statements == 1 && refusal.value == "request_not_found")
            }
        }
    }
}
