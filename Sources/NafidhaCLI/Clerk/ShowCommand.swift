import ArgumentParsing
import Foundation
import NafidhaContract

/// `nafidha show TRACKING`: the request with the applicant's personal data and its tasks (an audited access).
struct ShowCommand: RunnableCommand {
    static let tracking = Positional<String>("tracking", help: "The tracking number, e.g. TRP-7KQ4-M2XD.")
    static let json = Flag("json", help: "Print the server's JSON.")

    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "Shows a request in your scope, its applicant, its tasks and its notifications.",
        discussion: """
            Viewing the applicant's personal data is recorded in the audit trail (personal_data_viewed). The \
            notifications (SMS, e-mails, webhook deliveries) are listed with their delivery state, recipients \
            masked; --json prints the request's JSON only.
            """,
        arguments: [tracking.definition, json.definition]
    )

    let trackingNumber: String
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let tracking = try arguments.value(of: Self.tracking) else {
            throw UsageError.required(Self.tracking.definition)
        }
        trackingNumber = tracking
        json = arguments.isSet(Self.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            let language = ClerkCommandRunner.language(context)
            guard trackingNumber.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else {
                // Not a tracking number: the server's own answer, without asking it.
                throw .refused(
                    status: ErrorCode.requestNotFound.status, code: ErrorCode.requestNotFound.rawValue,
                    message: ErrorCode.requestNotFound.message.text(in: language))
            }
            let request = try client.send(Routes.staffRequest(trackingNumber))
            guard !json else {
                context.standardOutput.writeLine(ClerkCommandRunner.jsonText(request))
                return
            }
            var facts = TerminalTable(headers: ["FIELD", "VALUE"])
            facts.rows = [
                ["tracking_number", request.trackingNumber], ["service", request.service],
                ["municipality", request.municipality], ["status", request.status.rawValue],
                ["submitted_at", Self.instant(request.submittedAt)], ["due_at", Self.instant(request.dueAt)],
                ["applicant_name", request.applicantName],
                ["applicant_national_id", request.applicantNationalID ?? "-"],
                ["applicant_phone", request.applicantPhone ?? "-"], ["applicant_email", request.applicantEmail ?? "-"],
                ["description", request.description], ["fields", request.fields],
            ]
            let style = TerminalStyle(context: context)
            context.standardOutput.writeLine(facts.render(style: style))
            var tasks = TerminalTable(headers: ClerkCommandRunner.taskHeaders)
            tasks.rows = request.tasks.map { ClerkCommandRunner.taskRow($0, language: language) }
            context.standardOutput.writeLine("")
            context.standardOutput.writeLine(tasks.render(style: style))
            let notifications = try client.send(Routes.requestNotifications(trackingNumber)).notifications
            context.standardOutput.writeLine("")
            guard !notifications.isEmpty else {
                context.standardOutput.writeLine("No notifications.")
                return
            }
            var sent = TerminalTable(
                headers: [
                    "NOTIFICATION", "EVENT", "CHANNEL", "TO", "STATE", "ATTEMPTS", "SENT/NEXT (UTC)", "LAST ERROR",
                ])
            sent.rows = notifications.map { notification in
                [
                    String(notification.id), notification.event.rawValue, notification.channel.rawValue,
                    notification.recipient, notification.state.rawValue, String(notification.attempts),
                    ClerkCommandRunner.minute(notification.sentAt ?? notification.nextAttemptAt),
                    notification.lastError.map { String($0.prefix(60)) } ?? "-",
                ]
            }
            context.standardOutput.writeLine(
                sent.render(
                    style: style,
                    highlighted: Set(
                        notifications.indices.filter { notifications[$0].state == .dead })))
        }
    }

    /// An instant as the API writes it, `2026-06-01T07:00:00Z`.
    private static func instant(_ date: Date?) -> String {
        date.map { ISO8601DateFormatter().string(from: $0) } ?? "-"
    }
}
