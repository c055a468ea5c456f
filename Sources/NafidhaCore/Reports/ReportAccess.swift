import NafidhaContract

/// Who may read reports and the audit chains' state, and within which municipalities.
///
/// Auditors, supervisors and admins may; clerks may not. A member scoped to municipalities sees only those: a
/// query without a municipality is narrowed to their only one, and must name one when they have several.
public enum ReportAccess {
    /// Checks that `member` may run `query`, narrowing it to their scope; throws 403 errors otherwise.
    public static func authorize(_ member: StaffMember, _ query: inout ReportQuery) throws {
        guard member.role != .clerk else { throw notAllowed }
        guard let scope = member.visibleMunicipalities else { return }
        if let municipality = query.municipality {
            guard scope.contains(municipality) else { throw outOfScope }
        } else if scope.count == 1 {
            query.municipality = scope[0]
        } else {
            throw outOfScope
        }
    }

    /// The municipalities whose chains `member` may verify (nil: all); clerks may not.
    public static func verifiableMunicipalities(for member: StaffMember) throws -> [String]? {
        guard member.role != .clerk else { throw notAllowed }
        return member.visibleMunicipalities
    }

    static let notAllowed = NafidhaError(
        .forbidden, code: "reports_not_allowed",
        message: LocalizedText(
            ar: "التقارير متاحة للمدققين والمشرفين والمسؤولين فقط.",
            fr: "Les rapports sont réservés aux auditeurs, superviseurs et administrateurs.",
            en: "Reports are for auditors, supervisors and admins only."
        ))

    static let outOfScope = NafidhaError(
        .forbidden, code: "out_of_scope",
        message: LocalizedText(
            ar: "هذه البلدية خارج نطاق صلاحياتك، أو يجب تحديد بلدية.",
            fr: "Cette municipalité est hors de votre périmètre, ou une municipalité doit être indiquée.",
            en: "This municipality is outside your scope, or you must name one."
        ))
}
