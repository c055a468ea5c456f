import Foundation

/// How a text travels as SMS (3GPP TS 23.038 and 23.040): in the GSM 7-bit alphabet when every character is in it
/// (160 septets in one message, 153 per part when concatenated; the extension characters `^{}\[~]|€` and form feed
/// take two septets), otherwise in UCS-2 (70 UTF-16 code units alone, 67 per part). Arabic is always UCS-2.
enum SMSText {
    /// The alphabet a text is sent in.
    enum Encoding: Sendable, Equatable {
        case gsm7
        case ucs2

        /// Units one message holds alone, and per part of a concatenated message.
        var capacity: (single: Int, part: Int) {
            switch self {
            case .gsm7: (160, 153)
            case .ucs2: (70, 67)
            }
        }
    }

    /// The parts texts are cut to at most (4); longer texts are shortened, ending with an ellipsis.
    static let maximumSegments = 4

    /// The GSM 7-bit default alphabet (one septet each), without the escape code.
    private static let basic: Set<Unicode.Scalar> = Set(
        ("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
            + "abcdefghijklmnopqrstuvwxyzäöñüà").unicodeScalars)
    /// The extension table, reached through the escape code (two septets each).
    private static let extended: Set<Unicode.Scalar> = Set("\u{0C}^{}\\[~]|€".unicodeScalars)

    /// The alphabet `text` needs.
    static func encoding(of text: String) -> Encoding {
        text.unicodeScalars.allSatisfy { basic.contains($0) || extended.contains($0) } ? .gsm7 : .ucs2
    }

    /// The units one character takes: septets in GSM 7-bit, UTF-16 code units in UCS-2.
    private static func units(of character: Character, in encoding: Encoding) -> Int {
        switch encoding {
        case .gsm7: character.unicodeScalars.reduce(0) { $0 + (extended.contains($1) ? 2 : 1) }
        case .ucs2: character.utf16.count
        }
    }

    /// The parts a gateway sends `text` as: one when it fits alone, else parts of the concatenated capacity, never
    /// splitting a character (an escape pair, a surrogate pair, or a letter with its marks).
    static func segments(_ text: String) -> [String] {
        let encoding = encoding(of: text)
        let total = text.reduce(0) { $0 + units(of: $1, in: encoding) }
        guard total > encoding.capacity.single else { return text.isEmpty ? [] : [text] }
        var parts: [String] = []
        var current = ""
        var used = 0
        for character in text {
            let size = units(of: character, in: encoding)
            if used + size > encoding.capacity.part {
                parts.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += size
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    /// `text` if it fits in `maximumSegments` parts, else its longest beginning that fits with an ellipsis after
    /// it (`...` in GSM 7-bit, so the alphabet does not change; `…` in UCS-2).
    static func fit(_ text: String, maximumSegments: Int = maximumSegments) -> String {
        guard segments(text).count > maximumSegments else { return text }
        let ellipsis = encoding(of: text) == .gsm7 ? "..." : "…"
        var characters = Array(text)
        // Each step removes one character; texts are a few hundred characters, so this stays cheap.
        while !characters.isEmpty {
            characters.removeLast()
            let candidate = String(characters).trimmingCharacters(in: .whitespaces) + ellipsis
            if segments(candidate).count <= maximumSegments { return candidate }
        }
        return ellipsis
    }
}
