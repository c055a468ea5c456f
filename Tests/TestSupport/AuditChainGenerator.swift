import Foundation
import Postgres

/// Writes long audit chains quickly for tests of verification at scale: `count` chained events after
/// `municipality`'s head, hashed exactly as the sequencer hashes them, by `scripts/bench.d/audit-chain.sql` (the
/// same script `scripts/bench verify-flood` runs).
///
/// Chaining through the sequencer costs about 80 µs per event (its link trigger checks every batch); the script
/// computes the links in one PL/pgSQL loop and inserts them with the triggers off (`session_replication_role =
/// replica`, which needs a superuser, as the test cluster's user is), then moves the head: about 15 µs per event.
/// The chain is valid by construction; both verifiers agree (tested).
public enum AuditChainGenerator {
    /// The repository's `scripts/bench.d/audit-chain.sql`, found from this file's path.
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/bench.d/audit-chain.sql")

    /// Appends `count` events (clerk approvals a millisecond apart, after the head's time) to `municipality`'s chain.
    public static func append(_ count: Int, to municipality: String, on connection: PostgresConnection) throws {
        try connection.runTrustedScript(try String(contentsOf: script, encoding: .utf8))
        try connection.execute("SET session_replication_role = replica")
        defer { _ = try? connection.execute("RESET session_replication_role") }
        try connection.query("SELECT pg_temp.nafidha_generate_chain($1, $2::int)", [municipality, count])
    }
}
