import Postgres

/// Reading a chain out of the database for the independent verifier.
extension AuditLog {
    /// `municipality`'s chained events as an export presents them (the `audit_event_export` columns, plus the id),
    /// in `seq` order. Events waiting for the sequencer are not part of the chain yet and are left out.
    public static func exportedEvents(municipality: String, on connection: PostgresConnection) throws
        -> [AuditExportedEvent]
    {
        try connection.query(
            """
            SELECT id, municipality_code, seq, audit_time_text(occurred_at) AS occurred_at, actor_kind, actor, action,
                   request_id, task_id, details, encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash
              FROM audit_events WHERE municipality_code = $1 AND seq IS NOT NULL ORDER BY seq
            """,
            [municipality]
        ).map { row in
            AuditExportedEvent(
                id: try row.decode("id"), municipalityCode: try row.decode("municipality_code"),
                seq: try row.decode("seq"),
                occurredAt: try row.decode("occurred_at"), actorKind: try row.decode("actor_kind"),
                actor: try row.decode("actor"), action: try row.decode("action"),
                requestID: try row.decode("request_id"),
                taskID: try row.decode("task_id"), details: try row.decode("details"),
                prevHash: try row.decode("prev_hash"),
                hash: try row.decode("hash")
            )
        }
    }

    /// Recomputes `municipality`'s chain in Swift (not with the database's function), then checks that the chain
    /// ends at the recorded head (`head_mismatch` otherwise, as `verify` reports a cut tail).
    ///
    /// Events and head are read in one REPEATABLE READ snapshot (when `connection` is outside a transaction), so a
    /// batch the sequencer commits meanwhile cannot pass for a cut tail.
    public static func verifyIndependently(municipality: String, on connection: PostgresConnection) throws
        -> AuditChainVerifier.Verdict
    {
        try connection.withTransaction(isolation: .repeatableRead) { connection in
            try verifyInSnapshot(municipality: municipality, on: connection)
        }
    }

    private static func verifyInSnapshot(municipality: String, on connection: PostgresConnection) throws
        -> AuditChainVerifier.Verdict
    {
        let events = try exportedEvents(municipality: municipality, on: connection)
        var verdict = AuditChainVerifier.verify(events)
        guard verdict.intact else { return verdict }
        let head = try connection.query(
            "SELECT last_seq, encode(last_hash, 'hex') AS last_hash FROM audit_chain_heads WHERE municipality_code = $1",
            [municipality]
        ).first
        let headSequence: Int64 = try head?.decode("last_seq") ?? 0
        let headHash: String = try head?.decode("last_hash") ?? String(repeating: "0", count: 64)
        if headSequence != verdict.eventsChecked || headHash != verdict.headHash {
            verdict.intact = false
            verdict.brokenSequence = headSequence
            verdict.problem = "head_mismatch"
        }
        return verdict
    }
}
