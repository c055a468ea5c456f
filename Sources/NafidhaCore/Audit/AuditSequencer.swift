import Foundation
import NafidhaContract
import Postgres

/// Chains committed audit events: gives each its `seq`, `prev_hash` and `hash` after its municipality's head, in
/// batches, through the database function `audit_chain_pending` (docs/audit.md).
///
/// Writers insert events unchained and never wait on a chain head. One sequencer at a time chains them (the
/// function takes a transaction-scoped advisory lock and answers "busy" to a second one), in the order their
/// transactions committed; a batch is one transaction, so a crash mid-batch leaves the chain as it was.
/// `nafidha serve` runs one continuously (`AuditSequencerThread`); `chainWaiting` runs one to completion.
public enum AuditSequencer {
    /// What one batch did.
    public enum BatchOutcome: Sendable, Equatable {
        /// This many events were chained (0: none was waiting).
        case chained(Int)
        /// Another sequencer holds the lock; nothing was done.
        case busy
    }

    /// Events chained per transaction (1,000): about 80 ms of work on the development machine, so one batch never
    /// holds a chain head for long and a stop waits little.
    public static let defaultBatchSize = 1000

    /// Chains up to `limit` waiting events, the oldest first, in one transaction.
    /// - Parameter connection: a connection outside any transaction, so the batch commits at once.
    public static func chainBatch(limit: Int = defaultBatchSize, on connection: PostgresConnection) throws
        -> BatchOutcome
    {
        let row = try connection.queryPrepared("SELECT audit_chain_pending($1::int) AS chained", [limit])[0]
        guard let chained = try row.decode("chained", as: Int?.self) else { return .busy }
        return .chained(chained)
    }

    /// Runs batches until one finds fewer than `batchSize` events waiting, so every event committed before the
    /// call is chained when it returns; while another sequencer holds the lock, waits for it (it is chaining the
    /// same events) up to `patience`.
    /// - Returns: how many events this call chained.
    /// - Throws: `audit_sequencer_busy` when the other sequencer still holds the lock after `patience`.
    @discardableResult
    public static func chainWaiting(
        on connection: PostgresConnection, batchSize: Int = defaultBatchSize, patience: Duration = .seconds(10)
    ) throws -> Int {
        let clock = ContinuousClock()
        let deadline = clock.now + patience
        var total = 0
        while true {
            switch try chainBatch(limit: batchSize, on: connection) {
            case .chained(let count):
                total += count
                if count < batchSize { return total }
            case .busy:
                guard clock.now < deadline else { throw busy }
                // Another sequencer's batch takes tens of milliseconds; ask again soon.
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    /// Another sequencer kept the lock longer than the caller would wait.
    public static let busy = NafidhaError(.auditSequencerBusy)
}
