/// What a staff member may do (docs/clerks.md has the full matrix).
public enum StaffRole: String, Sendable, CaseIterable, Codable {
    /// Works the queues of their municipalities' sectors.
    case clerk
    /// Sees every sector of their municipalities and may reassign tasks.
    case supervisor
    /// Takes payments at a counter of their municipalities and records refunds (docs/payments.md); no task.
    case cashier
    /// Reads everything in scope (national when unscoped) and changes nothing.
    case auditor
    /// Reads everything in scope; manages staff through `nafidha admin` on the server.
    case admin

    /// Whether the role may claim, release or otherwise change tasks.
    public var actsOnTasks: Bool {
        self == .clerk || self == .supervisor
    }
}
