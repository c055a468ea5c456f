import Foundation
import NafidhaContract
import Postgres

/// Integrators' webhook subscriptions, for `nafidha admin` (docs/notifications.md, "Webhooks"): create (the secret is
/// shown once), list, delete. A subscription that includes personal data is recorded in the audit trail of every
/// municipality it covers, when created and when deleted.
public struct WebhookRegistry: Sendable {
    /// A subscription just created, with the only copy of its secret outside the database.
    public struct Created: Sendable {
        /// The subscription.
        public var webhook: Webhook
        /// Its secret, `whsec_…`.
        public var secret: WebhookSecret
    }

    /// The actor the audit trail names for `nafidha admin`'s webhook changes.
    static let adminActor = Actor(kind: .system, id: "nafidha-admin")

    let pool: PostgresPool

    /// A registry over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Creates a subscription to `url` (`http://` or `https://`), filtered by event types, municipalities and
    /// sectors (empty: all).
    /// - Throws: `invalid_webhook` naming what is wrong.
    public func create(
        url: String, eventTypes: [String], municipalities: [String], sectors: [String], includePersonalData: Bool
    ) throws -> Created {
        let parsed: OutgoingURL
        do {
            parsed = try OutgoingURL(url)
        } catch {
            throw Self.invalid(.invalidURL(error.reason))
        }
        var types: [NotificationEventType] = []
        for name in eventTypes {
            guard let type = NotificationEventType(rawValue: name) else {
                throw Self.invalid(.unknownEventType(name))
            }
            if !types.contains(type) { types.append(type) }
        }
        let municipalities = Array(Set(municipalities)).sorted()
        let sectors = Array(Set(sectors)).sorted()
        let secret = WebhookSecret.generate()
        let webhook = try pool.withTransaction { connection in
            try Self.requireKnown(municipalities, table: "municipalities", on: connection) { .unknownMunicipality($0) }
            try Self.requireKnown(sectors, table: "sectors", on: connection) { .unknownSector($0) }
            let webhook = try Webhook(
                row: connection.queryPrepared(
                    """
                    INSERT INTO webhooks (url, secret, event_types, municipalities, sectors, include_personal_data)
                    VALUES ($1, $2, $3::text[], $4::text[], $5::text[], $6) RETURNING \(Webhook.columns)
                    """,
                    [url, secret.bytes, types.map(\.rawValue), municipalities, sectors, includePersonalData]
                )[0])
            if includePersonalData { try Self.audit(.webhookCreated, webhook, host: parsed.host, on: connection) }
            return webhook
        }
        return Created(webhook: webhook, secret: secret)
    }

    /// The active subscriptions, by id.
    public func list() throws -> [Webhook] {
        try pool.withConnection { connection in
            try connection.queryPrepared(
                "SELECT \(Webhook.columns) FROM webhooks WHERE deleted_at IS NULL ORDER BY id"
            ).map { try Webhook(row: $0) }
        }
    }

    /// Deletes subscription `id`: nothing more is delivered to it, and its pending deliveries are dead-lettered. It
    /// stays in the database, so its deliveries keep their history. Returns how many deliveries were given up.
    /// - Throws: `webhook_not_found` for an unknown or already deleted subscription.
    @discardableResult
    public func delete(id: Int64) throws -> Int {
        try pool.withTransaction { connection in
            let rows = try connection.queryPrepared(
                """
                UPDATE webhooks SET deleted_at = now() WHERE id = $1 AND deleted_at IS NULL
                RETURNING \(Webhook.columns)
                """,
                [id])
            guard let row = rows.first else {
                throw NafidhaError(.webhookNotFound)
            }
            let webhook = try Webhook(row: row)
            if webhook.includesPersonalData {
                try Self.audit(
                    .webhookDeleted, webhook, host: (try? OutgoingURL(webhook.url).host) ?? "", on: connection)
            }
            return try connection.executePrepared(
                """
                UPDATE notifications SET state = 'dead', last_error = 'the webhook was deleted'
                 WHERE webhook_id = $1 AND state = 'pending'
                """,
                [id])
        }
    }

    /// One audit event per municipality the subscription covers (every municipality when it names none): who
    /// receives personal data of that municipality's requests.
    private static func audit(
        _ action: AuditAction, _ webhook: Webhook, host: String, on connection: PostgresConnection
    ) throws {
        let covered =
            webhook.municipalities.isEmpty
            ? try connection.queryPrepared("SELECT code FROM municipalities ORDER BY code").map {
                try $0.decode("code", as: String.self)
            } : webhook.municipalities
        for municipality in covered {
            try AuditLog.append(
                on: connection, municipality: municipality, actorKind: adminActor.kind, actor: adminActor.id,
                action: action, requestID: nil,
                details: [
                    "webhook": .number(Double(webhook.id)), "host": .string(host), "include_personal_data": .bool(true),
                    "event_types": .array(webhook.eventTypes.map { .string($0.rawValue) }),
                    "sectors": .array(webhook.sectors.map(JSONValue.string)),
                ])
        }
    }

    /// Refuses codes `table` does not hold.
    private static func requireKnown(
        _ codes: [String], table: String, on connection: PostgresConnection, problem: (String) -> WebhookProblem
    ) throws {
        guard !codes.isEmpty else { return }
        // `table` is one of two literals chosen above, never input.
        let known = Set(
            try connection.queryPrepared("SELECT code FROM \(table) WHERE code = ANY ($1::text[])", [codes]).map {
                try $0.decode("code", as: String.self)
            })
        if let unknown = codes.first(where: { !known.contains($0) }) {
            throw invalid(problem(unknown))
        }
    }

    /// `invalid_webhook`, saying what is wrong.
    static func invalid(_ problem: WebhookProblem) -> NafidhaError {
        NafidhaError(.invalidWebhook, message: ErrorCode.Message.invalidWebhook(problem))
    }
}
