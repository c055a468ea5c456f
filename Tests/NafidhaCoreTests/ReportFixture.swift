import Foundation
import NafidhaCore
import Postgres
import TestSupport

/// Inserts a hand-made data set (requests, tasks, pauses) straight into a demo-catalog database.
///
/// Tripoli is UTC+2 all year, its weekend Friday and Saturday; November 2026 has no Libyan holiday and starts on a
/// Sunday. Instants are written in UTC (`Z`), so 08:00Z is 10:00 in Tripoli.
struct ReportFixture {
    let connection: PostgresConnection
    private var serial = 0

    init(_ database: TestDatabase) throws {
        connection = try database.connect()
    }

    /// A fixture writing on `connection` (a database that is not a `TestDatabase`).
    init(connection: PostgresConnection) {
        self.connection = connection
    }

    static func instant(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)!
    }

    /// Inserts a request and returns its id.
    mutating func request(
        _ municipality: String = "TRP", service: String = "residence_certificate", status: String,
        submitted: String, due: String?, closed: String? = nil
    ) throws -> Int64 {
        serial += 1
        let digits = String(serial)
        let tracking = "\(municipality)-0000-" + String(repeating: "0", count: 4 - digits.count) + digits
        return try connection.query(
            """
            INSERT INTO requests (tracking_number, access_token_hash, service_code, municipality_code, applicant_name,
                                  fields, status, channel, submitted_at, due_at, closed_at, workflow)
            VALUES ($1::text, sha256(convert_to($1::text, 'UTF8')), $2, $3, 'Test Applicant', '{}', $4, 'api', $5, $6, $7, '{}') RETURNING id
            """,
            [
                tracking, service, municipality, status, Self.instant(submitted), due.map(Self.instant),
                closed.map(Self.instant),
            ]
        )[0].decode("id")
    }

    /// Inserts a task of `request` (step `step` of stage 1) and returns its id.
    func task(
        _ request: Int64, step: Int, sector: String = "civil_registry", municipality: String = "TRP", status: String,
        opened: String?, due: String? = nil, closed: String? = nil, pausedSince: String? = nil
    ) throws -> Int64 {
        let office = municipality + "-" + sector.uppercased()
        let assignee: String? = ["claimed", "awaiting_citizen"].contains(status) ? "amal.t" : nil
        return try connection.query(
            """
            INSERT INTO tasks (request_id, stage_no, step_no, municipality_code, sector_code, office_code, status,
                               assignee, sla_days, opened_at, due_at, closed_at, paused_since)
            VALUES ($1, 1, $2, $3, $4, $5, $6, $7, 5, $8, $9, $10, $11) RETURNING id
            """,
            [
                request, step, municipality, sector, office, status, assignee, opened.map(Self.instant),
                due.map(Self.instant), closed.map(Self.instant), pausedSince.map(Self.instant),
            ]
        )[0].decode("id")
    }

    /// Records a pause of `task`; an open pause has no end.
    func pause(_ task: Int64, from start: String, to end: String?) throws {
        try connection.execute(
            "INSERT INTO task_pauses (task_id, started_at, ended_at) VALUES ($1, $2, $3)",
            [task, Self.instant(start), end.map(Self.instant)]
        )
    }

    /// The SLA, backlog and throughput data set of ReportTests (figures computed by hand there).
    mutating func loadNovember() throws {
        let r1 = try request(
            status: "approved", submitted: "2026-11-01T08:00:00Z", due: "2026-11-05T22:00:00Z",
            closed: "2026-11-02T08:00:00Z")
        _ = try task(r1, step: 1, status: "approved", opened: "2026-11-01T08:00:00Z", closed: "2026-11-02T08:00:00Z")
        let r2 = try request(
            status: "rejected", submitted: "2026-11-01T08:00:00Z", due: "2026-11-03T22:00:00Z",
            closed: "2026-11-05T08:00:00Z")
        _ = try task(r2, step: 1, status: "rejected", opened: "2026-11-01T08:00:00Z", closed: "2026-11-05T08:00:00Z")
        let r3 = try request(
            status: "approved", submitted: "2026-11-05T08:00:00Z", due: "2026-11-09T22:00:00Z",
            closed: "2026-11-08T08:00:00Z")
        _ = try task(r3, step: 1, status: "approved", opened: "2026-11-05T08:00:00Z", closed: "2026-11-08T08:00:00Z")
        let r4 = try request(
            status: "approved", submitted: "2026-11-01T08:00:00Z", due: "2026-11-19T22:00:00Z",
            closed: "2026-11-15T08:00:00Z")
        let r4task = try task(
            r4, step: 1, status: "approved", opened: "2026-11-01T08:00:00Z", closed: "2026-11-15T08:00:00Z")
        try pause(r4task, from: "2026-11-02T08:00:00Z", to: "2026-11-04T08:00:00Z")
        // Closed at 00:30 on 4 November in Tripoli, though still 3 November in UTC.
        let r5 = try request(
            service: "building_permit", status: "approved", submitted: "2026-11-01T08:00:00Z",
            due: "2026-11-02T22:00:00Z", closed: "2026-11-03T22:30:00Z")
        _ = try task(
            r5, step: 1, sector: "urban_planning", status: "approved", opened: "2026-11-01T08:00:00Z",
            closed: "2026-11-03T22:30:00Z")
        // Cancelled: a submission, never a completion.
        _ = try request(
            status: "cancelled", submitted: "2026-11-02T08:00:00Z", due: nil, closed: "2026-11-03T08:00:00Z")
        // Closed after the range.
        _ = try request(
            status: "approved", submitted: "2026-11-25T08:00:00Z", due: "2026-12-10T22:00:00Z",
            closed: "2026-12-02T08:00:00Z")

        // The open request whose tasks form the backlog at 2026-11-19T20:00Z (Thursday 22:00 in Tripoli).
        let r6 = try request(status: "in_review", submitted: "2026-11-16T08:00:00Z", due: "2026-11-30T22:00:00Z")
        _ = try task(r6, step: 1, status: "open", opened: "2026-11-19T08:00:00Z", due: "2026-11-18T22:00:00Z")
        _ = try task(r6, step: 2, status: "claimed", opened: "2026-11-15T08:00:00Z", due: "2026-11-19T00:00:00Z")
        _ = try task(r6, step: 3, status: "open", opened: "2026-11-01T08:00:00Z", due: "2026-11-25T00:00:00Z")
        let paused = try task(
            r6, step: 4, status: "awaiting_citizen", opened: "2026-11-08T08:00:00Z", due: "2026-11-10T00:00:00Z",
            pausedSince: "2026-11-16T08:00:00Z")
        try pause(paused, from: "2026-11-16T08:00:00Z", to: nil)
        _ = try task(
            r6, step: 5, sector: "urban_planning", status: "open", opened: "2026-11-12T08:00:00Z",
            due: "2026-11-30T00:00:00Z")
        _ = try task(r6, step: 6, status: "waiting", opened: nil)
    }
}
