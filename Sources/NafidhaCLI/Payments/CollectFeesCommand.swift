import ArgumentParsing
import NafidhaCore

/// `nafidha admin collect-fees --municipality CODE [--due-days N] [--stop]`: a municipality starts (or stops)
/// collecting fees through Nafidha: from then on a request with a fee gets a bill and waits for its payment.
struct CollectFeesCommand: RunnableCommand {
    static let municipality = Option<String>("municipality", valueName: "code", help: "The municipality, e.g. TRP.")
    static let dueDays = Option<Int>(
        "due-days", valueName: "n", help: "Working days to pay a bill, 1-90. Default: 10.")
    static let stop = Flag("stop", help: "Stop issuing bills there (bills issued stay payable).")

    static let configuration = CommandConfiguration(
        name: "collect-fees",
        abstract: "Makes a municipality bill its fees at submission (or stop), with the working days to pay.",
        discussion: """
            Where fees are collected, a request whose service has a fee there (after the municipality's overlays) \
            gets a bill and waits in awaiting_payment, its clock not started, until a cashier ('nafidha pay') or a \
            payment provider's callback pays it (docs/payments.md).
            """,
        arguments: [municipality.definition, dueDays.definition, stop.definition] + AdminDatabase.arguments
    )

    let code: String
    let days: Int
    let collecting: Bool
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let code = try arguments.value(of: Self.municipality), !code.isEmpty else {
            throw UsageError.required(Self.municipality.definition)
        }
        let days = try arguments.value(of: Self.dueDays) ?? 10
        guard (1...90).contains(days) else {
            throw UsageError.invalidValue(for: Self.dueDays.definition, value: String(days), reason: "expected 1-90")
        }
        self.code = code
        self.days = days
        collecting = !arguments.isSet(Self.stop)
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        try AdminDatabase.withPool(database, context: context, connections: 1) { pool in
            try PaymentAdministration(pool: pool).collectFees(municipality: code, dueDays: days, collecting: collecting)
        }
        context.standardOutput.writeLine(
            collecting
                ? "\(code) bills fees at submission, due in \(days) working days." : "\(code) issues no more bills.")
        return 0
    }
}
