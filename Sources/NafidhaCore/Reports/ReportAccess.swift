import NafidhaContract

/// Who may read reports and the audit chains' state, and within which municipalities.
///
/// Auditors, supervisors and admins may; clerks may not. A member scoped to municipalities sees only those: a
/// query without a municipality is narrowed to their only one, and must name one when they have several.
public enum ReportAccess {
    /// Checks that `member` may run `query`, narrowing it to their scope; throws 403 errors otherwise. Only
    /// supervisors read the comments of ratings (docs/citizens.md): they act on them, auditors count.
    public static func authorize(_ member: StaffMember, _ query: inout ReportQuery) throws {
        query.municipality = try municipality(query.municipality, for: member)
        query.includeComments = member.role == .supervisor
    }

    /// The municipality a report or an export by `member` covers: the one asked for, which must be in scope; for a
    /// member scoped to one municipality and asking for none, that one; nil for national staff asking for none.
    /// - Throws: 403 `reports_not_allowed` for clerks, `out_of_scope` otherwise.
    public static func municipality(_ asked: String?, for member: StaffMember) throws -> String? {
        guard member.role != .clerk else { throw NafidhaError(.reportsNotAllowed) }
        guard let scope = member.visibleMunicipalities else { return asked }
        if let asked {
            guard scope.contains(asked) else {
                throw NafidhaError(.outOfScope, message: ErrorCode.Message.outOfScope(.municipality(asked)))
            }
            return asked
        }
        guard scope.count == 1 else {
            throw NafidhaError(.outOfScope, message: ErrorCode.Message.outOfScope(.unnamedMunicipality))
        }
        return scope[0]
    }

    /// The municipalities whose chains `member` may verify (nil: all); clerks may not.
    public static func verifiableMunicipalities(for member: StaffMember) throws -> [String]? {
        guard member.role != .clerk else { throw NafidhaError(.reportsNotAllowed) }
        return member.visibleMunicipalities
    }
}
