import NafidhaContract
import Postgres

/// Verifies the audit chains stored in the database (`GET /v1/audit/verify`); exported files are checked offline
/// by `AuditFileVerifier`.
public struct AuditVerifier: Sendable {
    private let pool: PostgresPool

    /// A verifier over `pool`.
    public init(pool: PostgresPool) {
        self.pool = pool
    }

    /// Recomputes the chain of every municipality `member` may verify (`ReportAccess`): intact only when each is.
    /// - Throws: 403 `reports_not_allowed` for clerks.
    public func verify(for member: StaffMember) throws -> Audit.Verification {
        let scope = try ReportAccess.verifiableMunicipalities(for: member)
        let chains = try pool.withConnection { try AuditLog.verifyAll(on: $0) }
            .filter { scope?.contains($0.municipality) ?? true }
            .map { verification in
                Audit.Chain(
                    municipality: verification.municipality, intact: verification.intact,
                    eventsChecked: verification.eventsChecked, brokenSeq: verification.brokenSequence,
                    problem: verification.problem, unchainedEvents: verification.unchainedEvents)
            }
        return Audit.Verification(intact: chains.allSatisfy(\.intact), chains: chains)
    }
}
