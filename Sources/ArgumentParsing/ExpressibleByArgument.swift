/// A type whose values can be read from one command-line word.
public protocol ExpressibleByArgument {
    /// Reads a value from `argument`, or returns nil when the word is not a valid value.
    init?(argument: String)
}

extension String: ExpressibleByArgument {
    /// Every word is a valid string.
    public init?(argument: String) {
        self = argument
    }
}

extension Int: ExpressibleByArgument {
    /// Reads a decimal integer.
    public init?(argument: String) {
        self.init(argument, radix: 10)
    }
}
