import Foundation

/// Reads `--from`/`--to` values: a date (`2026-03-01`, midnight UTC) or an ISO 8601 instant with a zone.
enum InstantArgument {
    static func parse(_ text: String) -> Date? {
        let withZone = ISO8601DateFormatter()
        withZone.formatOptions = [.withInternetDateTime]
        if let date = withZone.date(from: text) { return date }
        withZone.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withZone.date(from: text) { return date }
        let dateOnly = ISO8601DateFormatter()
        dateOnly.formatOptions = [.withFullDate]
        dateOnly.timeZone = TimeZone(identifier: "UTC")
        return text.count == 10 ? dateOnly.date(from: text) : nil
    }

    /// The file's absolute path, relative paths taken from the command's current folder.
    static func absolutePath(_ path: String, in folder: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: folder).appendingPathComponent(path).path
    }
}
