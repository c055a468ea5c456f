import Foundation
import NafidhaContract
import NafidhaCore
import Postgres
import TestSupport
import Testing

/// Submissions are validated against the catalog snapshot, which a catalog change makes stale: the next
/// submission must see the change, and none may mix two catalogs.
@Suite("Submission and catalog changes")
struct IntakeCatalogChangeTests {
    static func residenceCertificate(in municipality: String) -> Submission {
        Submission(
            service: "residence_certificate", municipality: municipality,
            applicant: .init(name: "Salem Ali", nationalID: "119900123456", phone: "+218 92 111 2233"),
            fields: [
                "national_id": .string("119900123456"), "address": .string("Shari Jamal Abdel Nasser 12"),
                "resident_since": .string("2015-06-01"), "purpose": .string("employment"),
            ]
        )
    }

    @Test("an overlay added with a past valid_from applies to the very next submission")
    func newOverlayAppliesAtOnce() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let catalog = CatalogStore(pool: pool)
            try catalog.load()
            let service = SubmissionService(pool: pool, catalog: catalog)
            let before = try service.submit(Self.residenceCertificate(in: "BEN"), channel: .api, idempotencyKey: nil)
            #expect(before.receipt.slaDays == 2 && before.receipt.fee == 5)

            let overlay: Int64 = try pool.withConnection { connection in
                try connection.query(
                    """
                    INSERT INTO service_overlays (service_code, municipality_code, valid_from, sla_days, fee, note)
                    VALUES ('residence_certificate', 'BEN', now() - interval '1 day', 1, 2.5, 'fast track')
                    RETURNING id
                    """
                )[0].decode("id")
            }
            let after = try service.submit(Self.residenceCertificate(in: "BEN"), channel: .api, idempotencyKey: nil)
            #expect(after.receipt.slaDays == 1 && after.receipt.fee == Decimal(string: "2.5"))
            let stored = try pool.withConnection { connection in
                try connection.query(
                    "SELECT (workflow->>'overlay')::int8 AS overlay FROM requests WHERE tracking_number = $1",
                    [after.receipt.trackingNumber]
                )[0].decode("overlay", as: Int64?.self)
            }
            #expect(stored == overlay)
            #expect(try catalog.isCurrent(catalog.snapshot()))
        }
    }

    @Test("a snapshot that refuses a service the catalog now offers is checked first: the submission is filed")
    func staleRefusalIsConfirmed() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            try pool.withConnection { connection in
                try connection.execute(
                    """
                    INSERT INTO service_overlays (service_code, municipality_code, valid_from, enabled, note)
                    VALUES ('residence_certificate', 'MIS', '2020-01-01Z', false, 'suspended')
                    """
                )
            }
            let catalog = CatalogStore(pool: pool)
            try catalog.load()
            let service = SubmissionService(pool: pool, catalog: catalog)
            let refused = try #require(throws: NafidhaError.self) {
                try service.submit(Self.residenceCertificate(in: "MIS"), channel: .api, idempotencyKey: nil)
            }
            #expect(Set(refused.fields.keys) == ["service"])

            try pool.withConnection { try $0.execute("DELETE FROM service_overlays WHERE municipality_code = 'MIS'") }
            let filed = try service.submit(Self.residenceCertificate(in: "MIS"), channel: .api, idempotencyKey: nil)
            #expect(filed.receipt.municipality == "MIS")
        }
    }

    /// Benghazi's building permits take 20 working days AND their planning step goes to the capital planning
    /// authority: one change of two tables, in one transaction.
    static func turnOnTwoTableChange(on connection: PostgresConnection) throws {
        try connection.execute(
            """
            INSERT INTO service_overlays (service_code, municipality_code, valid_from, sla_days, note)
            VALUES ('building_permit', 'BEN', '2020-01-01Z', 20, 'two tables')
            """
        )
        try connection.execute(
            """
            INSERT INTO step_overlays (service_code, municipality_code, stage_no, step_no, valid_from, office_code, note)
            VALUES ('building_permit', 'BEN', 1, 1, '2020-01-01Z', 'LBY-CAPITAL_PLANNING', 'two tables')
            """
        )
    }

    /// Whether a Benghazi building permit was filed under the two-table change, expecting that it was filed
    /// entirely under it or entirely without it, and that the stored request (`stored`) agrees with its receipt.
    static func filedUnderChange(_ receipt: Intake.Receipt, stored: (slaDays: Int, planningOffice: String)) -> Bool {
        let planning = receipt.steps.first { $0.stage == 1 && $0.step == 1 }?.office
        let underChange = receipt.slaDays == 20
        #expect(underChange == (planning == "LBY-CAPITAL_PLANNING"), "\(receipt.trackingNumber) is half")
        #expect(stored.slaDays == receipt.slaDays && stored.planningOffice == planning)
        return underChange
    }

    /// The SLA of the request's stored workflow and the office of its stored planning task.
    static func stored(_ receipt: Intake.Receipt, pool: PostgresPool) throws -> (
        slaDays: Int, planningOffice: String
    ) {
        let row = try pool.withConnection { connection in
            try connection.query(
                """
                SELECT (r.workflow->>'sla_days')::int AS sla, t.office_code
                  FROM requests r JOIN tasks t ON t.request_id = r.id AND t.stage_no = 1 AND t.step_no = 1
                 WHERE r.tracking_number = $1
                """,
                [receipt.trackingNumber]
            )[0]
        }
        return (try row.decode("sla"), try row.decode("office_code"))
    }

    @Test("a change committed after the submission's write leaves it under the old catalog, before it the new")
    func changeAroundTheWrite() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let service = SubmissionService(pool: pool)
            func fileUnderChange() throws -> Bool {
                let receipt = try service.submit(
                    IntakeSamples.buildingPermit(municipality: "BEN"), channel: .api, idempotencyKey: nil
                ).receipt
                return Self.filedUnderChange(receipt, stored: try Self.stored(receipt, pool: pool))
            }
            #expect(try !fileUnderChange())
            let changer = try database.connect()
            try changer.execute("BEGIN")
            try Self.turnOnTwoTableChange(on: changer)
            // Not committed: neither a submission nor a snapshot read now may see any of it.
            #expect(try !fileUnderChange())
            let meanwhile = try CatalogSnapshot.load(from: pool)
            #expect(
                meanwhile.resolveWorkflow(service: "building_permit", municipality: "BEN", at: Date())?.slaDays == 30)
            try changer.execute("COMMIT")
            // The service's snapshot is stale now: its write is refused, the catalog read again, the request filed.
            #expect(try fileUnderChange())
        }
    }

    @Test("submissions racing catalog changes are each filed entirely under the old catalog or entirely the new")
    func racingSubmissionsNeverMixCatalogs() async throws {
        let database = try TestDatabase.createWithDemoCatalog()
        defer { try? database.drop() }
        let pool = PostgresPool(conninfo: database.conninfo)
        defer { pool.close() }
        let service = SubmissionService(pool: pool)
        // Four commits: on, off, on, off. A submission can be sent back for a new catalog at most that often, below
        // its maximum number of attempts, so every one is filed however the threads interleave.
        async let changes: Void = IntakeIdempotencyTests.onOwnThread {
            let connection = try database.connect()
            for round in 0..<4 {
                Thread.sleep(forTimeInterval: 0.05)
                try connection.withTransaction { connection in
                    if round.isMultiple(of: 2) {
                        try Self.turnOnTwoTableChange(on: connection)
                    } else {
                        try connection.execute("DELETE FROM step_overlays WHERE note = 'two tables'")
                        try connection.execute("DELETE FROM service_overlays WHERE note = 'two tables'")
                    }
                }
            }
        }
        let filed = try await withThrowingTaskGroup(of: (Intake.Receipt, (Int, String)).self) { group in
            for _ in 0..<24 {
                group.addTask {
                    try await IntakeIdempotencyTests.onOwnThread {
                        let receipt = try service.submit(
                            IntakeSamples.buildingPermit(municipality: "BEN"), channel: .api, idempotencyKey: nil
                        ).receipt
                        return (receipt, try Self.stored(receipt, pool: pool))
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        try await changes
        #expect(filed.count == 24)
        for (receipt, stored) in filed {
            _ = Self.filedUnderChange(receipt, stored: stored)
        }
    }
}
