import ArgumentParsing
import NafidhaContract

/// `nafidha uphold APPEAL --reason TEXT`: the rejection stands.
struct UpholdCommand: RunnableCommand {
    static let configuration = CommandConfiguration(
        name: "uphold", abstract: "Upholds the rejection an appeal contests (supervisors).",
        arguments: AppealDecisionCommand.arguments)

    let appeal: Int64
    let reason: String
    let json: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        (appeal, reason, json) = try AppealDecisionCommand.parse(arguments)
    }

    func run(context: CommandContext) throws -> Int32 {
        AppealDecisionCommand.run(Routes.upholdAppeal(appeal), reason: reason, json: json, context: context)
    }
}
