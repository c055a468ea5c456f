extension Staff {
    /// `GET /v1/staff/me`: the caller's name, role and scope.
    public struct Member: Codable, Sendable, Equatable {
        /// The login name.
        public var name: String
        /// What the caller may do.
        public var role: StaffRole
        /// The municipalities in scope; empty for a national auditor or admin.
        public var municipalities: [String]
        /// The sectors in scope (clerks only).
        public var sectors: [String]

        /// A staff member.
        public init(name: String, role: StaffRole, municipalities: [String], sectors: [String]) {
            self.name = name
            self.role = role
            self.municipalities = municipalities
            self.sectors = sectors
        }
    }
}
