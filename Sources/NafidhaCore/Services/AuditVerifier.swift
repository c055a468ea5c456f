import NafidhaContract
import Postgres

/// Verifies the audit chains stored in the database (`GET /v1/audit/verify`), only those in the caller's scope, on
/// the bounded verifiers of an `AuditVerificationQueue`; exported files are checked offline by `AuditFileVerifier`.
public struct AuditVerifier: Sendable {
    private let pool: PostgresPool
    private let queue: AuditVerificationQueue

    /// A verifier over `pool`, with its own queue.
    public init(pool: PostgresPool, settings: AuditVerificationQueue.Settings = .init()) {
        self.pool = pool
        queue = AuditVerificationQueue(pool: pool, settings: settings)
    }

    /// The chains of `member`'s municipalities (every chain for national staff), in code order, each from its
    /// checkpoint or, when `full`, from genesis.
    /// - Throws: 403 `reports_not_allowed` for clerks; 503 `overloaded` when the verifiers cannot take the call.
    public func verify(for member: StaffMember, full: Bool = false) throws -> [AuditLog.Verification] {
        let codes =
            try ReportAccess.verifiableMunicipalities(for: member)?.sorted()
            ?? pool.withConnection { try AuditLog.municipalityCodes(on: $0) }
        return try queue.verify(codes, full: full)
    }
}
