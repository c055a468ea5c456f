import Foundation
import NafidhaContract
import Postgres

/// Moderation of a request's public texts (docs/open311.md, "Moderation"): a clerk or supervisor with the request in
/// scope hides, redacts or releases its description (public in the Open311 views) or one of its public notes (on
/// the citizen's timeline). Each moderation is a row with its reason and an audit event `moderated` naming it, in
/// one transaction; the original text stays for staff.
public struct RequestModeration: Sendable {
    /// The longest reason, in Unicode scalars (500).
    public static let maximumReasonLength = 500
    /// The longest redacted text (4000, as the texts it replaces).
    public static let maximumTextLength = 4000

    /// Where requests live.
    public let pool: PostgresPool
    /// The instant a moderation is made at (tests pin it).
    let clock: @Sendable () -> Date

    /// A moderation service over `pool`.
    public init(pool: PostgresPool, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.pool = pool
        self.clock = clock
    }

    /// Applies `body` to request `tracking` as `member`.
    /// - Throws: 403 `read_only_role` (auditors, admins); 404 `request_not_found` (unknown or out of scope),
    ///   `note_not_found`; 422 `validation_failed` naming `reason`, `text` (required by `redact` only) or `note`
    ///   (required by a note, refused for the description).
    public func moderate(tracking: String, _ body: Staff.ModerationBody, by member: StaffMember) throws
        -> Staff.Moderation
    {
        try member.requireActsOnTasks()
        let reason = try Self.checked(body.reason, as: .line, field: "reason", limit: Self.maximumReasonLength)
        var text: String?
        switch (body.action, body.text) {
        case (.redact, let given?):
            text = try Self.checked(given, as: .text, field: "text", limit: Self.maximumTextLength)
        case (.redact, nil): throw NafidhaError(.validationFailed, fields: ["text": .required])
        case (_, .some): throw NafidhaError(.validationFailed, fields: ["text": .unsupportedValue])
        case (_, nil): break
        }
        switch (body.target, body.note) {
        case (.note, nil): throw NafidhaError(.validationFailed, fields: ["note": .required])
        case (.description, .some): throw NafidhaError(.validationFailed, fields: ["note": .unsupportedValue])
        default: break
        }
        let now = clock()
        return try pool.withTransaction { connection in
            let rows = try connection.queryPrepared(
                """
                SELECT r.id, r.tracking_number, r.municipality_code,
                       array(SELECT DISTINCT t.sector_code FROM tasks t WHERE t.request_id = r.id) AS sectors
                  FROM requests r WHERE r.tracking_number = $1 FOR UPDATE
                """, [String(tracking.uppercased().prefix(64))])
            guard let row = rows.first else { throw NafidhaError(.requestNotFound) }
            let municipality: String = try row.decode("municipality_code")
            let sectors: [String] = try row.decode("sectors")
            guard sectors.contains(where: { member.canSee(municipality: municipality, sector: $0) }) else {
                throw NafidhaError(.requestNotFound)
            }
            let requestID: Int64 = try row.decode("id")
            let state = body.action.state
            if let note = body.note {
                let changed = try connection.executePrepared(
                    """
                    UPDATE request_messages SET moderation = $3, redacted_body = $4
                     WHERE id = $1 AND request_id = $2 AND kind = 'note' AND public
                    """, [note, requestID, state.rawValue, text])
                guard changed == 1 else { throw NafidhaError(.noteNotFound) }
            } else {
                try connection.executePrepared(
                    "UPDATE requests SET description_moderation = $2, description_redacted = $3 WHERE id = $1",
                    [requestID, state.rawValue, text])
            }
            let id: Int64 = try connection.queryPrepared(
                """
                INSERT INTO request_moderations (request_id, message_id, action, reason, staff, created_at)
                VALUES ($1, $2, $3, $4, $5, $6::timestamptz) RETURNING id
                """, [requestID, body.note, body.action.rawValue, reason, member.name, now]
            )[0].decode("id")
            var details: [String: JSONValue] = [
                "moderation_id": .number(Double(id)), "target": .string(body.target.rawValue),
                "action": .string(body.action.rawValue),
            ]
            if let note = body.note { details["message_id"] = .number(Double(note)) }
            _ = try AuditLog.append(
                on: connection, municipality: municipality, actorKind: member.actor.kind, actor: member.actor.id,
                action: .moderated, requestID: requestID, details: details)
            return Staff.Moderation(
                id: id, trackingNumber: try row.decode("tracking_number"), target: body.target, note: body.note,
                state: state, moderatedAt: now)
        }
    }

    /// `text` checked by the one text policy as `kind`, trimmed, required and within `limit` scalars.
    private static func checked(_ text: String, as kind: TextPolicy.Kind, field: String, limit: Int) throws -> String {
        switch TextPolicy.check(text, as: kind, limit: Int.max) {
        case .failure(let refusal):
            throw NafidhaError(.validationFailed, fields: [field: refusal.reason])
        case .success(let checked):
            let trimmed = checked.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw NafidhaError(.validationFailed, fields: [field: .required]) }
            guard trimmed.unicodeScalars.count <= limit else {
                throw NafidhaError(.validationFailed, fields: [field: .tooLong(maximum: limit)])
            }
            return trimmed
        }
    }
}
