import Foundation
import NafidhaContract
import Postgres

/// Staff notes on a request: internal (seen by staff only) or public (shown on the citizen's timeline). The text
/// is a request message; the `note_added` audit event names it by id, so the permanent trail holds no free text.
public struct RequestNotes: Sendable {
    /// A note as stored.
    public struct Note: Sendable, Encodable, Equatable {
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

    /// The longest note, in characters.
    public static let maximumLength = 4000

    private let pool: PostgresPool

    /// Notes over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Adds a note to the request `tracking` as `member`. Clerks, supervisors and admins may write on requests with a
    /// task in their scope; auditors only read (403 `read_only_role`); anything else is `request_not_found`.
    public func add(tracking: String, text: String, isPublic: Bool, by member: StaffMember, at instant: Date = Date())
        throws -> Note
    {
        guard member.role.actsOnTasks else { throw StaffErrors.readOnlyRole }
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...Self.maximumLength).contains(text.count) else { throw Self.invalidNote }
        return try pool.withTransaction { connection in
            let requests = try connection.queryPrepared(
                "SELECT id, tracking_number, municipality_code FROM requests WHERE tracking_number = $1 FOR UPDATE",
                [tracking.uppercased()]
            )
            guard let request = requests.first else { throw StaffRequestView.notFound }
            let requestID: Int64 = try request.decode("id")
            let municipality: String = try request.decode("municipality_code")
            let sectors = try connection.queryPrepared(
                "SELECT sector_code FROM tasks WHERE request_id = $1", [requestID]
            )
            .map { try $0.decode("sector_code", as: String.self) }
            guard sectors.contains(where: { member.canSee(municipality: municipality, sector: $0) }) else {
                throw StaffRequestView.notFound
            }
            let message = try connection.queryPrepared(
                """
                INSERT INTO request_messages (request_id, kind, author_kind, author, public, body, created_at)
                VALUES ($1, 'note', 'clerk', $2, $3, $4, $5) RETURNING id, created_at
                """,
                [requestID, member.name, isPublic, text, instant]
            )[0]
            let messageID: Int64 = try message.decode("id")
            try AuditLog.append(
                on: connection, municipality: municipality, actorKind: .clerk, actor: member.name, action: .noteAdded,
                requestID: requestID, details: ["message_id": .number(Double(messageID)), "public": .bool(isPublic)]
            )
            return Note(
                id: messageID, trackingNumber: try request.decode("tracking_number"), isPublic: isPublic,
                createdAt: try message.decode("created_at")
            )
        }
    }

    /// 422 for an empty or too long note.
    public static let invalidNote = NafidhaError(
        .validationFailed, code: "validation_failed",
        message: LocalizedText(
            ar: "الطلب غير صالح.", fr: "La demande n'est pas valide.", en: "The request is invalid."),
        fields: [
            "text": LocalizedText(
                ar: "نص الملاحظة مطلوب، 4000 حرف على الأكثر.",
                fr: "Le texte de la note est obligatoire, 4000 caractères au plus.",
                en: "The note's text is required, at most 4000 characters."
            )
        ]
    )
}
