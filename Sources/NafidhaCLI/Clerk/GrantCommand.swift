import ArgumentParsing
import NafidhaContract

/// `nafidha grant APPEAL --reason TEXT`: the rejected stage reopens.
struct GrantCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "grant", abstract: "Grants an appeal: the rejected stage opens again in its queues (supervisors).",
        arguments: AppealDecisionCommand.arguments)

    let appeal: Int64
    let reason: String
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        (appeal, reason, json) = try AppealDecisionCommand.parse(arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        AppealDecisionCommand.run(Routes.grantAppeal(appeal), reason: reason, json: json, context: context)
    }
}
