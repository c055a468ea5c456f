import ArgumentParsing
import NafidhaContract

/// `nafidha refund BILL --method cash|card|transfer [--reference TEXT]`: a cashier records the refund of a bill whose
/// request was rejected or cancelled after payment (docs/payments.md).
struct RefundCommand: RunnableCommand {
    static let bill = Positional<String>("bill", help: "The bill's number, e.g. TRP-4821730955-7.")
    static let method = Option<String>("method", valueName: "method", help: "cash, card or transfer.")
    static let reference = Option<String>(
        "reference", valueName: "text", help: "The transfer's or slip's reference (at most 100 characters).")
    static let json = Flag("json", help: "Print the bill as JSON.")

    static let configuration = CommandConfiguration(
        name: "refund",
        abstract: "Records the refund of a bill due for one (cashiers).",
        arguments: [bill.definition, method.definition, reference.definition, json.definition]
    )

    let billNumber: String
    let body: Payments.RefundBody
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let bill = try arguments.value(of: Self.bill), !bill.isEmpty else {
            throw UsageError.required(Self.bill.definition)
        }
        billNumber = bill
        body = Payments.RefundBody(
            method: try PayCommand.counterMethod(Self.method, arguments),
            reference: try arguments.value(of: Self.reference))
        json = arguments.isSet(Self.json)
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            let bill = try client.send(Routes.refund(bill: billNumber), body: body)
            if json {
                context.standardOutput.writeLine(ClerkCommandRunner.jsonText(bill))
            } else {
                context.standardOutput.writeLine(
                    "Refunded \(bill.money.amount) \(bill.money.currency) of bill \(bill.number) by \(body.method.rawValue)."
                )
            }
        }
    }
}
