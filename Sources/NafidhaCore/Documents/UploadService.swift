import Foundation
import NafidhaContract
import Postgres
import Transparency

/// Stores uploaded files (`POST /v1/uploads`, docs/documents.md) as they arrive: the bytes go into a large object
/// in pieces of `pieceBytes`, each in a short transaction of its own, so an upload holds a pooled connection only
/// while a piece is written, never while it waits for a slow client; they are hashed on the way; the upload turns
/// `complete` (and attachable) only once the last piece is in. Memory per upload: one piece.
///
/// A failure after the first piece (the client left, the file is too large) deletes what was written (the row,
/// and its large object through the `uploads_unlink_content` trigger); what a crash leaves behind is `receiving`,
/// never attachable, and removed by `UploadSweeper`.
public struct UploadService: Sendable {
    /// Where uploads are stored.
    public let pool: PostgresPool
    /// The largest upload accepted (`NAFIDHA_UPLOAD_MAX_BYTES`).
    public let maxBytes: Int

    /// The default of `NAFIDHA_UPLOAD_MAX_BYTES`: 20 MiB.
    public static let defaultMaxBytes = 20 << 20
    /// How long an upload no submission names is kept: 24 hours.
    public static let lifetime: TimeInterval = 24 * 3600
    /// Bytes written to the database per transaction.
    static let pieceBytes = 512 * 1024
    /// Characters an upload's file name may have.
    static let maximumFileNameLength = 255

    /// A service over `pool` accepting files of up to `maxBytes`.
    public init(pool: PostgresPool, maxBytes: Int = UploadService.defaultMaxBytes) {
        self.pool = pool
        self.maxBytes = maxBytes
    }

    /// Stores the file `read` yields (nil at its end), declared as `contentType`, optionally named by
    /// `contentDisposition` (`attachment; filename*=UTF-8''...`).
    /// - Throws: `NafidhaError`: 415 `unsupported_media_type` (a type other than PDF, JPEG, PNG or WebP, or first
    ///   bytes of another), 400 `invalid_file_name`, 400 `empty_file`, 413 `body_too_large`; what `read` throws
    ///   (the HTTP reader's errors); `PostgresError`.
    public func store(
        contentType: String?, contentDisposition: String?, at instant: Date = Date(), read: () throws -> [UInt8]?
    ) throws -> Documents.Upload {
        let mediaType = try Self.mediaType(contentType)
        let fileName = try contentDisposition.flatMap { try UploadFileName.parse($0) }
        // Enough of the file to recognise it before anything is stored.
        var pending: [UInt8] = []
        while pending.count < MediaSniffer.bytesNeeded, let bytes = try read() {
            pending += bytes
        }
        guard !pending.isEmpty else { throw NafidhaError(.emptyFile) }
        guard MediaSniffer.mediaType(of: pending) == mediaType else { throw Self.unsupported }
        // The upload id is 256 random bits; the database keeps only the SHA-256 of its text, as for access tokens.
        let uploadID = Base64URL.encode(SecureRandom.bytes(32))
        let expiresAt = instant.addingTimeInterval(Self.lifetime)
        let hash = StreamingSHA256()
        var size = 0
        let upload = try create(
            mediaType: mediaType, fileName: fileName, secretHash: SHA256.hash(uploadID), at: expiresAt)
        do {
            var ended = false
            while !ended {
                while pending.count < Self.pieceBytes {
                    guard let bytes = try read() else {
                        ended = true
                        break
                    }
                    pending += bytes
                }
                size += pending.count
                // A chunked body has no declared length: it is cut as soon as it passes the limit.
                guard size <= maxBytes else { throw NafidhaError(.bodyTooLarge) }
                hash.update(pending)
                let piece = pending
                pending.removeAll(keepingCapacity: true)
                let digest = ended ? hash.finalHex() : nil
                try pool.withConnection { connection in
                    try connection.withTransaction { connection in
                        try connection.appendToLargeObject(upload.content, piece)
                        if let digest {
                            try connection.executePrepared(
                                """
                                UPDATE uploads SET state = 'complete', size = $2, sha256 = decode($3, 'hex')
                                 WHERE id = $1 AND state = 'receiving'
                                """,
                                [upload.id, Int64(size), digest])
                        }
                    }
                }
                if let digest {
                    return Documents.Upload(
                        uploadID: uploadID, sha256: digest, size: size, mediaType: mediaType,
                        expiresAt: expiresAt)
                }
            }
        } catch {
            // Nothing half-stored stays: the row goes, and its large object with it (trigger).
            _ = try? pool.withConnection { try $0.executePrepared("DELETE FROM uploads WHERE id = $1", [upload.id]) }
            throw error
        }
        throw NafidhaError(.emptyFile)
    }

    /// Creates the upload's row and its empty large object, in one transaction.
    private func create(mediaType: String, fileName: String?, secretHash: [UInt8], at expiresAt: Date) throws -> (
        id: Int64, content: UInt32
    ) {
        try pool.withConnection { connection in
            try connection.withTransaction { connection in
                let content = try connection.createLargeObject()
                let row = try connection.queryPrepared(
                    """
                    INSERT INTO uploads (secret_hash, content, media_type, file_name, expires_at)
                    VALUES ($1, $2::oid, $3, $4, $5) RETURNING id
                    """,
                    [secretHash, Int64(content), mediaType, fileName, expiresAt])[0]
                return (try row.decode("id"), content)
            }
        }
    }

    /// The declared media type, without parameters, lower-cased: one of `Catalog.Document.knownMediaTypes`.
    static func mediaType(_ contentType: String?) throws -> String {
        let type = (contentType ?? "").split(separator: ";", maxSplits: 1).first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard let type, Catalog.Document.knownMediaTypes.contains(type) else { throw unsupported }
        return type
    }

    private static var unsupported: NafidhaError {
        NafidhaError(
            .unsupportedMediaType,
            message: ErrorCode.Message.unsupportedUpload(accepted: Catalog.Document.knownMediaTypes))
    }
}
