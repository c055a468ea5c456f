import NafidhaContract
import NafidhaCore

extension StaffMember {
    /// The sectors of the demo catalog.
    public static let demoSectors = [
        "civil_registry", "urban_planning", "civil_defence", "water_sanitation", "waste_cleanliness",
        "roads_lighting", "business_licensing", "health", "social_affairs", "finance",
    ]

    /// A staff member as a token would authenticate them, for tests that drive the engine directly: the engine
    /// trusts the member it is handed and needs no staff row (a clerk of every demo sector by default).
    public static func testing(
        _ name: String, _ role: StaffRole = .clerk, municipalities: [String] = ["BEN"],
        sectors: [String]? = nil
    ) -> StaffMember {
        StaffMember(
            id: 0, name: name, role: role, municipalities: municipalities,
            sectors: sectors ?? (role == .clerk ? demoSectors : []))
    }
}
