import ArgumentParsing
import Foundation

/// What every clerk command shares: resolve the credentials, call the server, and turn a `ClientFailure` into
/// `Error: ...` on standard error with its exit code (1 refused, 69 unreachable, 64 not configured).
enum ClerkCommandRunner {
    /// `text` percent-encoded as one path segment, so a typed tracking number can never change the path.
    static func pathSegment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    static func run(context: CommandContext, _ body: (StaffClient) throws(ClientFailure) -> Void) -> Int32 {
        do throws(ClientFailure) {
            let credentials = try ClientCredentials.resolve(context: context)
            try body(StaffClient(credentials: credentials, environment: context.environment))
            return 0
        } catch {
            context.standardError.writeLine("Error: \(error)")
            return error.exitCode
        }
    }

    /// Pretty JSON for `--json`, keys sorted so scripts and diffs see a stable shape.
    static func jsonText(_ value: Any) -> String {
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The language for names shown in tables: from `LANG` (ar, fr), else English.
    static func languageKey(_ context: CommandContext) -> String {
        let prefix = String((context.environment["LANG"] ?? "en").prefix(2))
        return ["ar", "fr"].contains(prefix) ? prefix : "en"
    }

    /// One task as a table row: id, tracking number, service, municipality/sector, status, priority, due, assignee.
    static func taskRow(_ task: [String: Any], language: String) -> [String] {
        let name = (task["service_name"] as? [String: Any])?[language] as? String ?? task["service"] as? String ?? ""
        return [
            "\(task["id"] as? Int ?? 0)", task["tracking_number"] as? String ?? "", name,
            "\(task["municipality"] as? String ?? "")/\(task["sector"] as? String ?? "")",
            task["status"] as? String ?? "", "\(task["priority"] as? Int ?? 0)",
            (task["due_at"] as? String).map { String($0.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "-",
            task["assignee"] as? String ?? "-",
        ]
    }

    static let taskHeaders = ["TASK", "TRACKING", "SERVICE", "QUEUE", "STATUS", "PRI", "DUE (UTC)", "ASSIGNEE"]
}
