import Foundation
import NafidhaContract
import Postgres

/// The delivery workers' statements, each one round trip in autocommit on the dispatcher's own connection: claim
/// due notifications with what rendering needs, record attempts, give back what was claimed and not tried, publish
/// the feed, and dead-letter what no configured channel will ever send (docs/notifications.md, "Delivery").
struct DeliveryStore {
    let connection: PostgresConnection

    /// Claims up to `limit` due notifications of `channel`, oldest due first, and moves each past a lease of
    /// `lease` seconds: a worker that dies mid-delivery leaves them pending and due again when the lease ends.
    /// Rows locked by another server's claim are skipped (`SKIP LOCKED`), and a notification waits while an earlier
    /// one of the same request, channel and recipient is still pending, so each recipient hears in order.
    func claim(_ channel: NotificationChannel, limit: Int, lease: TimeInterval) throws -> [DeliveryJob] {
        let rows = try connection.queryPrepared(Self.claimStatement, [channel.rawValue, limit, lease])
        return try rows.map { try Self.job(from: $0) }
    }

    /// Records attempts and their notifications' new states, in one statement. A result whose notification was
    /// claimed again meanwhile (its lease ran out) records its attempt but changes the row only if it was sent.
    func record(_ results: [DeliveryResult]) throws {
        guard !results.isEmpty else { return }
        try connection.executePrepared(
            """
            WITH result AS (
                SELECT * FROM jsonb_to_recordset($1::jsonb)
                    AS r (id bigint, attempt integer, outcome text, state text, status_code integer, error text,
                          started_at timestamptz, finished_at timestamptz, next_attempt_at timestamptz)
            ), attempt AS (
                INSERT INTO notification_attempts (notification_id, attempt, started_at, finished_at, outcome,
                                                   status_code, error)
                SELECT id, attempt, started_at, finished_at, outcome, status_code, error FROM result
                ON CONFLICT DO NOTHING
            )
            UPDATE notifications n
               SET state = r.state, sent_at = CASE WHEN r.state = 'sent' THEN r.finished_at END,
                   body = CASE WHEN r.state = 'pending' THEN n.body END,
                   next_attempt_at = coalesce(r.next_attempt_at, n.next_attempt_at), last_status_code = r.status_code,
                   last_error = r.error
              FROM result r
             WHERE n.id = r.id AND n.state = 'pending' AND (n.attempts = r.attempt OR r.state = 'sent')
            """,
            [JSONValue.array(results.map(\.recordJSON)).canonicalText]
        )
    }

    /// Gives back claimed notifications that were never tried (a stopping server): due at once, the attempt not
    /// counted, unless they were claimed again meanwhile.
    func release(_ jobs: [DeliveryJob]) throws {
        guard !jobs.isEmpty else { return }
        try connection.executePrepared(
            """
            UPDATE notifications n SET attempts = n.attempts - 1, next_attempt_at = now()
              FROM unnest($1::bigint[], $2::bigint[]) AS r (id, attempt)
             WHERE n.id = r.id AND n.state = 'pending' AND n.attempts = r.attempt
            """,
            [jobs.map(\.id), jobs.map { Int64($0.attempt) }]
        )
    }

    /// Gives feed positions to up to `limit` committed events (`notification_publish_pending`); nil when another
    /// publisher holds the lock.
    func publish(limit: Int) throws -> Int? {
        try connection.queryPrepared("SELECT notification_publish_pending($1::int) AS published", [limit])[0]
            .decode("published")
    }

    /// Dead-letters pending notifications of channels outside `configured` whose retry window has passed: no
    /// server of this deployment sends them, and a message a day late is not worth sending. Returns how many.
    func expireUnconfigured(configured: [NotificationChannel]) throws -> Int {
        try connection.executePrepared(
            """
            UPDATE notifications SET state = 'dead', body = NULL,
                   last_error = 'the ' || channel || ' channel is not configured'
             WHERE state = 'pending' AND NOT (channel = ANY ($1::text[])) AND give_up_at <= now()
            """,
            [configured.map(\.rawValue)]
        )
    }

