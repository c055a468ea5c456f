/// A mistake in how the command was invoked: printed with the usage line and exits with code 64 (EX_USAGE).
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Reason: Sendable, Equatable {
        case unknownOption(String)
        case unknownSubcommand(String)
        case missingSubcommand
        case missingValue(String)
        case flagWithValue(String)
        case repeatedOption(String)
        case unexpectedArgument(String)
        case missingArgument(String)
        case invalidValue(label: String, value: String, reason: String?)
        case conflict(String, String)
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// An option the command does not declare, as typed (`--foo`, `-x`).
    static func unknownOption(_ spelling: String) -> UsageError { UsageError(.unknownOption(spelling)) }
    /// A word where a subcommand was expected.
    static func unknownSubcommand(_ word: String) -> UsageError { UsageError(.unknownSubcommand(word)) }
    /// A command group invoked without a subcommand.
    static let missingSubcommand = UsageError(.missingSubcommand)
    /// An option given as the last word, or followed by another option.
    static func missingValue(_ definition: ArgumentDefinition) -> UsageError {
        UsageError(.missingValue(definition.synopsis))
    }
    /// `--flag=value`.
    static func flagWithValue(_ definition: ArgumentDefinition) -> UsageError {
        UsageError(.flagWithValue(definition.synopsis))
    }
    /// A non-repeatable option given twice.
    static func repeatedOption(_ definition: ArgumentDefinition) -> UsageError {
        UsageError(.repeatedOption(definition.synopsis))
    }
    /// More bare words than the command has positionals.
    static func unexpectedArgument(_ word: String) -> UsageError { UsageError(.unexpectedArgument(word)) }
    /// A required positional left out.
    static func missingArgument(_ definition: ArgumentDefinition) -> UsageError {
        UsageError(.missingArgument(definition.synopsis))
    }

    /// A value the argument's type or the command's validation rejects.
    /// - Parameters:
    ///   - definition: the option or positional that received the value.
    ///   - value: the word as typed.
    ///   - reason: why it is invalid, as a clause (`the port must be between 0 and 65535`).
    public static func invalidValue(for definition: ArgumentDefinition, value: String, reason: String? = nil)
        -> UsageError
    {
        UsageError(.invalidValue(label: definition.synopsis, value: value, reason: reason))
    }

    /// Two arguments that make no sense together.
    public static func conflict(_ first: ArgumentDefinition, _ second: ArgumentDefinition) -> UsageError {
        UsageError(.conflict(first.synopsis, second.synopsis))
    }

    /// The message printed after `Error: `.
    public var description: String {
        switch reason {
        case .unknownOption(let spelling): "Unknown option '\(spelling)'"
        case .unknownSubcommand(let word): "Unknown subcommand '\(word)'"
        case .missingSubcommand: "Missing subcommand"
        case .missingValue(let label): "Missing value for '\(label)'"
        case .flagWithValue(let label): "The flag '\(label)' does not take a value"
        case .repeatedOption(let label): "The option '\(label)' was given more than once"
        case .unexpectedArgument(let word): "Unexpected argument '\(word)'"
        case .missingArgument(let label): "Missing expected argument '\(label)'"
        case .invalidValue(let label, let value, nil): "The value '\(value)' is invalid for '\(label)'"
        case .invalidValue(let label, let value, let reason?):
            "The value '\(value)' is invalid for '\(label)': \(reason)"
        case .conflict(let first, let second): "'\(first)' and '\(second)' cannot be used together"
        }
    }
}
