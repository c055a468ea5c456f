/// Why a URL is refused.
public struct OutgoingURLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The reason, to follow "the URL ".
    public let reason: String

    init(_ reason: String) {
        self.reason = reason
    }

    /// `the URL has the scheme ‘ftp’: ...`.
    public var description: String { "the URL \(reason)" }
}
