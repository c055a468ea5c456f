import Foundation

extension Audit {
    /// The query of `GET /v1/audit/export`. Without `from` and `to`, the whole trail.
    public struct ExportQuery: Sendable, Equatable {
        /// The file format (`format=jsonl|csv`, default JSON lines).
        public var format: ExportFormat
        /// Events that occurred at or after this instant; nil: from the first.
        public var from: Date?
        /// Events that occurred strictly before this instant; nil: up to the export's snapshot.
        public var to: Date?
        /// Only this municipality's chain (required of staff scoped to several).
        public var municipality: String?
        /// Applicants' names and national ids in full (`unmasked=true`): auditors and admins only, recorded as a
        /// `personal_data_viewed` audit event naming them.
        public var unmasked: Bool

        /// A query.
        public init(
            format: ExportFormat = .jsonl, from: Date? = nil, to: Date? = nil, municipality: String? = nil,
            unmasked: Bool = false
        ) {
            self.format = format
            self.from = from
            self.to = to
            self.municipality = municipality
            self.unmasked = unmasked
        }

        /// The parameters that are set, instants to the microsecond.
        public var items: [QueryItem] {
            var items = [QueryItem("format", format.rawValue)]
            if let from { items.append(QueryItem("from", Audit.timeText(from))) }
            if let to { items.append(QueryItem("to", Audit.timeText(to))) }
            if let municipality { items.append(QueryItem("municipality", municipality)) }
            if unmasked { items.append(QueryItem("unmasked", "true")) }
            return items
        }
    }

    /// `2026-03-01T08:15:00.000000Z`: UTC to the microsecond, always 27 characters (docs/audit.md's form, which
    /// sorts like the instants).
    public static func timeText(_ date: Date) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        var micros = Int(((date.timeIntervalSince1970 - seconds) * 1_000_000).rounded())
        var whole = Int(seconds)
        if micros == 1_000_000 {
            whole += 1
            micros = 0
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: Double(whole)))
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))T\(pad(parts.hour, 2)):"
            + "\(pad(parts.minute, 2)):\(pad(parts.second, 2)).\(pad(micros, 6))Z"
    }
}
