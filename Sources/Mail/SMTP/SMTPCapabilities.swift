/// The extensions a server announced in its EHLO reply (RFC 5321 §4.1.1.1): one keyword per line after the
/// first, with parameters. Empty after HELO, which announces none.
struct SMTPCapabilities {
    private var keywords: [String: [String]] = [:]

    /// No extension (a HELO server).
    init() {}

    /// The extensions of an EHLO reply.
    init(ehlo reply: SMTPReply) {
        for line in reply.lines.dropFirst() {
            let words = line.split(separator: " ").map(String.init)
            guard let keyword = words.first?.uppercased() else { continue }
            // Some servers still announce "AUTH=PLAIN LOGIN", the pre-standard form.
            if keyword.hasPrefix("AUTH=") {
                keywords["AUTH", default: []] +=
                    [String(keyword.dropFirst(5))] + words.dropFirst().map { $0.uppercased() }
            } else {
                keywords[keyword, default: []] += words.dropFirst().map { $0.uppercased() }
            }
        }
    }

    /// Whether `keyword` (upper case) was announced.
    func offers(_ keyword: String) -> Bool {
        keywords[keyword] != nil
    }

    /// The SASL mechanisms of the AUTH extension, upper case.
    var authenticationMechanisms: [String] {
        keywords["AUTH"] ?? []
    }
}
