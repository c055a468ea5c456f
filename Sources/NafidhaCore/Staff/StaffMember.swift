import NafidhaContract

/// An authenticated staff member and the scope their role gives them.
public struct StaffMember: Sendable, Equatable {
    /// The database id.
    public var id: Int64
    /// The login handle; also what a claimed task's `assignee` holds.
    public var name: String
    /// The role.
    public var role: StaffRole
    /// Municipality codes in scope; empty means every municipality (auditors and admins only).
    public var municipalities: [String]
    /// Sector codes in scope for a clerk; ignored for the other roles, who see every sector.
    public var sectors: [String]

    /// Creates a staff member.
    public init(id: Int64, name: String, role: StaffRole, municipalities: [String], sectors: [String]) {
        self.id = id
        self.name = name
        self.role = role
        self.municipalities = municipalities
        self.sectors = sectors
    }

    /// The municipalities this member may see, or nil for all of them.
    public var visibleMunicipalities: [String]? {
        municipalities.isEmpty ? nil : municipalities
    }

    /// The sectors this member may see, or nil for all of them: only clerks are limited to sectors.
    public var visibleSectors: [String]? {
        role == .clerk ? sectors : nil
    }

    /// Whether a task of `municipality` and `sector` is visible to this member.
    public func canSee(municipality: String, sector: String) -> Bool {
        (visibleMunicipalities?.contains(municipality) ?? true) && (visibleSectors?.contains(sector) ?? true)
    }
}
