import Foundation
import NafidhaContract
import Postgres

/// Writes events and the messages they cause, inside the transaction of the change they report (the transactional
/// outbox of docs/notifications.md), in one statement: the events, then per event the citizen's SMS and e-mail (as
/// the request's choices say), the staff's for task events (the task's assignee, or the supervisors of its
/// municipality) and one delivery per matching webhook subscription. Nothing is sent here: the delivery workers
/// claim the rows after commit.
enum NotificationOutbox {
    /// How long a notification is retried before it is dead-lettered (24 h from its creation or redelivery).
    static let retryWindow: TimeInterval = 24 * 3600

    /// Writes `events` about request `requestID` of `municipality`, which happened at `occurredAt`.
    static func write(
        _ events: [NotificationEvent], requestID: Int64, municipality: String, occurredAt: Date,
        on connection: PostgresConnection
    ) throws {
        guard !events.isEmpty else { return }
        try connection.executePrepared(
            """
            WITH event AS (
                INSERT INTO notification_events (type, request_id, task_id, message_id, municipality_code, sectors,
                                                 occurred_at, data)
                SELECT x.type, $1::bigint, x.task_id, x.message_id, $2::text, x.sectors, $3::timestamptz, x.data
                  FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS a (item, n)
                 CROSS JOIN LATERAL jsonb_to_record(a.item)
                       AS x (type text, task_id bigint, message_id bigint, sectors text[], data jsonb)
                 ORDER BY a.n
                RETURNING id, type, request_id, task_id, municipality_code, sectors
            )
            \(fanOut(retryWindowParameter: "$5"))
            SELECT 1
            """,
            [requestID, municipality, occurredAt, JSONValue.array(events.map(\.recordJSON)).canonicalText, retryWindow]
        )
    }

    /// The data-modifying CTEs that follow a CTE `event` (`id`, `type`, `request_id`, `task_id`,
    /// `municipality_code`, `sectors` of the events just inserted) and write their notifications; the retry window
    /// is the parameter named, in seconds. Each notification is due at once.
    static func fanOut(retryWindowParameter window: String) -> String {
        """
        , citizen AS (
            INSERT INTO notifications (event_id, request_id, channel, recipient, language, created_at, next_attempt_at,
                                       give_up_at)
            SELECT e.id, e.request_id, c.channel, c.recipient, r.language, now(), now(),
                   now() + make_interval(secs => \(window)::float8)
              FROM event e JOIN requests r ON r.id = e.request_id
             CROSS JOIN LATERAL (VALUES ('sms', r.applicant_phone, r.notify_sms),
                                        ('email', r.applicant_email, r.notify_email)) AS c (channel, recipient, wanted)
             WHERE e.type LIKE 'request.%' AND c.wanted
             ORDER BY e.id, c.channel DESC
        ), staff_member AS (
            INSERT INTO notifications (event_id, request_id, channel, recipient, staff_id, language, created_at,
                                       next_attempt_at, give_up_at)
            SELECT e.id, e.request_id, c.channel, c.recipient, s.id, s.language, now(), now(),
                   now() + make_interval(secs => \(window)::float8)
              FROM event e JOIN tasks t ON t.id = e.task_id
              JOIN staff s ON s.active AND CASE
                       WHEN e.type = 'task.deadline_approaching' AND t.status = 'claimed' THEN s.name = t.assignee
                       ELSE s.role = 'supervisor' AND EXISTS (
                                SELECT 1 FROM staff_municipalities m
                                 WHERE m.staff_id = s.id AND m.municipality_code = e.municipality_code)
                   END
             CROSS JOIN LATERAL (VALUES ('sms', s.phone), ('email', s.email)) AS c (channel, recipient)
             WHERE e.type LIKE 'task.%' AND c.recipient IS NOT NULL
             ORDER BY e.id, s.id, c.channel DESC
        ), subscriber AS (
            INSERT INTO notifications (event_id, request_id, channel, webhook_id, language, created_at, next_attempt_at,
                                       give_up_at)
            SELECT e.id, e.request_id, 'webhook', w.id, 'en', now(), now(),
                   now() + make_interval(secs => \(window)::float8)
              FROM event e CROSS JOIN LATERAL notification_subscribers(e.type, e.municipality_code, e.sectors) w
             ORDER BY e.id, w.id
        )
        """
    }
}
