/// The canonical bytes of an audit event (docs/audit.md, version `nafidha-audit-v1`), what `audit_event_bytes`
/// computes in SQL: ten fields, each a 4-byte big-endian length and that many bytes of UTF-8, NULL as `FF FF FF FF`.
/// The chain hashes them (`AuditExportedEvent`) and the signed log's leaves are their hash (`Decisions.Event`), so
/// they are written once, here.
enum AuditCanonicalBytes {
    /// The bytes of an event with these fields.
    static func of(
        municipalityCode: String, seq: Int64, occurredAt: String, actorKind: String, actor: String, action: String,
        requestID: Int64?, taskID: Int64?, details: String
    ) -> [UInt8] {
        let fields: [String?] = [
            "nafidha-audit-v1", municipalityCode, String(seq), occurredAt, actorKind, actor, action,
            requestID.map { String($0) }, taskID.map { String($0) }, details,
        ]
        var bytes: [UInt8] = []
        for field in fields {
            guard let field else {
                bytes += [0xFF, 0xFF, 0xFF, 0xFF]
                continue
            }
            let utf8 = Array(field.utf8)
            bytes += withUnsafeBytes(of: UInt32(utf8.count).bigEndian) { Array($0) } + utf8
        }
        return bytes
    }
}
