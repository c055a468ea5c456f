import ArgumentParsing

/// A small command tree shaped like the real one, so the parser's tests do not depend on NafidhaCLI.
struct SampleTool: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "tool",
        abstract: "Does sample things.",
        version: "1.2.3",
        subcommands: [SampleCopy.self, SampleGroup.self]
    )
}

struct SampleCopy: RunnableCommand {
    static let target = Option<String>("target", shortName: "t", valueName: "dir", help: "Where to copy.")
    static let exclude = Option<String>(
        "exclude", valueName: "pattern", repeatable: true, help: "Skips matching files.")
    static let retries = Option<Int>("retries", valueName: "count", help: "How often to retry.")
    static let verbose = Flag("verbose", shortName: "v", help: "Says more.")
    static let source = Positional<String>("source", help: "What to copy.")
    static let label = Positional<String>("label", isOptional: true, help: "A label for the copy.")

    static let configuration = CommandConfiguration(
        name: "copy",
        abstract: "Copies a file.",
        arguments: [
            target.definition, exclude.definition, retries.definition, verbose.definition,
            source.definition, label.definition,
        ]
    )

    let target: String?
    let exclude: [String]
    let retries: Int?
    let verbose: Bool
    let source: String
    let label: String?

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        target = try arguments.value(of: Self.target)
        exclude = try arguments.values(of: Self.exclude)
        retries = try arguments.value(of: Self.retries)
        if let retries, retries < 0 {
            throw UsageError.invalidValue(
                for: Self.retries.definition, value: String(retries), reason: "must not be negative")
        }
        verbose = arguments.isSet(Self.verbose)
        source = try arguments.value(of: Self.source) ?? ""
        label = try arguments.value(of: Self.label)
    }

    /// Prints what it parsed so tests can read the typed values back.
    func run(context: CommandContext) throws -> Int32 {
        context.standardOutput.writeLine(
            "target=\(target ?? "-") exclude=\(exclude) retries=\(retries.map(String.init) ?? "-") verbose=\(verbose) source=\(source) label=\(label ?? "-")"
        )
        if source == "fail" { throw SampleFailure() }
        return 0
    }
}

struct SampleFailure: Error, CustomStringConvertible {
    var description: String { "it broke\nover two lines\n" }
}

struct SampleGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "group", abstract: "Groups things.", subcommands: [SampleLeaf.self]
    )
}

struct SampleLeaf: RunnableCommand {
    static let configuration = CommandConfiguration(name: "leaf", abstract: "A leaf.")
    init(parsing arguments: ParsedArguments) throws(UsageError) {}
    func run(context: CommandContext) throws -> Int32 { 7 }
}

/// Runs the sample tool with in-memory outputs.
func runSample(_ arguments: String...) -> (code: Int32, output: String, error: String) {
    let output = TextBuffer()
    let error = TextBuffer()
    let context = CommandContext(environment: [:], currentDirectory: "/", standardOutput: output, standardError: error)
    let code = CommandLineTool(root: SampleTool.self).run(arguments: arguments, context: context)
    return (code, output.text, error.text)
}
