import Foundation
import Postgres
import Transparency

/// Grows each municipality's audit log with the events the sequencer chained, and signs a checkpoint of every log
/// that grew since its last one (docs/verification.md, "The checkpointer").
///
/// One round: take the session-scoped advisory lock `nafidha:audit-checkpointer` without waiting (another server's
/// checkpointer holds it: skip the round), then per municipality extend the tree by batches of
/// `AuditLogTree.extensionBatch` leaves (each its own transaction, up to `maximumLeavesPerRound`), compute the
/// root, sign, store. `nafidha serve` runs rounds on a thread of its own (`AuditCheckpointerThread`).
public struct AuditCheckpointer: Sendable {
    /// What one round did.
    public struct Round: Sendable, Equatable {
        /// The checkpoints signed, one per log that grew: municipality and tree size.
        public var signed: [Signed]
        /// Whether another checkpointer held the lock, so this round did nothing.
        public var busy: Bool

        /// One signed checkpoint.
        public struct Signed: Sendable, Equatable {
            /// The municipality.
            public var municipality: String
            /// The new tree size.
            public var treeSize: UInt64
        }
    }

    /// Leaves added to one log in one round (1,000,000): a backlog that large is signed in steps, a round apart.
    public static let maximumLeavesPerRound = 1_000_000

    /// The key and host that sign.
    public let signer: LogSigner
    private let clock: @Sendable () -> Date

    /// A checkpointer signing with `signer`; `clock` gives each checkpoint's time.
    public init(signer: LogSigner, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.signer = signer
        self.clock = clock
    }

    /// Runs one round on `connection` (outside any transaction: each batch commits on its own).
    public func runRound(on connection: PostgresConnection) throws -> Round {
        let locked: Bool = try connection.query(
            "SELECT pg_try_advisory_lock(hashtext('nafidha:audit-checkpointer')) AS locked")[0].decode("locked")
        guard locked else { return Round(signed: [], busy: true) }
        defer { _ = try? connection.query("SELECT pg_advisory_unlock(hashtext('nafidha:audit-checkpointer'))") }
        // The chain heads say how far each log can grow; a municipality without events has no head and no log.
        let logs = try connection.query(
            """
            SELECT h.municipality_code, h.last_seq,
                   coalesce((SELECT tree_size FROM audit_log_checkpoints c
                              WHERE c.municipality_code = h.municipality_code
                              ORDER BY tree_size DESC LIMIT 1), 0) AS signed_size
              FROM audit_chain_heads h
             ORDER BY h.municipality_code
            """
        ).map { row in
            (
                municipality: try row.decode("municipality_code", as: String.self),
                chained: UInt64(try row.decode("last_seq", as: Int64.self)),
                signedSize: UInt64(try row.decode("signed_size", as: Int64.self))
            )
        }
        var signed: [Round.Signed] = []
        for log in logs {
            let tree = AuditLogTree(municipality: log.municipality, connection: connection)
            var size = try tree.size()
            let target = min(log.chained, size + UInt64(Self.maximumLeavesPerRound))
            while size < target {
                let grown = try tree.extend(limit: min(AuditLogTree.extensionBatch, Int(target - size)))
                guard grown > size else { break }
                size = grown
            }
            guard size > log.signedSize else { continue }
            if try sign(tree, size: size) {
                signed.append(Round.Signed(municipality: log.municipality, treeSize: size))
            }
        }
        return Round(signed: signed, busy: false)
    }

    /// Signs and stores the checkpoint of `tree` at `size`; false when one of that size was already stored.
    private func sign(_ tree: AuditLogTree, size: UInt64) throws -> Bool {
        let root = try tree.rootHash(size: size)
        let time = clock()
        let note = try signer.checkpointNote(municipality: tree.municipality, size: size, rootHash: root, time: time)
        let stored = Date(timeIntervalSince1970: Double(LogSigner.microseconds(time)) / 1_000_000)
        let rows = try tree.connection.queryPrepared(
            """
            INSERT INTO audit_log_checkpoints (municipality_code, tree_size, root_hash, signed_at, public_key, note)
            VALUES ($1, $2, $3, $4::timestamptz, $5, $6)
            ON CONFLICT (municipality_code, tree_size) DO NOTHING
            RETURNING id
            """,
            [tree.municipality, Int64(size), root.bytes, stored, signer.publicKey.rawRepresentation, note]
        )
        return !rows.isEmpty
    }
}
