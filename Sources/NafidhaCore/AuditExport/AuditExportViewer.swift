import Foundation

/// Who sees personal data in an unmasked export, as the audit trail records it (`personal_data_viewed`).
public enum AuditExportViewer: Sendable, Equatable {
    /// A staff member whose bearer token the API checked (an auditor or an admin): actor kind `auditor`, actor their
    /// login; details `channel` `api`.
    case staff(StaffMember)
    /// An operator working on the database directly (`nafidha admin audit-export`): actor kind `system`, actor
    /// `operator:` and the database role the command connected as (PostgreSQL authenticated it); details `channel`
    /// `database`, and the operating-system account and host the command ran on (what that machine says, not
    /// proof).
    case `operator`(osUser: String, host: String)
}
