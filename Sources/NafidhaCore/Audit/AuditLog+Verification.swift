import NafidhaContract
import Postgres

/// Verifying chains in the database, from the last checkpoint or from genesis.
extension AuditLog {
    /// The result of verifying one municipality's chain.
    public struct Verification: Sendable, Equatable {
        /// The municipality whose chain was checked.
        public var municipality: String
        /// True when every link walked holds and the chain ends at its head.
        public var intact: Bool
        /// Events recomputed by this verification (those after `fromSeq`), before the first broken link if any.
        public var eventsChecked: Int64
        /// Where the walk started: 0 from genesis, else the checkpoint of the last intact verification.
        public var fromSeq: Int64
        /// The head verified, when intact: its `seq`...
        public var headSeq: Int64?
        /// ... and its hash (lowercase hex): an anchor to record.
        public var headHash: String?
        /// The sequence number of the first broken link, if any.
        public var brokenSequence: Int64?
        /// The id of the first broken event, if any.
        public var brokenEventID: Int64?
        /// `sequence_gap`, `previous_hash_mismatch`, `hash_mismatch`, `head_mismatch` or `checkpoint_missing` when
        /// broken.
        public var problem: String?
        /// Committed events of the municipality still waiting for the sequencer, not part of the chain checked.
        public var unchainedEvents: Int64

        /// The verification as the API answers it.
        public var chain: Audit.Chain {
            Audit.Chain(
                municipality: municipality, intact: intact, eventsChecked: eventsChecked, fromSeq: fromSeq,
                headSeq: headSeq, headHash: headHash, brokenSeq: brokenSequence, problem: problem,
                unchainedEvents: unchainedEvents)
        }
    }

    /// Verifies `municipality`'s chain in the database (`audit_verify_chain`): after its checkpoint, so that only the
    /// events chained since the last intact verification are walked, or from genesis when `full` (or when there is
    /// no checkpoint yet). Then records where it stands, in the same transaction:
    ///
    /// - intact: the checkpoint moves forward to the head (never back: another server may have moved it further);
    /// - `full` and intact, but the chain no longer passes through the checkpoint (events cut, or the checkpoint's
    ///   event rewritten): broken, `checkpoint_missing` at the checkpoint, which stays as evidence;
    /// - `full` and broken at or before the checkpoint: the checkpoint is deleted, so that every later verification
    ///   walks from genesis and meets the break too.
    public static func verify(municipality: String, full: Bool = false, on connection: PostgresConnection) throws
        -> Verification
    {
        try connection.withTransaction { connection in
            let checkpoint = try connection.query(
                "SELECT seq, encode(hash, 'hex') AS hash FROM audit_checkpoints WHERE municipality_code = $1",
                [municipality]
            ).first.map { (seq: try $0.decode("seq", as: Int64.self), hash: try $0.decode("hash", as: String.self)) }
            let start = full ? nil : checkpoint
            let row = try connection.query(
                """
                SELECT v.intact, v.events_checked, v.broken_seq, v.broken_event_id, v.problem, v.last_seq,
                       encode(v.last_hash, 'hex') AS last_hash,
                       (SELECT count(*) FROM audit_events WHERE municipality_code = $1 AND seq IS NULL) AS unchained
                  FROM audit_verify_chain($1, $2, decode($3, 'hex')) v
                """,
                [municipality, start?.seq ?? 0, start?.hash ?? genesisHash]
            )[0]
            var verification = Verification(
                municipality: municipality, intact: try row.decode("intact"),
                eventsChecked: try row.decode("events_checked"), fromSeq: start?.seq ?? 0,
                brokenSequence: try row.decode("broken_seq"), brokenEventID: try row.decode("broken_event_id"),
                problem: try row.decode("problem"), unchainedEvents: try row.decode("unchained"))
            if verification.intact {
                verification.headSeq = try row.decode("last_seq")
                verification.headHash = try row.decode("last_hash")
            }
            guard let checkpoint, full else {
                try moveCheckpoint(of: municipality, to: verification, on: connection)
                return verification
            }
            if let headSeq = verification.headSeq {
                if try passes(municipality, through: checkpoint, endingAt: headSeq, on: connection) {
                    try moveCheckpoint(of: municipality, to: verification, on: connection)
                } else {
                    verification.intact = false
                    verification.headSeq = nil
                    verification.headHash = nil
                    verification.brokenSequence = checkpoint.seq
                    verification.problem = "checkpoint_missing"
                }
            } else if verification.brokenSequence.map({ $0 <= checkpoint.seq }) ?? true {
                try connection.execute("DELETE FROM audit_checkpoints WHERE municipality_code = $1", [municipality])
            }
            return verification
        }
    }

    /// Verifies every municipality's chain, in code order (`verify` for each).
    public static func verifyAll(full: Bool = false, on connection: PostgresConnection) throws -> [Verification] {
        try municipalityCodes(on: connection).map { try verify(municipality: $0, full: full, on: connection) }
    }

    /// Every municipality's code, in order.
    static func municipalityCodes(on connection: PostgresConnection) throws -> [String] {
        try connection.query("SELECT code FROM municipalities ORDER BY code").map { try $0.decode("code") }
    }

    /// The genesis link's previous hash: 32 zero bytes, in hex.
    static let genesisHash = String(repeating: "0", count: 64)

    /// Records the head `verification` found as the chain's checkpoint, unless a checkpoint at or beyond it is
    /// already there; nothing for a broken chain or an empty one.
    private static func moveCheckpoint(
        of municipality: String, to verification: Verification, on connection: PostgresConnection
    ) throws {
        guard let seq = verification.headSeq, let hash = verification.headHash, seq > 0 else { return }
        try connection.execute(
            """
            INSERT INTO audit_checkpoints AS c (municipality_code, seq, hash) VALUES ($1, $2, decode($3, 'hex'))
            ON CONFLICT (municipality_code) DO UPDATE SET seq = excluded.seq, hash = excluded.hash, verified_at = now()
             WHERE c.seq <= excluded.seq
            """,
            [municipality, seq, hash]
        )
    }

    /// Whether the chain verified up to `last` still holds the checkpoint's event with the checkpoint's hash.
    private static func passes(
        _ municipality: String, through checkpoint: (seq: Int64, hash: String), endingAt last: Int64,
        on connection: PostgresConnection
    ) throws -> Bool {
        guard checkpoint.seq <= last else { return false }
        return try !connection.query(
            """
            SELECT 1 FROM audit_events WHERE municipality_code = $1 AND seq = $2 AND hash = decode($3, 'hex')
            """,
            [municipality, checkpoint.seq, checkpoint.hash]
        ).isEmpty
    }
}
