import Postgres

/// Verifies the audit chains stored in the database (`GET /v1/audit/verify`); exported files are checked offline
/// by `AuditFileVerifier`.
public struct AuditVerifier: Sendable {
    private let pool: PostgresPool

    /// A verifier over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Recomputes every municipality's chain.
    public func verifyAll() throws -> [AuditLog.Verification] {
        try pool.withConnection { try AuditLog.verifyAll(on: $0) }
    }
}
