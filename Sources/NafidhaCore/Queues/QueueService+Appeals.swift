import Foundation
import NafidhaContract

/// The `appeals` queue for supervisors (docs/appeals.md).
extension QueueService {
    /// The appeals of `member`'s municipalities (or of `municipality`, which must be one of them) with `status`:
    /// for supervisors, who decide them, and for auditors and admins, who read them. Clerks get `supervisor_only`.
    /// - Throws: 403 `supervisor_only`, `out_of_scope`.
    public func appeals(for member: StaffMember, municipality: String?, status: AppealStatus = .pending) throws
        -> [Staff.Appeal]
    {
        guard member.role != .clerk else { throw NafidhaError(.supervisorOnly) }
        try member.requireScope(municipality: municipality, sector: nil)
        let municipalities = municipality.map { [$0] } ?? member.visibleMunicipalities
        return try pool.withConnection { connection in
            try AppealQueue.appeals(municipalities: municipalities, status: status, on: connection, now: Date())
        }
    }
}
