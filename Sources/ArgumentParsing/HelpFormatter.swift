/// Renders help text and usage lines in the `OVERVIEW:`, `USAGE:`, `ARGUMENTS:`, `OPTIONS:`, `SUBCOMMANDS:` layout.
struct HelpFormatter {
    /// The commands from the root to the one being described.
    let path: [any ParsableCommand.Type]

    /// Help labels wider than this push the help text to the next line.
    private static let labelColumnWidth = 26

    private var configuration: CommandConfiguration { path[path.count - 1].configuration }

    /// `nafidha serve`: the words that invoke the command.
    var commandName: String {
        path.map { $0.configuration.name }.joined(separator: " ")
    }

    /// The usage line without its `USAGE:` or `Usage:` label.
    var usage: String {
        if !configuration.subcommands.isEmpty { return "\(commandName) <subcommand>" }
        let options = configuration.arguments.filter { if case .positional = $0.kind { false } else { true } }
        let positionals = configuration.arguments.filter { if case .positional = $0.kind { true } else { false } }
        return ([commandName] + (options + positionals).map(\.usageFragment)).joined(separator: " ")
    }

    /// The full help text, ending with a newline.
    var help: String {
        var sections = ["OVERVIEW: \(configuration.abstract)"]
        if let discussion = configuration.discussion { sections.append(discussion) }
        sections.append("USAGE: \(usage)")

        let positionals = configuration.arguments.filter { if case .positional = $0.kind { true } else { false } }
        if !positionals.isEmpty {
            sections.append(
                (["ARGUMENTS:"] + positionals.map { Self.row($0.helpLabel, $0.help) }).joined(separator: "\n"))
        }

        var optionRows = configuration.arguments
            .filter { if case .positional = $0.kind { false } else { true } }
            .map { Self.row($0.helpLabel, $0.help) }
        if path.count == 1, configuration.version != nil {
            optionRows.append(Self.row("--version", "Show the version."))
        }
        optionRows.append(Self.row("-h, --help", "Show help information."))
        sections.append((["OPTIONS:"] + optionRows).joined(separator: "\n"))

        if !configuration.subcommands.isEmpty {
            let rows = configuration.subcommands.map { Self.row($0.configuration.name, $0.configuration.abstract) }
            sections.append((["SUBCOMMANDS:"] + rows).joined(separator: "\n"))
            sections.append("  See '\(commandName) <subcommand> --help' for detailed help.")
        }
        return sections.joined(separator: "\n\n") + "\n"
    }

    private static func row(_ label: String, _ text: String) -> String {
        let indented = "  " + label
        if indented.count >= labelColumnWidth {
            return indented + "\n" + String(repeating: " ", count: labelColumnWidth) + text
        }
        return indented + String(repeating: " ", count: labelColumnWidth - indented.count) + text
    }
}
