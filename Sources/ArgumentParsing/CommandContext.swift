/// Where a running command reads its environment and writes its output; tests pass in-memory outputs.
public struct CommandContext: Sendable {
    /// The environment variables the command sees.
    public var environment: [String: String]
    /// The directory relative paths are resolved against.
    public var currentDirectory: String
    /// Normal output.
    public var standardOutput: any TextOutput
    /// Diagnostics and errors.
    public var standardError: any TextOutput

    /// Creates a context.
    public init(
        environment: [String: String],
        currentDirectory: String,
        standardOutput: any TextOutput,
        standardError: any TextOutput
    ) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}

/// A destination for text written by commands.
public protocol TextOutput: Sendable {
    /// Writes `text` as is (callers add their own newlines).
    func write(_ text: String)
}

extension TextOutput {
    /// Writes `line` followed by a newline.
    public func writeLine(_ line: String) {
        write(line + "\n")
    }
}
