import ArgumentParsing
import Foundation
import NafidhaContract

/// `nafidha events [--after CURSOR] [--limit N] [--type TYPE]... [--follow]`: the event feed, one JSON object per
/// line, oldest first; with `--follow`, new events as they come (polling).
struct EventsCommand: RunnableCommand {
    static let after = Option<String>(
        "after", valueName: "cursor", help: "Start after this cursor (printed on standard error by an earlier run).")
    static let limit = Option<Int>(
        "limit", valueName: "n", help: "Events per request to the server (1-1000). Default: 100.")
    static let type = Option<String>(
        "type", valueName: "type", repeatable: true, help: "Only this event type (repeatable), e.g. task.escalated.")
    static let follow = Flag("follow", help: "Keep polling for new events until interrupted.")
    static let interval = Option<Int>(
        "interval", valueName: "seconds", help: "With --follow, seconds between polls when nothing is new. Default: 2.")

    static let configuration = CommandConfiguration(
        name: "events",
        abstract: "Prints the event feed: what happened to requests and tasks in your scope, in commit order.",
        discussion: """
            Reads NAFIDHA_URL and NAFIDHA_TOKEN, or what 'nafidha login' stored. Each event is one line of JSON \
            (id, type, timestamp, data), without personal data. Without --follow, prints every event after --after \
            and then, on standard error, the cursor to pass as --after next time. With --follow, polls every \
            --interval seconds and prints new events as they come, until interrupted (Ctrl-C).
            """,
        arguments: [after.definition, limit.definition, type.definition, follow.definition, interval.definition]
    )

    let start: String?
    let limit: Int
    let types: [NotificationEventType]
    let follows: Bool
    let pause: Int

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        start = try arguments.value(of: Self.after)
        limit = try arguments.value(of: Self.limit) ?? 100
        guard (1...1000).contains(limit) else {
            throw UsageError.invalidValue(
                for: Self.limit.definition, value: String(limit), reason: "expected 1 to 1000")
        }
        var types: [NotificationEventType] = []
        for text in try arguments.values(of: Self.type) {
            guard let type = NotificationEventType(rawValue: text) else {
                throw UsageError.invalidValue(
                    for: Self.type.definition, value: text,
                    reason: "expected one of " + NotificationEventType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            types.append(type)
        }
        self.types = types
        follows = arguments.isSet(Self.follow)
        pause = try arguments.value(of: Self.interval) ?? 2
        guard (1...3600).contains(pause) else {
            throw UsageError.invalidValue(
                for: Self.interval.definition, value: String(pause), reason: "expected 1 to 3600")
        }
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            var cursor = start
            while true {
                let page = try client.send(Routes.events(after: cursor, limit: limit, types: types))
                for event in page.events {
                    context.standardOutput.writeLine(Self.line(event))
                }
                cursor = page.nextCursor
                guard page.events.count < limit else { continue }
                guard follows else { break }
                Thread.sleep(forTimeInterval: TimeInterval(pause))
            }
            context.standardError.writeLine("Next cursor: \(cursor ?? "")")
        }
    }

    /// One event as one line of compact JSON, keys sorted.
    static func line(_ event: Events.Event) -> String {
        (try? ContractJSON.encode(event)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
