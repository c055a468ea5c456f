import Foundation
import NafidhaContract

/// What to export: chained audit events of a half-open time range (the whole trail without one), optionally one
/// municipality, in a format, masked or not.
public struct AuditExportOptions: Sendable, Equatable {
    /// Events that occurred at or after this instant; nil: from the first event.
    public var from: Date?
    /// Events that occurred strictly before this instant; nil: every event chained in the export's snapshot.
    public var to: Date?
    /// Only this municipality's chain; nil for all.
    public var municipality: String?
    /// The file format.
    public var format: Audit.ExportFormat
    /// Whether applicants' names and national ids appear in full (recorded first as `personal_data_viewed` events
    /// naming the viewer).
    public var unmasked: Bool
    /// Whether to run the audit sequencer first (waiting briefly for one already at work), so that every event
    /// committed before the export, the record of an unmasked export included, is chained and in the file.
    public var chainsWaitingEventsFirst: Bool

    /// Describes an export; masked unless `unmasked` is set.
    public init(
        from: Date? = nil, to: Date? = nil, municipality: String? = nil, format: Audit.ExportFormat = .jsonl,
        unmasked: Bool = false, chainsWaitingEventsFirst: Bool = true
    ) {
        self.from = from
        self.to = to
        self.municipality = municipality
        self.format = format
        self.unmasked = unmasked
        self.chainsWaitingEventsFirst = chainsWaitingEventsFirst
    }

    /// Refuses bounds outside `DateParameter`'s range (400 `invalid_parameter`) and a range that does not start
    /// before it ends (400 `invalid_range`), before anything reaches SQL.
    func checkRange() throws(NafidhaError) {
        try NafidhaError.requireDateInRange(from, name: "from")
        try NafidhaError.requireDateInRange(to, name: "to")
        if let from, let to, from >= to { throw NafidhaError(.invalidRange) }
    }
}
