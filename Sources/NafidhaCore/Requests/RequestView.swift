import Foundation
import NafidhaContract
import Postgres

/// Reads what a citizen sees of a request — the request, its steps and its public timeline, names in one
/// language — in one statement that also checks the access token: the steps and the timeline come back as two JSON
/// arrays built by PostgreSQL, decoded here into the contract's `Tracking.Request`.
struct RequestView {
    let connection: PostgresConnection
    let language: Language

    /// The audit actions a citizen may see. Cancellations count only when the citizen cancelled: the cascade that
    /// follows a rejection is the system's bookkeeping.
    private static let publicActions: [AuditAction] = [
        .submitted, .taskOpened, .approved, .rejected, .informationRequested, .citizenReplied, .cancelled, .noteAdded,
        .appealed, .appealUpheld, .appealGranted,
    ]

    /// The request numbered `tracking` if its access token's SHA-256 is `tokenHash`, or if `tokenHash` is a live
    /// citizen session's of the applicant's phone (docs/citizens.md), else nil: an unknown number and a wrong token
    /// both cost one index lookup and find nothing.
    func load(tracking: String, tokenHash: [UInt8]) throws -> Tracking.Request? {
        let rows = try connection.queryPrepared(
            Self.statement,
            [
                tracking, tokenHash, language.rawValue, Self.publicActions.map(\.rawValue),
                RequestTracking.maximumTimelineEntries,
            ]
        )
        guard let row = rows.first else { return nil }
        guard let status = RequestStatus(rawValue: try row.decode("status")) else {
            throw NafidhaError(.unknownRequestStatus)
        }
        return Tracking.Request(
            trackingNumber: try row.decode("tracking_number"), status: status,
            service: try row.decode("service_code"), serviceName: try row.decode("service_name"),
            municipality: try row.decode("municipality_code"), municipalityName: try row.decode("municipality_name"),
            submittedAt: try row.decode("submitted_at"), dueAt: try row.decode("due_at"),
            closedAt: try row.decode("closed_at"),
            steps: try Self.decoder.decode([StepEntry].self, from: Data(try row.decode("steps", as: String.self).utf8))
                .map { try $0.trackedStep },
            timeline: try Self.decoder.decode(
                [EventEntry].self, from: Data(try row.decode("timeline", as: String.self).utf8)
            ).map { try $0.trackedEvent },
            bill: try Self.bill(from: row)
        )
    }

