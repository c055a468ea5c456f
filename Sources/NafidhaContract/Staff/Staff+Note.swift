import Foundation

extension Staff {
    /// The body of `POST /v1/staff/requests/{tracking}/notes`.
    public struct NoteBody: Codable, Sendable, Equatable {
        /// The note, 1–4000 characters.
        public var text: String
        /// Whether the citizen sees it on the timeline (default: staff only).
        public var `public`: Bool?

        /// A note to add.
        public init(text: String, public isPublic: Bool? = nil) {
            self.text = text
            self.public = isPublic
        }
    }

    /// The `201` answer to a note: what was stored.
    public struct Note: Codable, Sendable, Equatable {
        /// The note's id.
        public var id: Int64
        /// The request it belongs to.
        public var trackingNumber: String
        /// Whether the citizen sees it.
        public var isPublic: Bool
        /// When it was written.
        public var createdAt: Date

        /// A stored note.
        public init(id: Int64, trackingNumber: String, isPublic: Bool, createdAt: Date) {
            self.id = id
            self.trackingNumber = trackingNumber
            self.isPublic = isPublic
            self.createdAt = createdAt
        }

        enum CodingKeys: String, CodingKey {
            case id
            case trackingNumber = "tracking_number"
            case isPublic = "public"
            case createdAt = "created_at"
        }
    }
}
