import Foundation
import NafidhaContract
import Postgres
import Transparency

/// Documents handed in with a citizen's reply (docs/documents.md, "Replies"): attached in the reply's transaction,
/// each recorded as a `document_attached` audit event.
extension WorkflowTransaction {
    /// Attaches the uploads `references` names to the request, each as the service's document of its `type`: an
    /// upload must be complete, unexpired, unattached, and of a media type and size that document accepts.
    /// - Throws: 422 `validation_failed` with `documents` (more than `Documents.maximumPerSubmission`) or
    ///   `documents.CODE` (`upload_unavailable` for an upload that cannot be attached as that type); nothing of
    ///   the reply is stored then.
    mutating func attachDocuments(_ references: [Documents.Reference], by actor: Actor) throws {
        guard !references.isEmpty else { return }
        guard references.count <= Documents.maximumPerSubmission else {
            throw NafidhaError(
                .validationFailed, fields: ["documents": .tooMany(maximum: Documents.maximumPerSubmission)])
        }
        let hashes = references.map { Hex.encode(AccessToken(text: $0.uploadID).hash) }
        let json = JSONValue.array(
            zip(references, hashes).map { reference, hash in
                .object(["type": .string(reference.type), "upload": .string(hash)])
            }
        ).canonicalText
        let rows = try connection.queryPrepared(
            """
            WITH document AS (
                SELECT u.id, d.type
                  FROM jsonb_to_recordset($2::jsonb) AS d (type text, upload text)
                  JOIN uploads u ON u.secret_hash = decode(d.upload, 'hex')
                  JOIN service_documents s ON s.service_code = $3 AND s.code = d.type
                 WHERE u.state = 'complete' AND u.request_id IS NULL AND u.expires_at > now()
                   AND u.media_type = ANY (s.media_types) AND u.size <= s.max_bytes
                   FOR UPDATE OF u
            )
            UPDATE uploads u SET request_id = $1, document_type = d.type, attached_at = $4
              FROM document d
             WHERE u.id = d.id
            RETURNING u.id, u.document_type, u.size, u.media_type, encode(u.sha256, 'hex') AS sha256,
                      encode(u.secret_hash, 'hex') AS upload
            """,
            [request.id, json, request.service, now])
        let documents = try rows.map { row -> (id: Int64, upload: String, details: [String: JSONValue]) in
            let id: Int64 = try row.decode("id")
            let details: [String: JSONValue] = [
                "document": .number(Double(id)), "type": .string(try row.decode("document_type")),
                "size": .number(Double(try row.decode("size", as: Int64.self))),
                "media_type": .string(try row.decode("media_type")), "sha256": .string(try row.decode("sha256")),
            ]
            return (id, try row.decode("upload"), details)
        }.sorted { $0.id < $1.id }
        let attached = Set(documents.map(\.upload))
        guard attached.count == references.count else {
            var problems: [String: FieldReason] = [:]
            for (reference, hash) in zip(references, hashes) where !attached.contains(hash) {
                problems["documents." + String(reference.type.prefix(64))] = .uploadUnavailable
            }
            throw NafidhaError(.validationFailed, fields: problems)
        }
        for document in documents {
            record(.documentAttached, by: actor, details: document.details)
        }
    }
}