    // Instants travel as whole microseconds since 1970 (`micros`), read back exactly as a timestamp column is.
    // The timeline is ordered by occurred_at then id, not by the chain's seq: an event may wait unchained for a
    // moment, while the order it happened in is known at once.
    private static let statement = """
        SELECT r.tracking_number, r.status, r.service_code, r.municipality_code, r.submitted_at, r.due_at,
               r.closed_at, b.number AS bill_number, b.status AS bill_status, b.amount_minor AS bill_amount_minor,
               b.currency AS bill_currency, b.due_at AS bill_due_at, b.paid_at AS bill_paid_at,
               CASE $3::text WHEN 'ar' THEN s.name_ar WHEN 'fr' THEN s.name_fr ELSE s.name_en END AS service_name,
               CASE $3::text WHEN 'ar' THEN m.name_ar WHEN 'fr' THEN m.name_fr ELSE m.name_en END AS municipality_name,
               (SELECT coalesce(json_agg(json_build_object(
                           'stage', t.stage_no, 'sector', t.sector_code,
                           'sector_name', CASE $3::text WHEN 'ar' THEN c.name_ar WHEN 'fr' THEN c.name_fr
                                                       ELSE c.name_en END,
                           'office', t.office_code,
                           'office_name', CASE $3::text WHEN 'ar' THEN o.name_ar WHEN 'fr' THEN o.name_fr
                                                       ELSE o.name_en END,
                           'status', t.status, 'due_micros', (extract(epoch FROM t.due_at) * 1000000)::int8)
                         ORDER BY t.stage_no, t.step_no), '[]')
                  FROM tasks t JOIN sectors c ON c.code = t.sector_code JOIN offices o ON o.code = t.office_code
                 WHERE t.request_id = r.id)::text AS steps,
               (SELECT coalesce(json_agg(json_build_object(
                           'at_micros', x.at_micros, 'event', x.action, 'stage', x.stage, 'sector', x.sector,
                           'message', x.message)
                         ORDER BY x.occurred_at, x.id), '[]')
                  FROM (SELECT e.id, e.occurred_at, (extract(epoch FROM e.occurred_at) * 1000000)::int8 AS at_micros,
                               e.action,
                               CASE WHEN jsonb_typeof(d.details -> 'stage') = 'number'
                                    THEN trunc((d.details ->> 'stage')::numeric)::int ELSE t.stage_no END AS stage,
                               CASE WHEN jsonb_typeof(d.details -> 'sector') = 'string'
                                    THEN d.details ->> 'sector' ELSE t.sector_code END AS sector,
                               CASE WHEN n.moderation = 'redacted' THEN n.redacted_body ELSE n.body END AS message
                          FROM audit_events e
                          CROSS JOIN LATERAL (SELECT e.details::jsonb AS details) d
                          LEFT JOIN tasks t ON t.id = e.task_id
                          LEFT JOIN request_messages n
                            ON n.id = (d.details ->> 'message_id')::bigint AND n.request_id = e.request_id AND n.public
                           AND n.moderation <> 'hidden'
                         WHERE e.request_id = r.id AND e.action = ANY($4::text[])
                           AND NOT (e.action = 'cancelled' AND e.actor_kind <> 'citizen')
                           AND NOT (e.action = 'note_added' AND n.id IS NULL)
                         ORDER BY e.occurred_at, e.id LIMIT $5) x)::text AS timeline
          FROM requests r JOIN services s ON s.code = r.service_code JOIN municipalities m ON m.code = r.municipality_code
          LEFT JOIN bills b ON b.request_id = r.id
         WHERE r.tracking_number = $1
           AND (r.access_token_hash = $2
                OR EXISTS (SELECT 1 FROM citizen_sessions cs
                            WHERE cs.token_hash = $2 AND cs.phone = r.applicant_phone AND cs.revoked_at IS NULL
                              AND cs.expires_at > now()))
        """

    private static let decoder = JSONDecoder()

    /// One element of the `steps` array.
    private struct StepEntry: Decodable {
        var stage: Int
        var sector: String
        var sectorName: String
        var office: String
        var officeName: String
        var status: String
        var dueMicros: Int64?

        enum CodingKeys: String, CodingKey {
            case stage, sector, office, status
            case sectorName = "sector_name"
            case officeName = "office_name"
            case dueMicros = "due_micros"
        }

        var trackedStep: Tracking.Request.Step {
            get throws {
                guard let status = TaskStatus(rawValue: status) else {
                    throw NafidhaError(.unknownTaskStatus)
                }
                return Tracking.Request.Step(
                    stage: stage, sector: sector, sectorName: sectorName, office: office, officeName: officeName,
                    status: status, dueAt: dueMicros.map(RequestView.date(microseconds:))
                )
            }
        }
    }

    /// One element of the `timeline` array.
    private struct EventEntry: Decodable {
        var atMicros: Int64
        var event: String
        var stage: Int?
        var sector: String?
        var message: String?

        enum CodingKeys: String, CodingKey {
            case event, stage, sector, message
            case atMicros = "at_micros"
        }

        var trackedEvent: Tracking.Request.Event {
            get throws {
                guard let action = AuditAction(rawValue: event) else { throw NafidhaError(.storedDataInvalid) }
                return Tracking.Request.Event(
                    at: RequestView.date(microseconds: atMicros), event: action, stage: stage, sector: sector,
                    message: message)
            }
        }
    }

    /// The instant `microseconds` after 1970, computed as the timestamp decoder computes it (whole seconds plus
    /// the fraction), so the same instant read either way is the same `Date`.
    static func date(microseconds: Int64) -> Date {
        let (seconds, fraction) = microseconds.quotientAndRemainder(dividingBy: 1_000_000)
        let (whole, part) = fraction < 0 ? (seconds - 1, fraction + 1_000_000) : (seconds, fraction)
        return Date(timeIntervalSince1970: Double(whole) + Double(part) / 1_000_000)
    }
}
