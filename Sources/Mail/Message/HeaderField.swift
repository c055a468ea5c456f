import Foundation

/// One header field, written folded: lines of at most 78 characters wherever the value allows (RFC 5322 §2.1.1).
///
/// The value is a list of tokens joined by single spaces; a fold puts CRLF before one of those spaces (§2.2.3), so
/// unfolding gives back exactly the joined value. A token is never cut: one longer than a line (an address of 200
/// characters) stays whole on its own line, within the hard limit of 998 that the checks before make certain.
struct HeaderField {
    /// RFC 5322 §2.1.1: lines SHOULD be no more than 78 characters, excluding the CRLF.
    static let preferredLineLength = 78

    let name: String
    let tokens: [String]

    init(_ name: String, tokens: [String]) {
        self.name = name
        self.tokens = tokens
    }

    init(_ name: String, _ value: String) {
        self.init(name, tokens: [value])
    }

    /// The field with its CRLF, folded.
    var rendered: String {
        var output = ""
        var line = name + ":"
        var lineHasToken = false
        for token in tokens {
            // An empty token stands for a second space in a row: folding there would leave a line of blanks.
            if lineHasToken && !token.isEmpty && line.utf8.count + 1 + token.utf8.count > Self.preferredLineLength {
                output += line + "\r\n"
                line = ""
            }
            line += " " + token
            lineHasToken = true
        }
        return output + line + "\r\n"
    }

    /// The `Subject` field: plain words when the subject is short printable ASCII, RFC 2047 encoded-words
    /// otherwise (non-ASCII text, a word too long to fold, or text that a reader would take for an encoded-word).
    static func subject(_ subject: String) -> HeaderField {
        let words = subject.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let firstLineRoom = preferredLineLength - "Subject: ".utf8.count
        let foldable =
            HeaderText.isPrintableASCII(subject) && !subject.contains("=?")
            && words.allSatisfy { $0.utf8.count <= firstLineRoom }
        if foldable { return HeaderField("Subject", tokens: words) }
        return HeaderField(
            "Subject",
            tokens: EncodedWords.encode(subject, firstWordLength: min(firstLineRoom, EncodedWords.maximumLength)))
    }

    /// An address field (`From`, `To`): each address as its display name's tokens and `<addr-spec>`, separated by
    /// commas.
    static func addresses(_ name: String, _ addresses: [MailAddress]) -> HeaderField {
        var tokens: [String] = []
        for (index, address) in addresses.enumerated() {
            // The first name shares its line with the field name; the others can start a line of their own.
            let room = index == 0 ? preferredLineLength - name.utf8.count - 2 : preferredLineLength - 2
            var addressTokens = address.displayName.map { displayNameTokens($0, room: room) } ?? []
            addressTokens.append(address.displayName == nil ? address.address : "<\(address.address)>")
            if index < addresses.count - 1 { addressTokens[addressTokens.count - 1] += "," }
            tokens += addressTokens
        }
        return HeaderField(name, tokens: tokens)
    }

    /// A display name as an RFC 5322 phrase: atoms as they are, other printable ASCII as one quoted string, and
    /// anything else, or too long for `room` characters, as encoded-words (RFC 2047 §5(3); never inside quotes).
    private static func displayNameTokens(_ name: String, room: Int) -> [String] {
        let encoded = { EncodedWords.encode(name, firstWordLength: min(room, EncodedWords.maximumLength)) }
        guard HeaderText.isPrintableASCII(name), !name.contains("=?") else { return encoded() }
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        if words.allSatisfy({ !$0.isEmpty && $0.utf8.count <= room && $0.allSatisfy(isAtomCharacter) }) {
            return words.map(String.init)
        }
        let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        let quoted = "\"\(escaped)\""
        return quoted.utf8.count <= room ? [quoted] : encoded()
    }

    /// RFC 5322 §3.2.3 atext: what a phrase may hold without quotes.
    private static func isAtomCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "!#$%&'*+-/=?^_`{|}~".contains(character))
    }
}
