import ArgumentParsing
import NafidhaCore

/// `nafidha admin create-payment-provider --name NAME`: registers a payment provider and prints its secret once.
struct CreatePaymentProviderCommand: RunnableCommand {
    static let name = Option<String>(
        "name", valueName: "name", help: "The provider's name as its callback URL names it (a-z, 0-9, -; ≤ 40).")

    static let configuration = CommandConfiguration(
        name: "create-payment-provider",
        abstract: "Registers a payment provider and prints its callback secret, once.",
        discussion: """
            The provider posts to /v1/payments/callbacks/NAME, signing each body with HMAC-SHA256 under the secret \
            printed on standard output (docs/payments.md). The secret is kept as it is (an HMAC needs it) in a \
            table only the server reads, and is never shown again.
            """,
        arguments: [name.definition] + AdminDatabase.arguments
    )

    let providerName: String
    let database: DatabaseOptions

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let value = try arguments.value(of: Self.name), !value.isEmpty else {
            throw UsageError.required(Self.name.definition)
        }
        providerName = value
        database = try DatabaseOptions(parsing: arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        let secret = try AdminDatabase.withPool(database, context: context, connections: 1) { pool in
            try PaymentAdministration(pool: pool).createProvider(name: providerName)
        }
        context.standardError.writeLine(
            "Created payment provider \"\(providerName)\"; its secret is shown only this once, store it now:")
        context.standardOutput.writeLine(secret)
        return 0
    }
}
