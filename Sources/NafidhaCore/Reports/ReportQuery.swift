import Foundation
import NafidhaContract

/// What a report covers: a half-open range, optional municipality and sector filters, and its options.
public struct ReportQuery: Sendable {
    /// The range's start, inclusive.
    public var from: Date
    /// The range's end, exclusive.
    public var to: Date
    /// Only this municipality, when set.
    public var municipality: String?
    /// Only this sector, when set.
    public var sector: String?
    /// SLA rows per service as well as per municipality and sector.
    public var byService: Bool
    /// Throughput's period.
    public var interval: Reports.Query.Interval
    /// The instant "now" means (overdue tasks, backlog ages); a parameter so figures are reproducible.
    public var now: Date
    /// Satisfaction: whether the ratings' comments are listed (`ReportAccess` allows it to supervisors only).
    public var includeComments = false

    /// Describes a report's scope.
    public init(
        from: Date, to: Date, municipality: String? = nil, sector: String? = nil, byService: Bool = false,
        interval: Reports.Query.Interval = .day, now: Date = Date()
    ) {
        self.from = from
        self.to = to
        self.municipality = municipality
        self.sector = sector
        self.byService = byService
        self.interval = interval
        self.now = now
    }
}
