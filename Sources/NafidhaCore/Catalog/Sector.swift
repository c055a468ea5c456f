import NafidhaContract

/// A sector of the administration that acts on requests (civil registry, urban planning, ...).
public struct Sector: Sendable, Hashable {
    /// Lower-case code (`urban_planning`).
    public var code: String
    /// Its name in each language.
    public var names: LocalizedText
}
