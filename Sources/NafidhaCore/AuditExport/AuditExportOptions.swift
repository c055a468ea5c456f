import Foundation

/// What to export: a half-open time range of audit events, optionally one municipality, masked or not.
public struct AuditExportOptions: Sendable {
    /// Events that joined their chain at or after this instant.
    public var from: Date
    /// Events that joined their chain strictly before this instant.
    public var to: Date
    /// Only this municipality's chain; nil for all.
    public var municipality: String?
    /// The file format.
    public var format: AuditExportFormat
    /// Whether applicants' names and national ids appear in full (recorded as a `personal_data_viewed` event).
    public var unmasked: Bool
    /// Who exports, recorded in the trail when `unmasked` (an auditor's login).
    public var actor: String
    /// Whether to run the audit sequencer first (waiting briefly for one already at work), so that every event
    /// committed before the export, the record of an unmasked export included, is chained and in the file.
    public var chainsWaitingEventsFirst: Bool

    /// Describes an export; masked unless `unmasked` is set.
    public init(
        from: Date, to: Date, municipality: String? = nil, format: AuditExportFormat = .jsonl,
        unmasked: Bool = false, actor: String = "nafidha", chainsWaitingEventsFirst: Bool = true
    ) {
        self.from = from
        self.to = to
        self.municipality = municipality
        self.format = format
        self.unmasked = unmasked
        self.actor = actor
        self.chainsWaitingEventsFirst = chainsWaitingEventsFirst
    }
}
