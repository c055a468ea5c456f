/// A catalog regex (`countries.national_id_pattern`, `phone_national_pattern`) compiled once, when the catalog
/// snapshot is read: compiling a Swift `Regex` costs several hundred times more than matching with it, and every
/// submission checks a national id and a phone number.
///
/// `@unchecked Sendable`: `Regex` is not declared `Sendable`, yet a compiled one is never mutated except to store
/// its lowered program the first time it matches, which the standard library does with an atomic initialisation.
/// `init` matches once, so even that happens before the value is shared between threads.
final class CompiledPattern: @unchecked Sendable {
    /// Nil when the pattern does not compile: then nothing matches, so the value is refused, never let through.
    private let regex: Regex<AnyRegexOutput>?

    init(_ pattern: String) {
        regex = try? Regex(pattern)
        _ = try? regex?.wholeMatch(in: "0")
    }

    /// True when the whole of `text` matches.
    func wholeMatches(_ text: String) -> Bool {
        guard let regex else { return false }
        return (try? regex.wholeMatch(in: text)) != nil
    }
}
