import ArgumentParsing
import NafidhaContract

/// What `approve`, `reject`, `request-info` and `forward` share: post to the task's action route, print the task.
enum TaskActionCommand {
    static let task = Positional<Int>("task", help: "The task's number, as 'nafidha queue' shows it.")
    static let version = Option<Int>(
        "version", valueName: "n",
        help: "Act only if the task is still at this version (as last shown); else the server answers 409.")
    static let json = Flag("json", help: "Print the task as JSON.")

    static func run<Body>(
        _ target: RouteTarget<Body, Staff.QueueTask>, body: Body, verb: String, json: Bool, context: CommandContext
    ) -> Int32 {
        ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            TaskPrinter.print(try client.send(target, body: body), verb: verb, json: json, context: context)
        }
    }

    static func requiredTask(_ arguments: ParsedArguments) throws(UsageError) -> Int {
        guard let task = try arguments.value(of: task) else { throw UsageError.required(task.definition) }
        return task
    }

    static func requiredText(_ option: Option<String>, _ arguments: ParsedArguments) throws(UsageError) -> String {
        guard let text = try arguments.value(of: option), !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw UsageError.required(option.definition)
        }
        return text
    }
}
