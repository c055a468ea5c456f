import Foundation

/// A staff note on a request, as `POST /v1/staff/requests/{tracking}/notes` answers it: internal (staff only) or
/// public (on the citizen's timeline). Its text is a request message; the audit trail only names it.
public struct RequestNote: Sendable, Encodable, Equatable {
    /// The message id of the note.
    public var id: Int64
    /// The request it belongs to.
    public var trackingNumber: String
    /// True when the citizen sees it.
    public var isPublic: Bool
    /// When it was written.
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id
        case trackingNumber = "tracking_number"
        case isPublic = "public"
        case createdAt = "created_at"
    }
}
