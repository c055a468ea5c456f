import NafidhaContract

/// What a staff member's role and scope allow, checked by the workflow engine and the queue listings.
extension StaffMember {
    /// The member as the audit trail names them: `clerk` for those who act on tasks, `auditor` for the readers.
    var actor: Actor {
        Actor(kind: role.actsOnTasks ? .clerk : .auditor, id: name)
    }

    /// Refuses read-only roles (auditors and admins) with 403 `read_only_role`.
    func requireActsOnTasks() throws {
        guard role.actsOnTasks else { throw NafidhaError(.readOnlyRole) }
    }

    /// Refuses a filter naming a municipality or sector outside the scope (403 `out_of_scope`, rather than an empty
    /// answer that would look like "nothing there").
    func requireScope(municipality: String?, sector: String?) throws {
        if let municipality, let visible = visibleMunicipalities, !visible.contains(municipality) {
            throw NafidhaError(.outOfScope, message: ErrorCode.Message.outOfScope(.municipality(municipality)))
        }
        if let sector, let visible = visibleSectors, !visible.contains(sector) {
            throw NafidhaError(.outOfScope, message: ErrorCode.Message.outOfScope(.sector(sector)))
        }
    }

    /// Whether the member may see the applicant's personal data of a request in `municipality` whose tasks are
    /// `tasks` (docs/clerks.md, "Personal data"): clerks only while a task of their scope is open, claimed or
    /// awaiting the citizen (not for a step still waiting in a later stage, nor one already decided); supervisors,
    /// auditors and admins for every request of their municipalities.
    func maySeePersonalData(municipality: String, tasks: [Staff.QueueTask]) -> Bool {
        switch role {
        case .clerk:
            tasks.contains { task in
                [TaskStatus.open, .claimed, .awaitingCitizen].contains(task.status)
                    && canSee(municipality: task.municipality, sector: task.sector)
            }
        case .cashier:
            false
        case .supervisor, .auditor, .admin:
            visibleMunicipalities?.contains(municipality) ?? true
        }
    }
}
