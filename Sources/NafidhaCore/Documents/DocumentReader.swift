import Foundation
import NafidhaContract
import Postgres

/// Reads requests' documents: the citizen's listing and downloads (after `RequestTracking.authenticate`), and the
/// bytes of any document the engine let a staff member see (`WorkflowEngine+Documents.swift`). Downloads go in
/// pieces of `pieceBytes`, each read in a short transaction of its own, so a slow client holds no connection while
/// it reads.
public struct DocumentReader: Sendable {
    /// Where documents live.
    public let pool: PostgresPool
    /// Bytes read from the database per transaction.
    public static let pieceBytes = 256 * 1024

    /// A reader over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// The documents of an authenticated request, oldest first.
    public func list(for request: RequestTracking.AuthenticatedRequest) throws -> Documents.List {
        let documents = try pool.withConnection { try StoredDocument.all(ofRequest: request.id, on: $0) }
        return Documents.List(documents: documents.map(\.summary))
    }

    /// Document `id` of an authenticated request; `document_not_found` when the request has no such document.
    public func document(_ id: String, of request: RequestTracking.AuthenticatedRequest) throws -> StoredDocument {
        guard let number = Int64(id), number > 0 else { throw NafidhaError(.documentNotFound) }
        let rows = try pool.withConnection { connection in
            try connection.queryPrepared(
                "SELECT \(StoredDocument.columns) FROM uploads u WHERE u.id = $1 AND u.request_id = $2",
                [number, request.id])
        }
        guard let row = rows.first else { throw NafidhaError(.documentNotFound) }
        return try StoredDocument(row: row)
    }

    /// Calls `write` with the bytes of `document` in `range` (offsets within its size), piece by piece.
    public func read(
        _ document: StoredDocument, range: Range<Int>, into write: ([UInt8]) throws -> Void
    ) throws {
        var offset = range.lowerBound
        while offset < range.upperBound {
            let count = min(Self.pieceBytes, range.upperBound - offset)
            let piece = try pool.withConnection { connection in
                try connection.withTransaction { connection in
                    try connection.readLargeObject(document.content, from: Int64(offset), maxBytes: count)
                }
            }
            // Shorter than asked: the bytes are not what the row says (a damaged object); the download is cut.
            guard piece.count == count else { throw NafidhaError(.storedDataInvalid) }
            try write(piece)
            offset += count
        }
    }
}
