/// Order statistics for the SLA report.
enum ReportStatistics {
    /// The `fraction` percentile of `values` by linear interpolation between closest ranks (PostgreSQL's
    /// `percentile_cont`); nil for no values.
    static func percentile(_ values: [Double], _ fraction: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let position = fraction * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}
