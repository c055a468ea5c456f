/// Sorts command-line words into a command path and its parsed arguments.
struct CommandParser {
    /// What the words ask for.
    enum Action {
        case run(ParsedArguments)
        case help
        case version(String)
    }

    /// The parsed invocation: the commands named, root first, and what to do.
    struct Invocation {
        let path: [any ParsableCommand.Type]
        let action: Action
    }

    /// A usage error with the command path reached when it happened, for the usage line.
    struct Failure: Error {
        let error: UsageError
        let path: [any ParsableCommand.Type]
    }

    let root: any ParsableCommand.Type

    func parse(_ words: [String]) throws(Failure) -> Invocation {
        var path: [any ParsableCommand.Type] = [root]
        var parsed = ParsedArguments()
        var positionalIndex = 0
        var optionsEnded = false
        var index = words.startIndex

        func fail(_ error: UsageError) -> Failure { Failure(error: error, path: path) }

        while index < words.endIndex {
            let word = words[index]
            index += 1
            let configuration = path[path.count - 1].configuration

            if !optionsEnded && word == "--" {
                optionsEnded = true
                continue
            }
            if !optionsEnded && word.count > 1 && word.hasPrefix("-") {
                if word == "-h" || word == "--help" {
                    return Invocation(path: path, action: .help)
                }
                if word == "--version", path.count == 1, let version = configuration.version {
                    return Invocation(path: path, action: .version(version))
                }
                let (spelling, inlineValue) = Self.split(word)
                guard let definition = Self.definition(for: spelling, in: configuration) else {
                    throw fail(.unknownOption(spelling))
                }
                switch definition.kind {
                case .flag:
                    if inlineValue != nil { throw fail(.flagWithValue(definition)) }
                    parsed.setFlag(definition)
                case .option(_, let repeatable):
                    if !repeatable && parsed.hasValue(for: definition) { throw fail(.repeatedOption(definition)) }
                    if let inlineValue {
                        parsed.appendOptionValue(inlineValue, for: definition)
                    } else if index < words.endIndex, !words[index].hasPrefix("--") {
                        parsed.appendOptionValue(words[index], for: definition)
                        index += 1
                    } else {
                        throw fail(.missingValue(definition))
                    }
                case .positional:
                    // definition(for:) only returns options and flags.
                    throw fail(.unknownOption(spelling))
                }
                continue
            }
            if !configuration.subcommands.isEmpty {
                guard let subcommand = configuration.subcommands.first(where: { $0.configuration.name == word }) else {
                    throw fail(.unknownSubcommand(word))
                }
                path.append(subcommand)
                parsed = ParsedArguments()
                continue
            }
            let positionals = configuration.arguments.filter { if case .positional = $0.kind { true } else { false } }
            guard positionalIndex < positionals.count else { throw fail(.unexpectedArgument(word)) }
            parsed.setPositional(word, for: positionals[positionalIndex])
            positionalIndex += 1
        }

        let configuration = path[path.count - 1].configuration
        if !configuration.subcommands.isEmpty { throw fail(.missingSubcommand) }
        let positionals = configuration.arguments.filter { if case .positional = $0.kind { true } else { false } }
        for missing in positionals.dropFirst(positionalIndex) where missing.kind == .positional(optional: false) {
            throw fail(.missingArgument(missing))
        }
        return Invocation(path: path, action: .run(parsed))
    }

    /// `--name=value` into (`--name`, `value`); other words unchanged with no value.
    private static func split(_ word: String) -> (String, String?) {
        guard word.hasPrefix("--"), let equals = word.firstIndex(of: "=") else { return (word, nil) }
        return (String(word[..<equals]), String(word[word.index(after: equals)...]))
    }

    private static func definition(for spelling: String, in configuration: CommandConfiguration) -> ArgumentDefinition?
    {
        configuration.arguments.first { definition in
            if case .positional = definition.kind { return false }
            if spelling == "--\(definition.name)" { return true }
            if let short = definition.shortName, spelling == "-\(short)" { return true }
            return false
        }
    }
}
