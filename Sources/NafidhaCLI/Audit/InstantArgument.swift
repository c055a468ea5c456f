import Foundation
import NafidhaContract

/// Reads `--from`/`--to` values: a date (`2026-03-01`, midnight UTC) or an RFC 3339 instant with a zone, as the API
/// reads its date parameters (`DateParameter`; the services refuse dates outside its range).
enum InstantArgument {
    static func parse(_ text: String) -> Date? {
        DateParameter.parse(text)
    }

    /// The file's absolute path, relative paths taken from the command's current folder.
    static func absolutePath(_ path: String, in folder: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: folder).appendingPathComponent(path).path
    }
}
