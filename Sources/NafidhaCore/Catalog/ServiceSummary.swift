import Foundation
import NafidhaContract

/// A service offered in a municipality at an instant, with the terms that apply there then.
public struct ServiceSummary: Sendable, Hashable {
    /// Lower-case code (`building_permit`).
    public var code: String
    /// The owning sector's code.
    public var sector: String
    /// Its name in each language.
    public var names: LocalizedText
    /// Its description in each language.
    public var descriptions: LocalizedText
    /// Working days for the whole request, after the municipality's overlays.
    public var slaDays: Int
    /// The fee after overlays (0 when free).
    public var fee: Decimal
    /// ISO 4217 code of `fee`.
    public var currency: String
    /// Whether it is a public report (offered through Open311).
    public var publicReport: Bool
}
