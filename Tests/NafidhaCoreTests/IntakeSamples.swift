import Foundation
import NafidhaCore
import Postgres

/// Submissions against the demo catalog, shared by the intake tests.
enum IntakeSamples {
    /// A valid building permit for `municipality` (a Libyan one), with the applicant's national id and phone.
    static func buildingPermit(municipality: String = "TRP", parcel: String = "P-17/204") -> Submission {
        Submission(
            service: "building_permit", municipality: municipality,
            applicant: .init(
                name: "Amal Ben Salem", nationalID: "119850123456", phone: "0912345678",
                email: "amal@example.ly"),
            fields: [
                "parcel_location": .object(["lat": .number(32.8872), "long": .number(13.1913)]),
                "parcel_number": .string(parcel),
                "building_use": .string("residential"),
                "works": .array([.string("new_building"), .string("fence")]),
                "floors": .string("٣"),
                "floor_area_m2": .number(240),
            ],
            description: "Two-storey house."
        )
    }

    /// A Monday in Tripoli (not a holiday), 10:00 local time.
    static let monday = Date(timeIntervalSince1970: 1_789_977_600)  // 2026-09-21T08:00:00Z

    /// Row counts of the tables a submission writes.
    static func counts(on connection: PostgresConnection) throws -> [Int] {
        let row = try connection.query(
            """
            SELECT (SELECT count(*) FROM requests)::int8 AS requests, (SELECT count(*) FROM tasks)::int8 AS tasks,
                   (SELECT count(*) FROM audit_events)::int8 AS events
            """
        )[0]
        return [try row.decode("requests"), try row.decode("tasks"), try row.decode("events")]
    }
}