    private static let claimStatement = """
        WITH due AS (
            SELECT n.id FROM notifications n
             WHERE n.state = 'pending' AND n.channel = $1 AND n.next_attempt_at <= now()
               AND NOT EXISTS (
                       SELECT 1 FROM notifications p
                        WHERE p.request_id = n.request_id AND p.id < n.id AND p.state = 'pending'
                          AND p.channel = n.channel AND p.recipient IS NOT DISTINCT FROM n.recipient
                          AND p.webhook_id IS NOT DISTINCT FROM n.webhook_id)
             ORDER BY n.next_attempt_at, n.id
             LIMIT $2
               FOR UPDATE OF n SKIP LOCKED
        ), claimed AS (
            UPDATE notifications n
               SET attempts = n.attempts + 1, last_attempt_at = now(),
                   next_attempt_at = now() + make_interval(secs => $3::float8)
              FROM due WHERE n.id = due.id
            RETURNING n.id, n.message_id, n.event_id, n.channel, n.recipient, n.staff_id, n.webhook_id, n.language,
                      n.attempts, n.give_up_at, n.body
        )
        SELECT c.id, c.message_id, c.channel, c.recipient, c.staff_id IS NOT NULL AS to_staff, c.language, c.webhook_id,
               c.attempts, c.give_up_at, c.body, e.id AS event_id, e.type, e.occurred_at,
               (e.data || jsonb_build_object('event_id', e.id))::text AS data, coalesce(r.arabic_digits, false)
               AS arabic_digits,
               s.name_ar AS service_ar, s.name_fr AS service_fr, s.name_en AS service_en,
               m.name_ar AS municipality_ar, m.name_fr AS municipality_fr, m.name_en AS municipality_en,
               se.name_ar AS sector_ar, se.name_fr AS sector_fr, se.name_en AS sector_en,
               coalesce(co.time_zone, 'UTC') AS time_zone,
               msg.body AS message_text, w.url AS webhook_url, w.secret AS webhook_secret,
               w.include_personal_data,
               CASE WHEN w.include_personal_data THEN r.applicant_name END AS applicant_name,
               CASE WHEN w.include_personal_data THEN r.applicant_national_id END AS applicant_national_id,
               CASE WHEN w.include_personal_data THEN r.applicant_phone END AS applicant_phone,
               CASE WHEN w.include_personal_data THEN r.applicant_email END AS applicant_email
          FROM claimed c
          -- A sign-in code's SMS has no event (docs/citizens.md): it carries its text, `body`.
          LEFT JOIN notification_events e ON e.id = c.event_id
          LEFT JOIN requests r ON r.id = e.request_id
          LEFT JOIN services s ON s.code = r.service_code
          LEFT JOIN municipalities m ON m.code = r.municipality_code
          LEFT JOIN countries co ON co.code = m.country_code
          LEFT JOIN sectors se ON se.code = e.data #>> '{task,sector}'
          LEFT JOIN request_messages msg ON msg.id = e.message_id
          LEFT JOIN webhooks w ON w.id = c.webhook_id
         ORDER BY c.id
        """

    /// A claimed row as a job.
    private static func job(from row: PostgresRow) throws -> DeliveryJob {
        let channel = NotificationChannel(rawValue: try row.decode("channel")) ?? .sms
        var event: Events.Event?
        if let eventID: Int64 = try row.decode("event_id") {
            event = Events.Event(
                id: eventID, type: try NotificationEventType.decoded(from: row),
                timestamp: try row.decode("occurred_at"),
                data: try ContractJSON.decode(
                    Events.EventData.self, from: Array(try row.decode("data", as: String.self).utf8)))
        }
        func names(_ prefix: String) throws -> LocalizedText? {
            guard let ar: String = try row.decode(prefix + "_ar") else { return nil }
            return LocalizedText(ar: ar, fr: try row.decode(prefix + "_fr"), en: try row.decode(prefix + "_en"))
        }
        var applicant: Events.Applicant?
        if let name: String = try row.decode("applicant_name") {
            applicant = Events.Applicant(
                name: name, nationalID: try row.decode("applicant_national_id"),
                phone: try row.decode("applicant_phone"), email: try row.decode("applicant_email"))
        }
        var webhook: DeliveryJob.Webhook?
        if let url: String = try row.decode("webhook_url") {
            webhook = DeliveryJob.Webhook(
                id: try row.decode("webhook_id"), url: url, secret: try row.decode("webhook_secret"),
                includesPersonalData: try row.decode("include_personal_data"))
        }
        return DeliveryJob(
            id: try row.decode("id"), messageID: try row.decode("message_id"), channel: channel,
            recipient: try row.decode("recipient"), toStaff: try row.decode("to_staff"),
            language: Language(rawValue: try row.decode("language")) ?? .fallback, attempt: try row.decode("attempts"),
            giveUpAt: try row.decode("give_up_at"),
            event: event, arabicDigits: try row.decode("arabic_digits"),
            names: DeliveryJob.Names(
                service: try names("service") ?? LocalizedText(ar: "", fr: "", en: ""),
                municipality: try names("municipality") ?? LocalizedText(ar: "", fr: "", en: ""),
                sector: try names("sector")),
            timeZone: try row.decode("time_zone"), messageText: try row.decode("message_text"), applicant: applicant,
            webhook: webhook, text: try row.decode("body"))
    }
}
