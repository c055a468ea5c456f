import Foundation
import NafidhaContract
import Postgres

/// Reads a request, its steps and its public timeline for the citizen, with names in one language.
struct RequestView {
    let connection: PostgresConnection
    let language: Language

    /// The audit actions a citizen may see. Cancellations count only when the citizen cancelled: the cascade that
    /// follows a rejection is the system's bookkeeping.
    private static let publicActions = [
        "submitted", "task_opened", "approved", "rejected", "information_requested",
        "citizen_replied", "cancelled", "note_added",
    ]

    func load(_ requestID: Int64) throws -> TrackedRequest {
        let row = try connection.queryPrepared(
            """
            SELECT r.tracking_number, r.status, r.service_code, r.municipality_code, r.submitted_at, r.due_at, r.closed_at,
                   s.name_ar AS service_ar, s.name_fr AS service_fr, s.name_en AS service_en,
                   m.name_ar AS municipality_ar, m.name_fr AS municipality_fr, m.name_en AS municipality_en
              FROM requests r JOIN services s ON s.code = r.service_code JOIN municipalities m ON m.code = r.municipality_code
             WHERE r.id = $1
            """,
            [requestID]
        )[0]
        guard let status = RequestStatus(rawValue: try row.decode("status")) else {
            throw NafidhaError(
                .unavailable, code: "unknown_request_status", message: WorkflowMessages.storedDataInvalid)
        }
        return TrackedRequest(
            trackingNumber: try row.decode("tracking_number"), status: status,
            service: try row.decode("service_code"), serviceName: try name(row, "service"),
            municipality: try row.decode("municipality_code"), municipalityName: try name(row, "municipality"),
            submittedAt: try row.decode("submitted_at"), dueAt: try row.decode("due_at"),
            closedAt: try row.decode("closed_at"),
            steps: try steps(requestID), timeline: try timeline(requestID)
        )
    }

    private func steps(_ requestID: Int64) throws -> [TrackedRequest.Step] {
        try connection.queryPrepared(
            """
            SELECT t.stage_no, t.sector_code, t.office_code, t.status, t.due_at,
                   s.name_ar AS sector_ar, s.name_fr AS sector_fr, s.name_en AS sector_en,
                   o.name_ar AS office_ar, o.name_fr AS office_fr, o.name_en AS office_en
              FROM tasks t JOIN sectors s ON s.code = t.sector_code JOIN offices o ON o.code = t.office_code
             WHERE t.request_id = $1 ORDER BY t.stage_no, t.step_no
            """,
            [requestID]
        ).map { row in
            guard let status = TaskStatus(rawValue: try row.decode("status")) else {
                throw NafidhaError(
                    .unavailable, code: "unknown_task_status", message: WorkflowMessages.storedDataInvalid)
            }
            return TrackedRequest.Step(
                stage: try row.decode("stage_no"), sector: try row.decode("sector_code"),
                sectorName: try name(row, "sector"),
                office: try row.decode("office_code"), officeName: try name(row, "office"), status: status,
                dueAt: try row.decode("due_at")
            )
        }
    }

    private func timeline(_ requestID: Int64) throws -> [TrackedRequest.Event] {
        let rows = try connection.queryPrepared(
            """
            SELECT e.occurred_at, e.action, e.details, t.stage_no, t.sector_code, m.body AS message
              FROM audit_events e LEFT JOIN tasks t ON t.id = e.task_id
              LEFT JOIN request_messages m
                ON m.id = (e.details::jsonb->>'message_id')::bigint AND m.request_id = e.request_id AND m.public
             WHERE e.request_id = $1 AND e.action = ANY($2::text[])
               AND NOT (e.action = 'cancelled' AND e.actor_kind <> 'citizen')
               AND NOT (e.action = 'note_added' AND m.id IS NULL)
             ORDER BY e.occurred_at, e.id LIMIT $3
            """,
            [requestID, "{" + Self.publicActions.joined(separator: ",") + "}", RequestTracking.maximumTimelineEntries]
        )
        return try rows.map { row in
            let action: String = try row.decode("action")
            let details =
                (try? JSONDecoder().decode(
                    [String: JSONValue].self, from: Data(try row.decode("details", as: String.self).utf8))) ?? [:]
            let message: String? = try row.decode("message")
            let sector: String? =
                if case .string(let code) = details["sector"] { code } else { try row.decode("sector_code") }
            let stage: Int? =
                if case .number(let number) = details["stage"] { Int(number) } else { try row.decode("stage_no") }
            return TrackedRequest.Event(
                at: try row.decode("occurred_at"), event: action, stage: stage, sector: sector, message: message)
        }
    }

    private func name(_ row: PostgresRow, _ prefix: String) throws -> String {
        LocalizedText(
            ar: try row.decode("\(prefix)_ar"), fr: try row.decode("\(prefix)_fr"), en: try row.decode("\(prefix)_en")
        )
        .text(in: language)
    }
}
