import NafidhaContract

/// A document a citizen must provide for a service.
public struct RequiredDocument: Sendable, Hashable {
    /// Lower-case code (`ownership_deed`).
    public var code: String
    /// Its name in each language.
    public var names: LocalizedText
}
