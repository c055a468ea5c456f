import Foundation
import NafidhaContract

/// The one policy for every human text the system stores (docs/api.md, "Text"): applicants' names, descriptions,
/// form values of type `string` and `text`, addresses, notes, replies, reasons, API key names. Text is shown to
/// clerks in terminals, to auditors in HTML and to the public in Open311's XML, so what it may hold is decided once:
///
/// - it is normalised to NFC, so that one name is stored one way;
/// - noncharacters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF) are refused: XML 1.0 forbids some, and none is text;
/// - control characters (C0, DEL, C1) are refused, except tab and newline in multi-line text;
/// - line breaks are refused in one-line fields; in multi-line text CR LF, CR, U+2028 and U+2029 become LF;
/// - bidirectional formatting characters are refused in names (a name is an identity: U+202E can make one read as
///   another). In other text the embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which can
///   reorder what follows them, are removed, while the marks (U+200E, U+200F, U+061C), which reorder nothing and
///   which Arabic keyboards insert, are kept;
/// - a text needs one visible character, and a name one visible letter (a name of U+FEFF, U+3164 or U+2066 alone is
///   no name).
public enum TextPolicy {
    /// What a text is, which decides the rules above.
    public enum Kind: Sendable {
        /// A person's or an application's name: one line, no bidirectional formatting at all, a visible letter.
        case name
        /// A one-line value (a `string` form field, an address): no line breaks.
        case line
        /// Multi-line free text (descriptions, notes, replies, reasons, `text` form fields).
        case text
    }

    /// `raw` checked and normalised as `kind`, at most `limit` Unicode scalars once normalised (as PostgreSQL's
    /// `char_length` counts). One-line kinds are trimmed of surrounding spaces; multi-line text is kept as sent.
    static func check(_ raw: String, as kind: Kind, limit: Int) -> Result<String, Refusal> {
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in raw.precomposedStringWithCanonicalMapping.unicodeScalars {
            let wasCR = previousWasCR
            previousWasCR = scalar == "\r"
            if scalar.properties.isNoncharacterCodePoint { return .failure(Refusal(.nonCharacters)) }
            if isLineBreak(scalar) {
                guard kind == .text else { return .failure(Refusal(.lineBreak)) }
                // CR LF is one break: the LF was written for the CR.
                if !(scalar == "\n" && wasCR) { scalars.append("\n") }
                continue
            }
            if isBidiControl(scalar) {
                if kind == .name { return .failure(Refusal(.bidiControls)) }
                if isBidiMark(scalar) { scalars.append(scalar) }
                continue
            }
            if scalar.properties.generalCategory == .control && !(kind == .text && scalar == "\t") {
                return .failure(Refusal(.controlCharacters))
            }
            scalars.append(scalar)
        }
        var text = String(scalars)
        if kind != .text { text = text.trimmingCharacters(in: .whitespaces) }
        guard text.unicodeScalars.count <= limit else { return .failure(Refusal(.tooLong(maximum: limit))) }
        guard text.unicodeScalars.contains(where: isVisible) else { return .failure(Refusal(.required)) }
        if kind == .name, !text.unicodeScalars.contains(where: { isVisible($0) && $0.properties.isAlphabetic }) {
            return .failure(Refusal(.noLetter))
        }
        return .success(text)
    }

    /// Line feed, carriage return, and the Unicode line and paragraph separators.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates
    /// (U+2066–U+2069) and the marks (U+200E, U+200F, U+061C).
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: isBidiMark(scalar)
        }
    }

    /// Left-to-right, right-to-left and Arabic letter marks.
    static func isBidiMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }

    /// A character that shows: not a space, a control, a format character nor one the Unicode standard says to
    /// display as nothing (U+FEFF, U+200B, the Hangul fillers U+3164 and U+115F, ...).
    static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate:
            return false
        default:
            return !properties.isWhitespace && !properties.isDefaultIgnorableCodePoint && scalar.value != 0x2800
        }
    }
}
