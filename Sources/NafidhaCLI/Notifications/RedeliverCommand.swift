import ArgumentParsing
import NafidhaCore

/// `nafidha admin redeliver NOTIFICATION_ID`: sends a notification again, with its same message id.
struct RedeliverCommand: RunnableCommand {
    static let id = Positional<Int>(
        "notification-id", help: "The notification's id (nafidha admin notifications, nafidha show).")

    static let configuration = CommandConfiguration(
        name: "redeliver",
        abstract: "Sends a notification again (a dead one, or a sent one a receiver lost).",
        discussion: """
            The notification becomes pending and due at once, with a new 24-hour retry window; it keeps its message \
            id, so a receiver that has it already can drop the repeat. A running nafidha serve delivers it.
            """,
        arguments: [id.definition] + AdminDatabase.arguments
    )

    let notification: Int
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let id = try arguments.value(of: Self.id) else { throw UsageError.required(Self.id.definition) }
        notification = id
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let summary = try NotificationAdmin.withServices(database, context: context) {
            try $0.notifications.redeliver(id: Int64(notification))
        }
        context.standardOutput.writeLine(
            "Notification \(summary.id) (\(summary.channel.rawValue) to \(summary.recipient), \(summary.event.rawValue) "
                + "of \(summary.trackingNumber)) is pending again; message id \(summary.messageID.uuidString.lowercased())."
        )
        return 0
    }
}
