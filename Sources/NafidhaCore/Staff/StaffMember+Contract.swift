import NafidhaContract

extension Staff.Member {
    /// `GET /v1/staff/me`'s answer for `member`: name, role and scope.
    public init(_ member: StaffMember) {
        self.init(
            name: member.name, role: member.role, municipalities: member.municipalities, sectors: member.sectors)
    }
}
