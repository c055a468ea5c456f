import Foundation

extension Staff {
    /// Which public text of a request is moderated.
    public enum ModerationTarget: String, Codable, Sendable, CaseIterable {
        /// The request's description (public in the Open311 views).
        case description
        /// A public note (on the citizen's timeline); `note` names it.
        case note
    }

    /// The body of `POST /v1/staff/requests/{tracking}/moderation`.
    public struct ModerationBody: Codable, Sendable, Equatable {
        /// The description or a public note.
        public var target: ModerationTarget
        /// The note's id, for `target` `note` only.
        public var note: Int64?
        /// What to do.
        public var action: ModerationAction
        /// The text shown instead, for `redact` only (1–4000 characters).
        public var text: String?
        /// Why (1–500 characters, one line); kept with the moderation, the audit trail names it.
        public var reason: String

        /// A moderation.
        public init(
            target: ModerationTarget, note: Int64? = nil, action: ModerationAction, text: String? = nil,
            reason: String
        ) {
            self.target = target
            self.note = note
            self.action = action
            self.text = text
            self.reason = reason
        }
    }

    /// A moderation done.
    public struct Moderation: Codable, Sendable, Equatable {
        /// Its id.
        public var id: Int64
        /// The request.
        public var trackingNumber: String
        /// What was moderated.
        public var target: ModerationTarget
        /// The note, when one was.
        public var note: Int64?
        /// Where the text stands now.
        public var state: ModerationState
        /// When.
        public var moderatedAt: Date

        /// A moderation.
        public init(
            id: Int64, trackingNumber: String, target: ModerationTarget, note: Int64?, state: ModerationState,
            moderatedAt: Date
        ) {
            self.id = id
            self.trackingNumber = trackingNumber
            self.target = target
            self.note = note
            self.state = state
            self.moderatedAt = moderatedAt
        }

        enum CodingKeys: String, CodingKey {
            case id, target, note, state
            case trackingNumber = "tracking_number"
            case moderatedAt = "moderated_at"
        }
    }
}
