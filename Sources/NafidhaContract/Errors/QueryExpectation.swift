/// What a query parameter must be, for the message of `invalid_query`.
public enum QueryExpectation: Sendable, Hashable {
    /// One of these words.
    case oneOf([String])
    /// `true` or `false`.
    case boolean
    /// A whole number from 1.
    case positiveInteger
}
