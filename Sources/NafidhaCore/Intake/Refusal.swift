import NafidhaContract

/// Why one value is refused, as a `Result` failure, so validation can collect every refusal before throwing.
struct Refusal: Error, Equatable {
    /// The localized reason.
    var reason: LocalizedText

    init(_ reason: LocalizedText) {
        self.reason = reason
    }
}
