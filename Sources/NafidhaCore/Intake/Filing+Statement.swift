import Foundation
import NafidhaContract
import Postgres

extension Filing {
    /// What the statement did.
    enum Outcome {
        /// The request, its tasks and its audit events are stored.
        case inserted
        /// Nothing is stored: the catalog is no longer at the filing's version, or the Idempotency-Key already
        /// names a request. `catalogVersion` is the catalog's version as the statement saw it.
        case nothingInserted(catalogVersion: Int64)
        /// Nothing is stored: some uploads the submission names could not be attached; `attachable` holds the
        /// hashes of those that could (`Filing+Documents.swift`).
        case documentsUnavailable(catalogVersion: Int64, attachable: Set<String>)
    }

    /// Stores the request, one task per workflow step, the audit events (`submitted` — by the citizen, or by the
    /// staff member who filed at the counter — then `task_opened` per opened step) and the `request.submitted` notification event with its messages (the citizen's SMS and e-mail
    /// as chosen, one delivery per matching webhook: docs/notifications.md) in one statement, in autocommit: it is
    /// its own transaction, all or nothing.
    ///
    /// The request is inserted only while `catalog_version` still equals the version this filing was validated
    /// against, and only if no request has its Idempotency-Key yet (`ON CONFLICT DO NOTHING`, which also waits
    /// for a concurrent insert of the same key to commit); the tasks and events are made from the inserted request,
    /// so without it nothing is stored. The audit events are plain inserts (migration 0008): their foreign keys to
    /// the request and tasks of this same statement are checked when it ends.
    /// - Throws: `PostgresError`; a unique violation means the tracking number was taken.
    func insert(on connection: PostgresConnection) throws -> Outcome {
        let row = try connection.queryPrepared(Self.statement, parameters + documentParameters)[0]
        if try row.decode("request_id", as: Int64?.self) != nil { return .inserted }
        let attachable: [String] = try row.decode("documents_attachable")
        if attachable.count != documents.choices.count {
            return .documentsUnavailable(catalogVersion: try row.decode("catalog_version"), attachable: Set(attachable))
        }
        return .nothingInserted(catalogVersion: try row.decode("catalog_version"))
    }

    private static let statement = """
        WITH \(documentLockCTE), request AS (
            INSERT INTO requests (tracking_number, access_token_hash, service_code, municipality_code, applicant_name,
                                  applicant_national_id, applicant_phone, applicant_email, fields, description,
                                  status, channel, submitted_at, due_at, workflow, idempotency_key, request_hash,
                                  idempotency_token_cipher, idempotency_receipt, api_key_id, media_url, language,
                                  notify_sms, notify_email, arabic_digits, description_moderation)
            SELECT $1::text, $2::bytea, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text, $9::jsonb,
                   $10::text, $34::text, $11::text, $12::timestamptz, $13::timestamptz, $14::jsonb, $15::text,
                   $16::bytea, $17::bytea, $18::text, $19::bigint, $20::text, $24::text, $25::boolean, $26::boolean,
                   $27::boolean, CASE WHEN $33::boolean THEN 'held' ELSE 'public' END
             WHERE (SELECT version FROM catalog_version) = $21::bigint
               AND (SELECT count(*) FROM document) = $37::bigint
            ON CONFLICT (idempotency_key) DO NOTHING
            RETURNING id, municipality_code, tracking_number
        ), step AS (
            SELECT * FROM jsonb_to_recordset($22::jsonb)
                AS s (stage integer, step integer, sector text, office text, status text, sla_days integer,
                      due_at timestamptz, opened_event jsonb)
        ), task AS (
            INSERT INTO tasks (request_id, stage_no, step_no, municipality_code, sector_code, office_code, status,
                               sla_days, opened_at, due_at)
            SELECT r.id, s.stage, s.step, r.municipality_code, s.sector, s.office, s.status, s.sla_days,
                   CASE WHEN s.status = 'open' THEN $12::timestamptz END, s.due_at
              FROM request r CROSS JOIN step s
            RETURNING id, stage_no, step_no
        ), event AS (
            -- One INSERT, in the order the trail tells it: submitted, then the opened steps in stage and step order.
            INSERT INTO audit_events (municipality_code, actor_kind, actor, action, request_id, task_id, details)
            SELECT r.municipality_code, e.actor_kind, e.actor, e.action, r.id, e.task_id,
                   audit_canonical_json(e.details)
              FROM request r CROSS JOIN LATERAL (
                       SELECT 0 AS stage, 0 AS step, $31::text AS actor_kind,
                              coalesce($32::text, r.tracking_number) AS actor, 'submitted' AS action,
                              NULL::bigint AS task_id, $23::jsonb AS details
                       UNION ALL
                       SELECT t.stage_no, t.step_no, 'system', 'nafidha', 'task_opened', t.id, s.opened_event
                         FROM task t JOIN step s ON s.stage = t.stage_no AND s.step = t.step_no
                        WHERE s.opened_event IS NOT NULL
                   ) e
             ORDER BY e.stage, e.step
            RETURNING id
        ), notice AS (
            -- The outbox (docs/notifications.md): sent after commit by the delivery workers, never here.
            INSERT INTO notification_events (type, request_id, municipality_code, sectors, occurred_at, data)
            SELECT 'request.submitted', r.id, r.municipality_code, $28::text[], $12::timestamptz, $29::jsonb
              FROM request r
            RETURNING id, type, request_id, municipality_code, sectors
        ), citizen AS (
            INSERT INTO notifications (event_id, request_id, channel, recipient, language, created_at,
                                       next_attempt_at, give_up_at)
            SELECT n.id, n.request_id, c.channel, c.recipient, $24::text, now(), now(),
                   now() + make_interval(secs => $30::float8)
              FROM notice n CROSS JOIN (VALUES ('sms', $7::text, $25::boolean), ('email', $8::text, $26::boolean))
                   AS c (channel, recipient, wanted)
             WHERE c.wanted
        ), subscriber AS (
            INSERT INTO notifications (event_id, request_id, channel, webhook_id, language, created_at,
                                       next_attempt_at, give_up_at)
            SELECT n.id, n.request_id, 'webhook', w.id, 'en', now(), now(), now() + make_interval(secs => $30::float8)
              FROM notice n CROSS JOIN LATERAL notification_subscribers(n.type, n.municipality_code, n.sectors) w
             ORDER BY w.id
        ),
        -- ----- payments (docs/payments.md): the request's bill and its `bill_created` event, when $35 names one.
        bill AS (
            INSERT INTO bills (number, request_id, municipality_code, amount_minor, currency, created_at, due_at)
            SELECT b.number, r.id, r.municipality_code, b.amount_minor, b.currency, $12::timestamptz, b.due_at
              FROM request r
             CROSS JOIN jsonb_to_record($35::jsonb) AS b (number text, amount_minor bigint, currency text,
                                                          due_at timestamptz)
             WHERE $35::jsonb IS NOT NULL
            RETURNING request_id, municipality_code, number, amount_minor, currency, due_at
        ), bill_event AS (
            -- After the `event` CTE's events: reading them all makes that insert complete first, so the trail
            -- tells `submitted`, then `bill_created`.
            INSERT INTO audit_events (municipality_code, actor_kind, actor, action, request_id, task_id, details)
            SELECT b.municipality_code, 'system', 'nafidha', 'bill_created', b.request_id, NULL,
                   audit_canonical_json(jsonb_build_object(
                       'bill', b.number, 'amount_minor', b.amount_minor::text, 'currency', b.currency,
                       'due_at', to_char(b.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')))
              FROM bill b CROSS JOIN (SELECT count(*) FROM event) AS submitted
        )
        -- ----- end of payments
        , \(documentAttachCTEs)
        SELECT (SELECT id FROM request) AS request_id, (SELECT version FROM catalog_version) AS catalog_version,
               ARRAY(SELECT upload FROM document) AS documents_attachable
        """

