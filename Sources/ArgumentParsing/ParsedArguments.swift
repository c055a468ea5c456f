/// The words given to one command, sorted into options, flags and positionals; read them back typed.
public struct ParsedArguments: Sendable {
    private var optionValues: [String: [String]] = [:]
    private var flags: Set<String> = []
    private var positionals: [String: String] = [:]

    /// An empty set of arguments, as if the command were invoked with no words.
    public init() {}

    mutating func appendOptionValue(_ value: String, for definition: ArgumentDefinition) {
        optionValues[definition.name, default: []].append(value)
    }

    func hasValue(for definition: ArgumentDefinition) -> Bool {
        optionValues[definition.name] != nil
    }

    mutating func setFlag(_ definition: ArgumentDefinition) {
        flags.insert(definition.name)
    }

    mutating func setPositional(_ value: String, for definition: ArgumentDefinition) {
        positionals[definition.name] = value
    }

    /// The option's value, or nil when it was not given.
    public func value<Value>(of option: Option<Value>) throws(UsageError) -> Value? {
        guard let word = optionValues[option.definition.name]?.last else { return nil }
        return try Self.convert(word, for: option.definition)
    }

    /// Every value of a repeatable option, in the order given.
    public func values<Value>(of option: Option<Value>) throws(UsageError) -> [Value] {
        var result: [Value] = []
        for word in optionValues[option.definition.name] ?? [] {
            result.append(try Self.convert(word, for: option.definition))
        }
        return result
    }

    /// Whether the flag was given.
    public func isSet(_ flag: Flag) -> Bool {
        flags.contains(flag.definition.name)
    }

    /// The positional's value, or nil when an optional positional was left out.
    public func value<Value>(of positional: Positional<Value>) throws(UsageError) -> Value? {
        guard let word = positionals[positional.definition.name] else { return nil }
        return try Self.convert(word, for: positional.definition)
    }

    private static func convert<Value: ExpressibleByArgument>(
        _ word: String, for definition: ArgumentDefinition
    ) throws(UsageError) -> Value {
        guard let value = Value(argument: word) else {
            throw UsageError.invalidValue(for: definition, value: word)
        }
        return value
    }
}
