import NafidhaContract

/// Why one value is refused, as a `Result` failure, so validation can collect every refusal before throwing.
struct Refusal: Error, Equatable {
    /// Why.
    var reason: FieldReason

    init(_ reason: FieldReason) {
        self.reason = reason
    }
}