    private var parameters: [(any PostgresEncodable)?] {
        [
            receipt.trackingNumber, tokenHash, valid.service, valid.municipality, valid.name, valid.nationalID,
            valid.phone, valid.email, JSONValue.object(valid.fields).canonicalText, valid.description,
            receipt.channel.rawValue, receipt.submittedAt, receipt.dueAt, workflow.jsonText,
            idempotency?.record.keyDigest,
            idempotency?.record.bodyHash, idempotency?.sealed.tokenCipher, idempotency?.sealed.receiptText,
            application?.apiKeyID, application?.mediaURL, catalogVersion, stepsText,
            submittedDetails.canonicalText,
            language.rawValue, valid.notifySMS, valid.notifyEmail, valid.arabicDigits,
            Array(Set(receipt.steps.map(\.sector))).sorted(), noticeData, NotificationOutbox.retryWindow,
            (clerk == nil ? ActorKind.citizen : .clerk).rawValue, clerk,
            descriptionHeld,
            receipt.status.rawValue, billText,
        ]
    }

    /// The `submitted` event's details: no personal data. Filed at the counter, the event's actor is the staff
    /// member, and the details say who filed for whom: the clerk for the request's citizen, whom the trail names by
    /// the tracking number.
    private var submittedDetails: JSONValue {
        var details: [String: JSONValue] = [
            "service": .string(valid.service), "channel": .string(receipt.channel.rawValue),
        ]
        if let clerk {
            details["filed_by"] = .string(clerk)
            details["filed_for"] = .string(receipt.trackingNumber)
        }
        return .object(details)
    }

    /// The `request.submitted` event's data (no personal data: docs/notifications.md).
    private var noticeData: String {
        var data = NotificationEvent.requestData(
            tracking: receipt.trackingNumber, municipality: valid.municipality, service: valid.service,
            status: receipt.status, previous: nil)
        data["channel"] = .string(receipt.channel.rawValue)
        return JSONValue.object(data).canonicalText
    }

    /// The steps as one JSON array for `jsonb_to_recordset`, so one parameter carries any number of them; each
    /// opened step carries the details of its `task_opened` event.
    private var stepsText: String {
        // The receipt lists the workflow's steps in the same order, one entry each.
        JSONValue.array(
            zip(receipt.steps, workflow.stages.flatMap(\.steps)).map { step, resolved in
                let opened: JSONValue =
                    step.status == .open
                    ? .object([
                        "sector": .string(step.sector), "office": .string(step.office),
                        "stage": .number(Double(step.stage)), "step": .number(Double(step.step)),
                    ]) : .null
                return .object([
                    "stage": .number(Double(step.stage)), "step": .number(Double(step.step)),
                    "sector": .string(step.sector), "office": .string(step.office),
                    "status": .string(step.status.rawValue),
                    "sla_days": .number(Double(resolved.slaDays)),
                    "due_at": step.dueAt.map { .string(ResolvedWorkflow.timestampText($0)) } ?? .null,
                    "opened_event": opened,
                ])
            }
        ).canonicalText
    }
}
