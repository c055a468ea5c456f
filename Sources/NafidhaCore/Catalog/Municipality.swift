import NafidhaContract

/// A municipality as the catalog lists it.
public struct Municipality: Sendable, Hashable {
    /// Three capital letters, also the tracking-number prefix (`TRP`).
    public var code: String
    /// Its name in each language.
    public var names: LocalizedText
    /// ISO 3166-1 alpha-2 code of its country (`LY`).
    public var country: String
    /// Whether the capital's special provisions apply.
    public var capital: Bool
    /// The IANA time zone deadlines are counted in.
    public var timeZone: String
    /// ISO 4217 code of the currency fees are paid in.
    public var currency: String
}
