import Foundation
import NafidhaContract
import Postgres
import TestSupport
import Testing

@testable import NafidhaCore

/// The citizen's view is read in one statement now; it must be exactly what the former three queries gave.
@Suite("Citizen's view of a request")
struct RequestViewTests {
    let clerk = StaffMember.testing("nour", municipalities: ["BEN", "MIS"])

    @Test("a multi-stage request with a timeline reads exactly as before, in every language, encoded byte for byte")
    func viewEqualsTheFormerReading() throws {
        try WorkflowHarness.with { harness in
            // Stage 1 decided after a question and its answer, stage 2 open, a public and an internal note.
            let busy = try harness.file("building_permit", in: "BEN")
            let stageOne = try harness.tasks(of: busy).filter { $0.stage == 1 }
            _ = try harness.engine.claim(task: stageOne[0].id, by: clerk)
            _ = try harness.engine.requestInformation(
                task: stageOne[0].id, by: clerk, message: "Please send the site plan.")
            try harness.engine.reply(
                for: harness.citizen(busy), message: "Attached: \"plan\" / v2\n— أمل",
                fields: ["parcel_number": .string("P-1/3")])
            for task in stageOne {
                if try harness.task(task.id).status == .open { _ = try harness.engine.claim(task: task.id, by: clerk) }
                _ = try harness.engine.approve(task: task.id, by: clerk)
            }
            _ = try harness.engine.addNote(
                tracking: busy.tracking, text: "Plans received at the counter.", isPublic: true, by: clerk)
            _ = try harness.engine.addNote(tracking: busy.tracking, text: "Internal only.", isPublic: false, by: clerk)

            // Rejected: the bookkeeping cancellations of the other steps stay hidden.
            let rejected = try harness.file("building_permit", in: "MIS")
            let planning = try harness.tasks(of: rejected)[0]
            _ = try harness.engine.claim(task: planning.id, by: clerk)
            _ = try harness.engine.reject(task: planning.id, by: clerk, reason: "The parcel is not buildable.")

            // Cancelled by the citizen.
            let cancelled = try harness.file("water_connection", in: "MIS")
            try harness.engine.cancel(for: harness.citizen(cancelled))

            // The former reading ordered the timeline by the chain; chain every event first.
            try sequenceAudit(harness.pool)
            let tracking = RequestTracking(pool: harness.pool)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            for request in [busy, rejected, cancelled] {
                for language in Language.allCases {
                    let view = try tracking.view(
                        tracking: request.tracking.lowercased(), token: request.token.text, language: language)
                    let former = try harness.pool.withConnection { connection in
                        try FormerRequestView(connection: connection, language: language).load(request.id)
                    }
                    #expect(view == former, "\(request.tracking) in \(language)")
                    #expect(try encoder.encode(view) == encoder.encode(former))
                }
            }
            let view = try tracking.view(tracking: busy.tracking, token: busy.token.text, language: .english)
            #expect(
                view.timeline.map(\.event) == [
                    .submitted, .taskOpened, .taskOpened, .informationRequested, .citizenReplied, .approved, .approved,
                    .taskOpened, .noteAdded,
                ])
            #expect(view.steps.map(\.status) == [.approved, .approved, .open, .waiting])
        }
    }

    @Test("an unknown number, a wrong token and an empty one all read as nothing")
    func failuresReadNothing() throws {
        try WorkflowHarness.with { harness in
            let request = try harness.file("residence_certificate", in: "BEN")
            try harness.pool.withConnection { connection throws in
                let view = RequestView(connection: connection, language: .english)
                #expect(try view.load(tracking: request.tracking, tokenHash: request.token.hash) != nil)
                #expect(try view.load(tracking: request.tracking, tokenHash: AccessToken(text: "x").hash) == nil)
                #expect(try view.load(tracking: request.tracking, tokenHash: AccessToken(text: "").hash) == nil)
                #expect(try view.load(tracking: "BEN-0000-0000", tokenHash: request.token.hash) == nil)
            }
        }
    }

    @Test("instants read from microseconds equal instants read from timestamp columns")
    func microsecondInstants() throws {
        try TestDatabase.withAdminURL { url in
            let connection = try PostgresConnection(conninfo: url)
            let rows = try connection.query(
                """
                SELECT t, (extract(epoch FROM t) * 1000000)::int8 AS micros
                  FROM (VALUES ('2026-09-21 08:00:00Z'::timestamptz), ('2026-09-21 08:00:00.5Z'),
                               ('2026-02-03 10:11:12.123456Z'), ('2026-02-03 10:11:12.000001Z'),
                               ('2026-02-03 10:11:12.999999Z'), ('1969-12-31 23:59:59.25Z')) AS v (t)
                """
            )
            for row in rows {
                #expect(
                    RequestView.date(microseconds: try row.decode("micros")) == (try row.decode("t", as: Date.self)))
            }
        }
    }
}

