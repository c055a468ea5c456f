/// Which limit of the API's JSON bodies a body passed, for the message of `body_too_complex` (docs/api.md,
/// "Limits").
public enum JSONLimit: Sendable, Hashable {
    /// Objects and lists nested deeper than this.
    case depth(Int)
    /// An object with more members than this.
    case members(Int)
    /// A list with more elements than this.
    case elements(Int)
    /// More values (objects, lists, strings, numbers, booleans, nulls) in the whole body than this.
    case values(Int)
}
