/// A text in the three languages Nafidha speaks.
public struct LocalizedText: Sendable, Hashable, Codable {
    /// Arabic.
    public var ar: String
    /// French.
    public var fr: String
    /// English.
    public var en: String

    /// Creates a text from its three translations.
    public init(ar: String, fr: String, en: String) {
        self.ar = ar
        self.fr = fr
        self.en = en
    }

    /// The text in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .arabic: ar
        case .french: fr
        case .english: en
        }
    }
}
