import Foundation
import NafidhaContract
import Postgres

/// The submission statement's part for supporting documents (docs/documents.md), kept in its own CTEs: `document`
/// finds and locks the uploads the submission names, the request is inserted only if every one of them was found,
/// then `attached` moves them to the request and `document_event` records one `document_attached` audit event
/// each (its code, size, media type and SHA-256; never the bytes or the file name).
extension Filing {
    /// The uploads that may be attached now: complete, unexpired, unattached, of a type and size the catalog
    /// document accepts. `FOR UPDATE` makes a second submission naming the same upload wait for the first, then see
    /// it attached and leave it out, so its request is not inserted.
    static let documentLockCTE = """
        document AS (
            SELECT u.id, d.type, d.upload
              FROM jsonb_to_recordset($36::jsonb) AS d (type text, upload text, media_types text[], max_bytes bigint)
              JOIN uploads u ON u.secret_hash = decode(d.upload, 'hex')
             WHERE u.state = 'complete' AND u.request_id IS NULL AND u.expires_at > now()
               AND u.media_type = ANY (d.media_types) AND u.size <= d.max_bytes
               FOR UPDATE OF u
        )
        """

    /// Attaches the locked uploads to the inserted request, with their audit events (nothing without a request).
    static let documentAttachCTEs = """
        attached AS (
            UPDATE uploads u SET request_id = r.id, document_type = d.type, attached_at = $12::timestamptz
              FROM request r, document d
             WHERE u.id = d.id
            RETURNING u.id, u.document_type, u.size, u.media_type, u.sha256, r.id AS request_id, r.municipality_code,
                      r.tracking_number
        ), document_event AS (
            INSERT INTO audit_events (municipality_code, actor_kind, actor, action, request_id, details)
            SELECT a.municipality_code, $31::text, coalesce($32::text, a.tracking_number), 'document_attached',
                   a.request_id,
                   audit_canonical_json(jsonb_build_object(
                       'document', a.id, 'type', a.document_type, 'size', a.size, 'media_type', a.media_type,
                       'sha256', encode(a.sha256, 'hex')))
              FROM attached a
             -- Reading the `event` CTE's rows makes its insert complete first: the trail tells `submitted`, then
             -- the documents.
             CROSS JOIN (SELECT count(*) FROM event) AS submitted
             ORDER BY a.id
        )
        """

    /// `$36`, the documents as JSON, and `$37`, how many there are (after the statement's own parameters).
    var documentParameters: [(any PostgresEncodable)?] {
        [documents.jsonText, Int64(documents.choices.count)]
    }

    /// The 422 for uploads the statement could not attach (those not in `attachable`): each is named
    /// `documents.CODE` with why — of a type or size the document does not accept, or unavailable (unknown, expired,
    /// attached already). Runs one read, only on this refusal.
    func documentsRefusal(attachable: Set<String>, on connection: PostgresConnection) throws -> NafidhaError {
        let missing = documents.choices.filter { !attachable.contains($0.uploadHash) }
        var found: [String: (mediaType: String, size: Int)] = [:]
        for row in try connection.queryPrepared(
            """
            SELECT encode(secret_hash, 'hex') AS upload, media_type, size FROM uploads
             WHERE secret_hash = ANY (SELECT decode(h, 'hex') FROM unnest($1::text[]) AS h)
               AND state = 'complete' AND request_id IS NULL AND expires_at > now()
            """,
            [missing.map(\.uploadHash)]
        ) {
            found[try row.decode("upload")] = (
                try row.decode("media_type"), Int(try row.decode("size", as: Int64.self))
            )
        }
        var problems: [String: FieldReason] = [:]
        for choice in missing {
            let reason: FieldReason
            if let upload = found[choice.uploadHash] {
                reason =
                    choice.mediaTypes.contains(upload.mediaType)
                    ? .fileTooLarge(maximumBytes: choice.maxBytes) : .mediaTypeNotAccepted(choice.mediaTypes)
            } else {
                reason = .uploadUnavailable
            }
            problems["documents." + choice.type] = reason
        }
        return NafidhaError(.validationFailed, fields: problems)
    }
}
