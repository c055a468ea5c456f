/// A typed `--name VALUE` option; read its value with `ParsedArguments.value(of:)` or `values(of:)`.
public struct Option<Value: ExpressibleByArgument>: Sendable {
    /// The untyped description used by the parser and the help.
    public let definition: ArgumentDefinition

    /// Declares an option.
    /// - Parameters:
    ///   - name: the long name, kebab-case, without dashes.
    ///   - shortName: an optional one-letter alias (`-o`).
    ///   - valueName: the placeholder shown in help (`url` prints as `<url>`).
    ///   - repeatable: whether the option may be given several times.
    ///   - help: one sentence for the help text.
    public init(_ name: String, shortName: Character? = nil, valueName: String, repeatable: Bool = false, help: String)
    {
        definition = ArgumentDefinition(
            name: name, shortName: shortName, help: help, kind: .option(valueName: valueName, repeatable: repeatable)
        )
    }
}

/// A `--name` flag, on when present.
public struct Flag: Sendable {
    /// The untyped description used by the parser and the help.
    public let definition: ArgumentDefinition

    /// Declares a flag with an optional one-letter alias.
    public init(_ name: String, shortName: Character? = nil, help: String) {
        definition = ArgumentDefinition(name: name, shortName: shortName, help: help, kind: .flag)
    }
}

/// A typed positional argument, matched by its place among the bare words.
public struct Positional<Value: ExpressibleByArgument>: Sendable {
    /// The untyped description used by the parser and the help.
    public let definition: ArgumentDefinition

    /// Declares a positional argument; optional ones must come after the required ones.
    public init(_ name: String, isOptional: Bool = false, help: String) {
        definition = ArgumentDefinition(name: name, help: help, kind: .positional(optional: isOptional))
    }
}
