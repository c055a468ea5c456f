/// One event as an export file holds it: the hashed fields verbatim, the hashes in hexadecimal.
public struct ExportedAuditEvent: Sendable, Equatable, Decodable {
    /// The event's id in the database.
    public var id: Int64
    /// Its municipality (the chain it belongs to).
    public var municipalityCode: String
    /// Its position in the chain.
    public var seq: Int64
    /// When it joined the chain, 27 characters of UTC.
    public var occurredAt: String
    /// `citizen`, `clerk`, `auditor` or `system`.
    public var actorKind: String
    /// Who acted.
    public var actor: String
    /// What was done.
    public var action: String
    /// The request concerned, if any.
    public var requestID: Int64?
    /// The step concerned, if any.
    public var taskID: Int64?
    /// The canonical JSON text that was hashed.
    public var details: String
    /// The previous event's hash, hexadecimal.
    public var prevHash: String
    /// This event's hash, hexadecimal.
    public var hash: String

    enum CodingKeys: String, CodingKey {
        case id, municipalityCode = "municipality_code", seq, occurredAt = "occurred_at", actorKind = "actor_kind"
        case actor, action, requestID = "request_id", taskID = "task_id", details, prevHash = "prev_hash", hash
    }

    /// The canonical bytes of version `nafidha-audit-v1` (docs/audit.md): ten length-prefixed UTF-8 fields.
    public var canonicalBytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(96 + actor.utf8.count + details.utf8.count)
        let fields: [String?] = [
            "nafidha-audit-v1", municipalityCode, String(seq), occurredAt, actorKind, actor, action,
            requestID.map { String($0) }, taskID.map { String($0) }, details,
        ]
        for field in fields {
            guard let field else {
                out.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF])
                continue
            }
            let length = UInt32(field.utf8.count)
            out.append(contentsOf: [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)])
            out.append(contentsOf: field.utf8)
        }
        return out
    }
}
