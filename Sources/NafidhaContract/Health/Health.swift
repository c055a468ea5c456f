/// The probes: `GET /healthz` (`{"status":"ok"}`, the process is alive) and `GET /readyz` (the database answers;
/// with the audit backlog, the notifications waiting and, under a real server, the workers' load).
public enum Health {
    /// `GET /healthz`'s answer.
    public struct Status: Codable, Sendable, Equatable {
        /// `ok`.
        public var status: String

        /// An answer.
        public init(status: String) {
            self.status = status
        }
    }

    /// `GET /readyz`'s answer.
    public struct Readiness: Codable, Sendable, Equatable {
        /// `ready`.
        public var status: String
        /// The events waiting for the audit sequencer.
        public var audit: AuditBacklog
        /// The notifications waiting to be delivered, and those given up.
        public var notifications: NotificationBacklog
        /// The HTTP workers' load; absent when the answer was not produced by a running server (tests).
        public var workers: Workers?
        /// The read replica's state; absent when none is configured.
        public var replica: Replica?

        /// An answer.
        public init(
            status: String, audit: AuditBacklog, notifications: NotificationBacklog, workers: Workers? = nil,
            replica: Replica? = nil
        ) {
            self.status = status
            self.audit = audit
            self.notifications = notifications
            self.workers = workers
            self.replica = replica
        }
    }

    /// The notifications per delivery state that are cheap to count: pending and dead (docs/notifications.md).
    public struct NotificationBacklog: Codable, Sendable, Equatable {
        /// Pending notifications (waiting, retrying or in flight), counted up to a limit.
        public var pending: Int64
        /// Dead-lettered notifications, counted up to a limit.
        public var dead: Int64
        /// True when a count stopped at the limit: at least that many.
        public var countCapped: Bool
        /// Seconds the longest-due pending notification has been due; null when none is due. A growing age means no
        /// worker delivers (a channel is down, or not configured).
        public var oldestDueAgeSeconds: Double?

        /// A backlog.
        public init(pending: Int64, dead: Int64, countCapped: Bool, oldestDueAgeSeconds: Double?) {
            self.pending = pending
            self.dead = dead
            self.countCapped = countCapped
            self.oldestDueAgeSeconds = oldestDueAgeSeconds
        }

        enum CodingKeys: String, CodingKey {
            case pending, dead
            case countCapped = "count_capped"
            case oldestDueAgeSeconds = "oldest_due_age_seconds"
        }

        /// Writes `oldest_due_age_seconds` as null rather than leaving it out.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(pending, forKey: .pending)
            try container.encode(dead, forKey: .dead)
            try container.encode(countCapped, forKey: .countCapped)
            try container.encode(oldestDueAgeSeconds, forKey: .oldestDueAgeSeconds)
        }
    }

    /// The read replica as the server last found it (`NAFIDHA_REPLICA_URL`).
    public struct Replica: Codable, Sendable, Equatable {
        /// What the last check found.
        public var state: ReplicaState
        /// Where reports and Open311 lists are read now.
        public var reads: ReadSource
        /// Seconds behind the primary, when known.
        public var lagSeconds: Double?

        /// A replica's state.
        public init(state: ReplicaState, reads: ReadSource, lagSeconds: Double?) {
            self.state = state
            self.reads = reads
            self.lagSeconds = lagSeconds
        }

        enum CodingKeys: String, CodingKey {
            case state
            case reads
            case lagSeconds = "lag_seconds"
        }
    }

    /// A read replica's state; in every state but `current`, reads go to the primary.
    public enum ReplicaState: String, Codable, Sendable, CaseIterable {
        /// Streaming, within the allowed lag.
        case current
        /// More than the allowed lag behind.
        case lagging
        /// Not answering, not a standby, or it failed a read.
        case unavailable
        /// Not checked yet.
        case unknown
    }

    /// Where reads that may be a little stale are served from.
    public enum ReadSource: String, Codable, Sendable, CaseIterable {
        /// The streaming replica.
        case replica
        /// The primary.
        case primary
    }

    /// How far behind the audit sequencer is.
    public struct AuditBacklog: Codable, Sendable, Equatable {
        /// Events waiting to be chained, counted up to a limit.
        public var unchainedEvents: Int64
        /// True when counting stopped at the limit: at least that many wait.
        public var countCapped: Bool
        /// Seconds since the oldest waiting event was written; null when none waits.
        public var oldestUnchainedAgeSeconds: Double?

        /// A backlog.
        public init(unchainedEvents: Int64, countCapped: Bool, oldestUnchainedAgeSeconds: Double?) {
            self.unchainedEvents = unchainedEvents
            self.countCapped = countCapped
            self.oldestUnchainedAgeSeconds = oldestUnchainedAgeSeconds
        }

        enum CodingKeys: String, CodingKey {
            case unchainedEvents = "unchained_events"
            case countCapped = "unchained_count_capped"
            case oldestUnchainedAgeSeconds = "oldest_unchained_age_seconds"
        }

        /// Writes `oldest_unchained_age_seconds` as null rather than leaving it out.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(unchainedEvents, forKey: .unchainedEvents)
            try container.encode(countCapped, forKey: .countCapped)
            try container.encode(oldestUnchainedAgeSeconds, forKey: .oldestUnchainedAgeSeconds)
        }
    }

    /// The HTTP workers' load, so a balancer can prefer a less busy instance before it answers 503 `overloaded`.
    public struct Workers: Codable, Sendable, Equatable {
        /// Workers running a handler now.
        public var busy: Int
        /// Workers in all.
        public var count: Int
        /// Requests waiting for a worker.
        public var queued: Int
        /// The most requests that may wait.
        public var queueCapacity: Int

        /// A load reading.
        public init(busy: Int, count: Int, queued: Int, queueCapacity: Int) {
            self.busy = busy
            self.count = count
            self.queued = queued
            self.queueCapacity = queueCapacity
        }

        enum CodingKeys: String, CodingKey {
            case busy, count, queued
            case queueCapacity = "queue_capacity"
        }
    }
}
