import ArgumentParsing
import Foundation
import NafidhaContract

/// What every clerk command shares: resolve the credentials, call the server, and turn a `ClientFailure` into
/// `Error: ...` on standard error with its exit code (1 refused or garbled, 69 unreachable, 64 not configured).
enum ClerkCommandRunner {
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

    /// Pretty JSON for `--json`, in the API's member names, keys sorted so scripts and diffs see a stable shape.
    static func jsonText(_ value: some Encodable) -> String {
        guard let data = try? ContractJSON.prettyEncoder().encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The language for names shown in tables: from `LANG` (ar, fr), else English.
    static func language(_ context: CommandContext) -> Language {
        Language(rawValue: String((context.environment["LANG"] ?? "").prefix(2))) ?? .english
    }

    /// An instant as the tables show it, in UTC to the minute: `2026-06-01 07:00`.
    static func minute(_ instant: Date?) -> String {
        guard let instant else { return "-" }
        return String(ISO8601DateFormatter().string(from: instant).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    /// One task as a table row: id, tracking number, service, municipality/sector, status, priority, due, assignee.
    static func taskRow(_ task: Staff.QueueTask, language: Language) -> [String] {
        [
            String(task.id), task.trackingNumber, task.serviceName.text(in: language),
            "\(task.municipality)/\(task.sector)", task.status.rawValue, String(task.priority), minute(task.dueAt),
            task.assignee ?? "-",
        ]
    }

    static let taskHeaders = ["TASK", "TRACKING", "SERVICE", "QUEUE", "STATUS", "PRI", "DUE (UTC)", "ASSIGNEE"]
}
