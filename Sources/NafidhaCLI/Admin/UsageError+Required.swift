import ArgumentParsing

extension UsageError {
    /// A required option left out. ArgumentParsing has no public "missing option" error, so this reuses
    /// `invalidValue` with an empty value and says why.
    static func required(_ definition: ArgumentDefinition) -> UsageError {
        .invalidValue(for: definition, value: "", reason: "this option is required")
    }
}
