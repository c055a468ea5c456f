/// A request's path as the router matches it: the raw (percent-encoded) path split on `/`, then each segment
/// decoded, so an encoded `%2F` stays inside its segment.
struct RequestPath {
    /// `/` + the decoded segments joined: the literal-route key; nil when a decoded segment holds a `/` (no literal
    /// route can match it, and joining would make it look like several segments).
    let literalKey: String?
    private let raw: String
    /// The decoded segments of a percent-encoded path; nil when the raw segments are already the decoded ones.
    private let decoded: [Substring]?

    init(_ head: HTTPRequestHead) {
        raw = head.rawPath
        guard raw.utf8.contains(ASCII.percent) else {
            decoded = nil
            // The common case, an already normalised path, is its own key: no split, no new string.
            literalKey = Self.isNormalised(raw) ? raw : "/" + Self.split(raw).joined(separator: "/")
            return
        }
        var segments: [Substring] = []
        var holdsSlash = false
        for part in Self.split(raw) {
            var text = String(part)
            // The parser already refused malformed escapes, NULs and invalid UTF-8 in the whole path.
            let segment = text.withUTF8 { PercentDecoding.string($0, plusAsSpace: false) } ?? String(part)
            holdsSlash = holdsSlash || segment.utf8.contains(ASCII.slash)
            segments.append(Substring(segment))
        }
        decoded = segments
        literalKey = holdsSlash ? nil : "/" + segments.joined(separator: "/")
    }

    /// Decoded non-empty segments: `/a//b/` and `/a/b` route the same.
    var segments: [Substring] { decoded ?? Self.split(raw) }

    private static func split(_ path: String) -> [Substring] {
        path.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// Starts with `/`, has no empty segment and no trailing `/` (except the root itself).
    private static func isNormalised(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == ASCII.slash && previous == ASCII.slash { return false }
            previous = byte
        }
        return path.utf8.first == ASCII.slash && (previous != ASCII.slash || path.utf8.count == 1)
    }
}
