import Foundation
import NafidhaContract
import Postgres

/// One document of a request, as a download needs it: what it is and where its bytes are.
public struct StoredDocument: Sendable, Equatable {
    /// The document's id.
    public var id: Int64
    /// The catalog document's code.
    public var type: String
    /// Its media type.
    public var mediaType: String
    /// Its size in bytes.
    public var size: Int
    /// SHA-256 of its bytes, hexadecimal.
    public var sha256: String
    /// The file name the citizen sent, if any (already checked: no path, no control character).
    public var fileName: String?
    /// When it was attached.
    public var attachedAt: Date
    /// The large object holding the bytes.
    let content: UInt32

    /// The listing's view of it.
    public var summary: Documents.Document {
        Documents.Document(
            id: id, type: type, mediaType: mediaType, size: size, sha256: sha256, attachedAt: attachedAt)
    }

    /// The columns `init(row:)` reads, for queries over `uploads u`.
    static let columns = """
        u.id, u.document_type, u.media_type, u.size, encode(u.sha256, 'hex') AS sha256, u.file_name, u.attached_at,
        u.content::bigint AS content
        """

    init(row: PostgresRow) throws {
        id = try row.decode("id")
        type = try row.decode("document_type")
        mediaType = try row.decode("media_type")
        size = Int(try row.decode("size", as: Int64.self))
        sha256 = try row.decode("sha256")
        fileName = try row.decode("file_name")
        attachedAt = try row.decode("attached_at")
        content = UInt32(truncatingIfNeeded: try row.decode("content", as: Int64.self))
    }

    /// The documents of request `requestID`, oldest first.
    static func all(ofRequest requestID: Int64, on connection: PostgresConnection) throws -> [StoredDocument] {
        try connection.queryPrepared(
            "SELECT \(columns) FROM uploads u WHERE u.request_id = $1 ORDER BY u.id", [requestID]
        ).map(StoredDocument.init(row:))
    }
}
