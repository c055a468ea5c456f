import Foundation
import NafidhaCore
import Postgres
import TestSupport
import Testing

@Suite("Public reports need no proof of identity")
struct IntakePublicReportTests {
    private func wasteReport(applicant: Submission.Applicant) -> Submission {
        Submission(
            service: "missed_waste_collection", municipality: "BEN", applicant: applicant,
            fields: [
                "location": .object(["address": .string("Gamal Abdel Nasser St.")]),
                "waste_type": .string("household"),
            ],
            description: ""
        )
    }

    @Test("a public report without name, national id or phone is filed, its applicant stored as anonymous")
    func publicReportWithoutIdentityIsFiled() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            let receipt = try SubmissionService(pool: pool).submit(
                wasteReport(applicant: .init(name: "")), channel: .open311, idempotencyKey: nil,
                at: IntakeSamples.monday
            ).receipt
            let row = try pool.withConnection { connection in
                try connection.query(
                    "SELECT applicant_name, applicant_national_id, applicant_phone FROM requests WHERE tracking_number = $1",
                    [receipt.trackingNumber]
                )[0]
            }
            #expect(try row.decode("applicant_name", as: String.self) == "(anonymous)")
            #expect(try row.decode("applicant_national_id", as: String?.self) == nil)
            #expect(try row.decode("applicant_phone", as: String?.self) == nil)
        }
    }

    @Test("a public report still checks a phone that is given")
    func publicReportChecksGivenPhone() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            #expect {
                try SubmissionService(pool: pool).submit(
                    wasteReport(applicant: .init(name: "Ali", phone: "12")), channel: .api, idempotencyKey: nil,
                    at: IntakeSamples.monday
                )
            } throws: { error in
                (error as? NafidhaError)?.fields.keys.sorted() == ["applicant.phone"]
            }
        }
    }

    @Test("a service that is not a public report still requires name, national id and phone")
    func otherServicesRequireIdentity() throws {
        try TestDatabase.withDemoCatalog { database in
            let pool = PostgresPool(conninfo: database.conninfo)
            defer { pool.close() }
            guard case .object(var members) = IntakeSamples.buildingPermit().body else {
                Issue.record("the sample body is not an object")
                return
            }
            members["applicant"] = .object([:])
            let permit = Submission(body: .object(members))
            #expect {
                try SubmissionService(pool: pool).submit(
                    permit, channel: .api, idempotencyKey: nil, at: IntakeSamples.monday)
            } throws: { error in
                (error as? NafidhaError)?.fields.keys.sorted()
                    == ["applicant.name", "applicant.national_id", "applicant.phone"]
            }
        }
    }
}
