import ArgumentParsing
import NafidhaContract
import NafidhaCore

/// `nafidha cancel-receipt NUMBER --reason TEXT [--html|--json]`: a supervisor cancels a counter receipt; it keeps
/// its number, marked cancelled, and its bill is unpaid again (docs/payments.md).
struct CancelReceiptCommand: RunnableCommand {
    static let receipt = Positional<String>("receipt", help: "The receipt's number, e.g. TRP-2026-000042.")
    static let reason = Option<String>("reason", valueName: "text", help: "Why (required, at most 1000 characters).")
    static let html = Flag("html", help: "Print the cancelled receipt as a printable HTML page.")
    static let json = Flag("json", help: "Print the cancelled receipt as JSON.")

    static let configuration = CommandConfiguration(
        name: "cancel-receipt",
        abstract: "Cancels a counter receipt with a reason (supervisors); its bill is unpaid again.",
        arguments: [receipt.definition, reason.definition, html.definition, json.definition]
    )

    let number: String
    let reasonText: String
    let html: Bool
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let number = try arguments.value(of: Self.receipt), !number.isEmpty else {
            throw UsageError.required(Self.receipt.definition)
        }
        self.number = number
        reasonText = try TaskActionCommand.requiredText(Self.reason, arguments)
        html = arguments.isSet(Self.html)
        json = arguments.isSet(Self.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            let receipt = try client.send(
                Routes.cancelReceipt(number), body: Payments.CancelReceiptBody(reason: reasonText))
            if json {
                context.standardOutput.writeLine(ClerkCommandRunner.jsonText(receipt))
            } else if html {
                context.standardOutput.write(ReceiptPrintout(receipt: receipt).html())
            } else {
                context.standardOutput.writeLine(ReceiptPrintout(receipt: receipt).text())
            }
        }
    }
}
