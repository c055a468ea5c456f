/// The untyped description of one option, flag or positional argument, used to parse and to print help.
public struct ArgumentDefinition: Sendable, Equatable {
    /// What kind of argument this is.
    public enum Kind: Sendable, Equatable {
        /// `--name VALUE` or `--name=VALUE`, given at most once unless `repeatable`.
        case option(valueName: String, repeatable: Bool)
        /// `--name`, present or absent.
        case flag
        /// A bare word, matched by position; `optional` ones may be left out.
        case positional(optional: Bool)
    }

    /// The long name without dashes (`database-url`), or the positional's name (`file`).
    public let name: String
    /// The single-letter name used as `-x`, if any.
    public let shortName: Character?
    /// One sentence shown in help.
    public let help: String
    /// Option, flag or positional.
    public let kind: Kind

    /// Creates a definition; prefer the typed `Option`, `Flag` and `Positional`.
    public init(name: String, shortName: Character? = nil, help: String, kind: Kind) {
        self.name = name
        self.shortName = shortName
        self.help = help
        self.kind = kind
    }

    /// How the argument is written in usage and help lines (`--data-dir <dir>`, `-v, --verbose`, `<file>`).
    var synopsis: String {
        switch kind {
        case .option(let valueName, _): "--\(name) <\(valueName)>"
        case .flag: "--\(name)"
        case .positional: "<\(name)>"
        }
    }

    /// The left column of the help line, with the short name when there is one.
    var helpLabel: String {
        guard let shortName else { return synopsis }
        return "-\(shortName), \(synopsis)"
    }

    /// How the argument appears in the one-line usage.
    var usageFragment: String {
        switch kind {
        case .option(_, true): "[\(synopsis) ...]"
        case .option, .flag, .positional(optional: true): "[\(synopsis)]"
        case .positional(optional: false): synopsis
        }
    }
}