/// The citizen's view as `RequestView` read it before it became one statement (three queries, the timeline in
/// chain order), kept here as the reference the new reading must equal.
private struct FormerRequestView {
    let connection: PostgresConnection
    let language: Language

    func load(_ requestID: Int64) throws -> Tracking.Request {
        let row = try connection.query(
            """
            SELECT r.tracking_number, r.status, r.service_code, r.municipality_code, r.submitted_at, r.due_at,
                   r.closed_at, s.name_ar AS service_ar, s.name_fr AS service_fr, s.name_en AS service_en,
                   m.name_ar AS municipality_ar, m.name_fr AS municipality_fr, m.name_en AS municipality_en
              FROM requests r JOIN services s ON s.code = r.service_code
              JOIN municipalities m ON m.code = r.municipality_code
             WHERE r.id = $1
            """,
            [requestID]
        )[0]
        return Tracking.Request(
            trackingNumber: try row.decode("tracking_number"),
            status: try #require(RequestStatus(rawValue: try row.decode("status"))),
            service: try row.decode("service_code"), serviceName: try name(row, "service"),
            municipality: try row.decode("municipality_code"), municipalityName: try name(row, "municipality"),
            submittedAt: try row.decode("submitted_at"), dueAt: try row.decode("due_at"),
            closedAt: try row.decode("closed_at"), steps: try steps(requestID), timeline: try timeline(requestID)
        )
    }

    private func steps(_ requestID: Int64) throws -> [Tracking.Request.Step] {
        try connection.query(
            """
            SELECT t.stage_no, t.sector_code, t.office_code, t.status, t.due_at,
                   s.name_ar AS sector_ar, s.name_fr AS sector_fr, s.name_en AS sector_en,
                   o.name_ar AS office_ar, o.name_fr AS office_fr, o.name_en AS office_en
              FROM tasks t JOIN sectors s ON s.code = t.sector_code JOIN offices o ON o.code = t.office_code
             WHERE t.request_id = $1 ORDER BY t.stage_no, t.step_no
            """,
            [requestID]
        ).map { row in
            Tracking.Request.Step(
                stage: try row.decode("stage_no"), sector: try row.decode("sector_code"),
                sectorName: try name(row, "sector"), office: try row.decode("office_code"),
                officeName: try name(row, "office"),
                status: try #require(TaskStatus(rawValue: try row.decode("status"))),
                dueAt: try row.decode("due_at")
            )
        }
    }

    private func timeline(_ requestID: Int64) throws -> [Tracking.Request.Event] {
        try connection.query(
            """
            SELECT e.occurred_at, e.action, e.details, t.stage_no, t.sector_code, m.body AS message
              FROM audit_events e LEFT JOIN tasks t ON t.id = e.task_id
              LEFT JOIN request_messages m
                ON m.id = (e.details::jsonb->>'message_id')::bigint AND m.request_id = e.request_id AND m.public
             WHERE e.request_id = $1
               AND e.action IN ('submitted', 'task_opened', 'approved', 'rejected', 'information_requested',
                                'citizen_replied', 'cancelled', 'note_added')
               AND NOT (e.action = 'cancelled' AND e.actor_kind <> 'citizen')
               AND NOT (e.action = 'note_added' AND m.id IS NULL)
             ORDER BY e.seq LIMIT 500
            """,
            [requestID]
        ).map { row in
            let details =
                (try? JSONDecoder().decode(
                    [String: JSONValue].self, from: Data(try row.decode("details", as: String.self).utf8))) ?? [:]
            let sector: String? =
                if case .string(let code) = details["sector"] { code } else { try row.decode("sector_code") }
            let stage: Int? =
                if case .number(let number) = details["stage"] { Int(number) } else { try row.decode("stage_no") }
            return Tracking.Request.Event(
                at: try row.decode("occurred_at"), event: try #require(AuditAction(rawValue: try row.decode("action"))),
                stage: stage, sector: sector,
                message: try row.decode("message"))
        }
    }

    private func name(_ row: PostgresRow, _ prefix: String) throws -> String {
        LocalizedText(
            ar: try row.decode("\(prefix)_ar"), fr: try row.decode("\(prefix)_fr"), en: try row.decode("\(prefix)_en")
        ).text(in: language)
    }
}
