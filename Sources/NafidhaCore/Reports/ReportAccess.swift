import NafidhaContract

/// Who may read reports and the audit chains' state, and within which municipalities.
///
/// Auditors, supervisors and admins may; clerks may not. A member scoped to municipalities sees only those: a
/// query without a municipality is narrowed to their only one, and must name one when they have several.
public enum ReportAccess {
    /// Checks that `member` may run `query`, narrowing it to their scope; throws 403 errors otherwise.
    public static func authorize(_ member: StaffMember, _ query: inout ReportQuery) throws {
        guard member.role != .clerk else { throw NafidhaError(.reportsNotAllowed) }
        guard let scope = member.visibleMunicipalities else { return }
        if let municipality = query.municipality {
            guard scope.contains(municipality) else {
                throw NafidhaError(.outOfScope, message: ErrorCode.Message.outOfScope(.municipality(municipality)))
            }
        } else if scope.count == 1 {
            query.municipality = scope[0]
        } else {
            throw NafidhaError(.outOfScope, message: ErrorCode.Message.outOfScope(.unnamedMunicipality))
        }
    }

    /// The municipalities whose chains `member` may verify (nil: all); clerks may not.
    public static func verifiableMunicipalities(for member: StaffMember) throws -> [String]? {
        guard member.role != .clerk else { throw NafidhaError(.reportsNotAllowed) }
        return member.visibleMunicipalities
    }
}
