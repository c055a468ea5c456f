extension Staff {
    /// The body of `POST /v1/staff/tasks/claim-next`: optionally, which queue.
    public struct ClaimNextBody: Codable, Sendable, Equatable {
        /// Only this municipality's queues.
        public var municipality: String?
        /// Only this sector's queue.
        public var sector: String?

        /// A claim-next request.
        public init(municipality: String? = nil, sector: String? = nil) {
            self.municipality = municipality
            self.sector = sector
        }
    }

    /// The body of `claim` and `release`: act only if the task is still at `version`.
    public struct VersionBody: Codable, Sendable, Equatable {
        /// The task's version as last read; nil acts on whatever version is current.
        public var version: Int?

        /// A body naming `version`.
        public init(version: Int? = nil) {
            self.version = version
        }
    }

    /// The body of `POST /v1/staff/tasks/{id}/reassign` (supervisors).
    public struct ReassignBody: Codable, Sendable, Equatable {
        /// Who should hold the task.
        public var assignee: String
        /// The task's version as last read.
        public var version: Int?

        /// A reassignment.
        public init(assignee: String, version: Int? = nil) {
            self.assignee = assignee
            self.version = version
        }
    }

    /// The body of `POST /v1/staff/tasks/{id}/approve`.
    public struct ApproveBody: Codable, Sendable, Equatable {
        /// The task's version as last read.
        public var version: Int?
        /// An internal note kept with the approval, 1–4000 characters.
        public var note: String?

        /// An approval.
        public init(version: Int? = nil, note: String? = nil) {
            self.version = version
            self.note = note
        }
    }

    /// The body of `POST /v1/staff/tasks/{id}/reject`.
    public struct RejectBody: Codable, Sendable, Equatable {
        /// Why; the citizen sees it.
        public var reason: String
        /// The task's version as last read.
        public var version: Int?

        /// A rejection.
        public init(reason: String, version: Int? = nil) {
            self.reason = reason
            self.version = version
        }
    }

    /// The body of `POST /v1/staff/tasks/{id}/request-info`.
    public struct RequestInfoBody: Codable, Sendable, Equatable {
        /// The question for the citizen.
        public var message: String
        /// The task's version as last read.
        public var version: Int?

        /// A request for information.
        public init(message: String, version: Int? = nil) {
            self.message = message
            self.version = version
        }
    }

    /// The body of `POST /v1/staff/tasks/{id}/forward`.
    public struct ForwardBody: Codable, Sendable, Equatable {
        /// The sector whose queue should hold the task (same municipality).
        public var sector: String
        /// Why it was misrouted (internal).
        public var reason: String
        /// The task's version as last read.
        public var version: Int?

        /// A forward.
        public init(sector: String, reason: String, version: Int? = nil) {
            self.sector = sector
            self.reason = reason
            self.version = version
        }
    }
}
