import ArgumentParsing
import NafidhaContract
import NafidhaCore

/// `nafidha pay BILL --amount 12.500 --method cash|card|transfer [--reference TEXT] [--html|--json]`: a cashier takes
/// the whole amount of a bill at the counter and prints the receipt (docs/payments.md).
struct PayCommand: RunnableCommand {
    static let bill = Positional<String>("bill", help: "The bill's number, e.g. TRP-4821730955-7.")
    static let amount = Option<String>(
        "amount", valueName: "amount",
        help: "What the citizen pays, in the bill's currency: 12.500 (LYD), 2000 (DJF); exactly what is due.")
    static let method = Option<String>("method", valueName: "method", help: "cash, card or transfer.")
    static let reference = Option<String>(
        "reference", valueName: "text", help: "The card slip's or transfer's reference (at most 100 characters).")
    static let html = Flag("html", help: "Print the receipt as a printable HTML page (Arabic first).")
    static let json = Flag("json", help: "Print the receipt as JSON.")

    static let configuration = CommandConfiguration(
        name: "pay",
        abstract: "Takes a bill's payment at the counter (cashiers) and prints the receipt.",
        discussion: """
            The amount must equal the bill's: partial payments are not taken. Arabic-Indic digits are accepted; a \
            comma is refused (write 12.500, not 12,500). The request's first stage opens when the bill is paid.
            """,
        arguments: [
            bill.definition, amount.definition, method.definition, reference.definition, html.definition,
            json.definition,
        ]
    )

    let billNumber: String
    let body: Payments.PaymentBody
    let html: Bool
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let bill = try arguments.value(of: Self.bill), !bill.isEmpty else {
            throw UsageError.required(Self.bill.definition)
        }
        guard let amount = try arguments.value(of: Self.amount), !amount.isEmpty else {
            throw UsageError.required(Self.amount.definition)
        }
        billNumber = bill
        body = Payments.PaymentBody(
            amount: amount, method: try Self.counterMethod(Self.method, arguments),
            reference: try arguments.value(of: Self.reference))
        html = arguments.isSet(Self.html)
        json = arguments.isSet(Self.json)
    }

    /// `--method`, required: cash, card or transfer.
    static func counterMethod(_ option: Option<String>, _ arguments: ParsedArguments) throws(UsageError)
        -> PaymentMethod
    {
        guard let text = try arguments.value(of: option) else { throw UsageError.required(option.definition) }
        guard let method = PaymentMethod(rawValue: text), PaymentMethod.counter.contains(method) else {
            throw UsageError.invalidValue(
                for: option.definition, value: text, reason: "expected cash, card or transfer")
        }
        return method
    }

    func run(context: CommandContext) throws -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            let receipt = try client.send(Routes.pay(bill: billNumber), body: body)
            let printout = ReceiptPrintout(receipt: receipt)
            if json {
                context.standardOutput.writeLine(ClerkCommandRunner.jsonText(receipt))
            } else if html {
                context.standardOutput.write(printout.html())
            } else {
                context.standardOutput.writeLine(printout.text())
            }
        }
    }
}
