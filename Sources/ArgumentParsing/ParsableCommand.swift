/// A command of the tool: its name, help and arguments, and possibly subcommands.
///
/// A command that only groups subcommands conforms to this protocol alone; a command that does work conforms to
/// `RunnableCommand`.
public protocol ParsableCommand: Sendable {
    /// The command's name, help text, arguments and subcommands.
    static var configuration: CommandConfiguration { get }
}

/// A command that builds itself from parsed arguments and runs.
public protocol RunnableCommand: ParsableCommand {
    /// Reads typed values from `arguments`; throws a `UsageError` for values that are present but invalid.
    init(parsing arguments: ParsedArguments) throws(UsageError)

    /// Does the command's work and returns the process exit code; thrown errors print as `Error: ...` and exit 1.
    func run(context: CommandContext) throws -> Int32
}

/// The static description of a command.
public struct CommandConfiguration: Sendable {
    /// The word that invokes the command (`serve`), or the tool's name for the root command.
    public var name: String
    /// One sentence shown after `OVERVIEW:` and in the parent's subcommand list.
    public var abstract: String
    /// Further paragraphs shown under the overview.
    public var discussion: String?
    /// The version printed by `--version` (root command only), without the tool's name.
    public var version: String?
    /// Options, flags and positionals, in help order.
    public var arguments: [ArgumentDefinition]
    /// The subcommands, in help order.
    public var subcommands: [any ParsableCommand.Type]

    /// Describes a command.
    public init(
        name: String,
        abstract: String,
        discussion: String? = nil,
        version: String? = nil,
        arguments: [ArgumentDefinition] = [],
        subcommands: [any ParsableCommand.Type] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.version = version
        self.arguments = arguments
        self.subcommands = subcommands
    }
}
