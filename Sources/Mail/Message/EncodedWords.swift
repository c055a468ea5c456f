/// RFC 2047 encoded-words for header text that is not plain ASCII: `=?utf-8?B?...?=`, base64 of UTF-8.
///
/// Each word is at most 75 characters (RFC 2047 §2) and holds whole characters: a UTF-8 sequence is never split
/// between two words (§5, "each encoded-word MUST represent an integral number of characters"), and a grapheme
/// (a letter with its marks) is kept whole when it fits in one word. Readers ignore the white space between
/// adjacent encoded-words (§6.2), so the words may be folded onto separate lines and still decode to the text.
enum EncodedWords {
    private static let prefix = "=?utf-8?B?"
    private static let suffix = "?="
    /// RFC 2047 §2: "An 'encoded-word' may not be more than 75 characters long".
    static let maximumLength = 75

    /// The encoded-words for `text`, the first at most `firstWordLength` characters (to fit after a field name),
    /// the others at most 75.
    static func encode(_ text: String, firstWordLength: Int = maximumLength) -> [String] {
        var words: [String] = []
        var pending: [UInt8] = []
        var capacity = byteCapacity(wordLength: firstWordLength)
        func flush() {
            guard !pending.isEmpty else { return }
            words.append(prefix + Base64.encodedString(pending) + suffix)
            pending.removeAll()
            capacity = byteCapacity(wordLength: maximumLength)
        }
        for character in text {
            let bytes = Array(String(character).utf8)
            if pending.count + bytes.count <= capacity {
                pending += bytes
                continue
            }
            flush()
            if bytes.count <= capacity {
                pending = bytes
                continue
            }
            // A grapheme longer than a word (a long run of combining marks): split it between its scalars.
            for scalar in character.unicodeScalars {
                let scalarBytes = Array(String(scalar).utf8)
                if pending.count + scalarBytes.count > capacity { flush() }
                pending += scalarBytes
            }
        }
        flush()
        return words
    }

    /// How many bytes a word of `wordLength` characters carries: base64 comes in groups of 4 for 3 bytes. At
    /// least one 4-byte character fits, whatever the length asked for.
    private static func byteCapacity(wordLength: Int) -> Int {
        max(4, (wordLength - prefix.count - suffix.count) / 4 * 3)
    }
}
