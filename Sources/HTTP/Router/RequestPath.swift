/// A request's path as the router matches it: the raw (percent-encoded) path split on `/`, then each segment
/// decoded, so an encoded `%2F` stays inside its segment.
struct RequestPath {
    /// Decoded non-empty segments: `/a//b/` and `/a/b` route the same.
    let segments: [Substring]
    /// `/` + the segments joined, the literal-route key; nil when a decoded segment holds a `/` (no literal route
    /// can match it, and joining would make it look like several segments).
    let literalKey: String?

    init(_ head: HTTPRequestHead) {
        let raw = head.rawPath
        let parts = raw.split(separator: "/", omittingEmptySubsequences: true)
        guard raw.utf8.contains(ASCII.percent) else {
            segments = parts
            // Usually the raw path is already normalised: no new string to build.
            let normalised =
                raw.utf8.count == parts.reduce(0, { $0 + $1.utf8.count + 1 }) && raw.utf8.last != ASCII.slash
            literalKey = normalised ? raw : "/" + parts.joined(separator: "/")
            return
        }
        var decoded: [Substring] = []
        decoded.reserveCapacity(parts.count)
        var holdsSlash = false
        for part in parts {
            var text = String(part)
            // The parser already refused malformed escapes, NULs and invalid UTF-8 in the whole path.
            let segment = text.withUTF8 { PercentDecoding.string($0, plusAsSpace: false) } ?? String(part)
            holdsSlash = holdsSlash || segment.utf8.contains(ASCII.slash)
            decoded.append(Substring(segment))
        }
        segments = decoded
        literalKey = holdsSlash ? nil : "/" + decoded.joined(separator: "/")
    }
}
