import Foundation

/// The SLA sweep: returns lapsed claims to their queues, escalates overdue tasks (priority + 1, one `escalated`
/// audit event per task, once) so they surface to supervisors, and announces deadlines due within two working days
/// (`task.deadline_approaching`, docs/notifications.md), and cancels requests whose bill is unpaid past its due
/// date (`WorkflowEngine.cancelUnpaid`, docs/payments.md). The transitions are the workflow engine's
/// (`WorkflowEngine.lapseLeases`, `escalateOverdue`); this type bounds how much one run does. `nafidha serve` runs
/// it every minute on a thread of its own; `nafidha sla sweep` runs it once.
public struct EscalationSweep: Sendable {
    /// Limits of one sweep.
    public struct Settings: Sendable {
        /// Tasks changed per transaction, so one sweep never holds many row locks for long (200).
        public var batchSize = 200
        /// Batches per run at most; what is left waits for the next run (50).
        public var maximumBatches = 50

        /// The defaults above.
        public init() {}
    }

    /// What one run did.
    public struct Result: Sendable, Equatable, Codable {
        /// Overdue tasks escalated.
        public var escalated: Int
        /// Claims that lapsed and went back to their queues.
        public var leasesLapsed: Int
        /// Deadlines announced as approaching.
        public var deadlinesAnnounced: Int
        /// Requests cancelled because their bill was unpaid past its due date (docs/payments.md).
        public var unpaidCancelled = 0

        enum CodingKeys: String, CodingKey {
            case escalated
            case leasesLapsed = "leases_lapsed"
            case deadlinesAnnounced = "deadlines_announced"
            case unpaidCancelled = "unpaid_cancelled"
        }
    }

    let engine: WorkflowEngine
    let settings: Settings

    /// A sweep making `engine`'s system transitions.
    public init(engine: WorkflowEngine, settings: Settings = Settings()) {
        self.engine = engine
        self.settings = settings
    }

    /// Runs one sweep: lapsed claims, then overdue tasks, then approaching deadlines, each in batches.
    public func run() throws -> Result {
        var result = Result(escalated: 0, leasesLapsed: 0, deadlinesAnnounced: 0)
        for _ in 0..<settings.maximumBatches {
            let lapsed = try engine.lapseLeases(limit: settings.batchSize)
            result.leasesLapsed += lapsed
            if lapsed < settings.batchSize { break }
        }
        for _ in 0..<settings.maximumBatches {
            let escalated = try engine.escalateOverdue(limit: settings.batchSize)
            result.escalated += escalated
            if escalated < settings.batchSize { break }
        }
        let notices = DeadlineNotices(pool: engine.pool)
        for _ in 0..<settings.maximumBatches {
            let announced = try notices.announce(at: engine.clock(), limit: settings.batchSize)
            result.deadlinesAnnounced += announced
            if announced < settings.batchSize { break }
        }
        for _ in 0..<settings.maximumBatches {
            let cancelled = try engine.cancelUnpaid(limit: settings.batchSize)
            result.unpaidCancelled += cancelled
            if cancelled < settings.batchSize { break }
        }
        return result
    }
}
