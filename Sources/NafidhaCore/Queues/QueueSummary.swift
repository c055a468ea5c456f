import NafidhaContract

/// One queue (municipality, sector, office) with its counts, as `GET /v1/staff/queues` lists it.
public struct QueueSummary: Sendable, Equatable, Codable {
    /// The municipality whose requests it holds.
    public var municipality: String
    /// The sector that works it.
    public var sector: String
    /// The sector's name in each language.
    public var sectorName: LocalizedText
    /// The office that works it.
    public var office: String
    /// Tasks waiting to be claimed.
    public var open: Int
    /// Tasks a staff member holds.
    public var claimed: Int
    /// Tasks paused while the citizen answers.
    public var awaitingCitizen: Int
    /// Open or claimed tasks past their due time.
    public var overdue: Int
    /// Non-final tasks the escalation sweep has marked.
    public var escalated: Int

    enum CodingKeys: String, CodingKey {
        case municipality, sector, office, open, claimed, overdue, escalated
        case awaitingCitizen = "awaiting_citizen"
        case sectorName = "sector_name"
    }
}
