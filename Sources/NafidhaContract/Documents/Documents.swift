import Foundation

/// Supporting documents (docs/documents.md): files uploaded first and separately (`POST /v1/uploads`), then named by
/// a submission or a reply, and read back by the citizen and the staff in scope.
public enum Documents {
    /// Documents one submission or reply may name at most.
    public static let maximumPerSubmission = 20

    /// The 201 answer of `POST /v1/uploads`.
    public struct Upload: Codable, Sendable, Equatable {
        /// The secret naming the upload in a submission's `documents` (256 random bits, base64url): whoever holds it
        /// may attach the file, once, until `expiresAt`.
        public var uploadID: String
        /// SHA-256 of the bytes, lower-case hexadecimal.
        public var sha256: String
        /// Size in bytes.
        public var size: Int
        /// The media type, checked against the file's first bytes.
        public var mediaType: String
        /// When an upload no submission named is deleted.
        public var expiresAt: Date

        /// An upload's receipt.
        public init(uploadID: String, sha256: String, size: Int, mediaType: String, expiresAt: Date) {
            self.uploadID = uploadID
            self.sha256 = sha256
            self.size = size
            self.mediaType = mediaType
            self.expiresAt = expiresAt
        }

        enum CodingKeys: String, CodingKey {
            case sha256, size
            case uploadID = "upload_id"
            case mediaType = "media_type"
            case expiresAt = "expires_at"
        }
    }

    /// One entry of a submission's or reply's `documents`: which catalog document an upload is.
    public struct Reference: Codable, Sendable, Equatable, Hashable {
        /// The catalog document's code (`national_id_copy`).
        public var type: String
        /// The `upload_id` of `POST /v1/uploads`.
        public var uploadID: String

        /// A reference.
        public init(type: String, uploadID: String) {
            self.type = type
            self.uploadID = uploadID
        }

        enum CodingKeys: String, CodingKey {
            case type
            case uploadID = "upload_id"
        }
    }

    /// One document of a request.
    public struct Document: Codable, Sendable, Equatable {
        /// Its id, for `.../documents/{id}`.
        public var id: Int64
        /// The catalog document's code.
        public var type: String
        /// Media type.
        public var mediaType: String
        /// Size in bytes.
        public var size: Int
        /// SHA-256 of the bytes, lower-case hexadecimal (also the download's `ETag`).
        public var sha256: String
        /// When it was attached to the request.
        public var attachedAt: Date

        /// A document.
        public init(id: Int64, type: String, mediaType: String, size: Int, sha256: String, attachedAt: Date) {
            self.id = id
            self.type = type
            self.mediaType = mediaType
            self.size = size
            self.sha256 = sha256
            self.attachedAt = attachedAt
        }

        enum CodingKeys: String, CodingKey {
            case id, type, size, sha256
            case mediaType = "media_type"
            case attachedAt = "attached_at"
        }
    }

    /// `GET .../documents`: a request's documents, oldest first.
    public struct List: Codable, Sendable, Equatable {
        /// The documents.
        public var documents: [Document]

        /// A list.
        public init(documents: [Document]) {
            self.documents = documents
        }
    }
}
