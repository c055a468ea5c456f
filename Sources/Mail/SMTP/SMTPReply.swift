/// A server's reply (RFC 5321 §4.2): a three-digit code and one or more lines of text.
public struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
    /// The reply code, e.g. 250 or 550.
    public let code: Int
    /// The text of each line, without the code and its separator.
    public let lines: [String]

    /// A reply of `code` with `lines` of text.
    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2yz: the command was done.
    public var isPositiveCompletion: Bool { (200..<300).contains(code) }
    /// 4yz: not done this time; the same command may succeed later (RFC 5321 §4.2.1).
    public var isTransientFailure: Bool { (400..<500).contains(code) }
    /// 5yz: not done, and it would not be done if repeated as it is.
    public var isPermanentFailure: Bool { (500..<600).contains(code) }

    /// The RFC 3463 enhanced status code opening the first line, e.g. `5.1.1`, if the server gives one.
    public var enhancedStatus: String? {
        guard let first = lines.first?.split(separator: " ", maxSplits: 1).first else { return nil }
        let parts = first.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let klass = parts.first, ["2", "4", "5"].contains(klass),
            parts.dropFirst().allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy(\.isASCII) && Int($0) != nil })
        else { return nil }
        return String(first)
    }

    /// `550 5.1.1 No such mailbox`, the lines joined by ` / `.
    public var description: String {
        "\(code) " + lines.joined(separator: " / ")
    }
}
