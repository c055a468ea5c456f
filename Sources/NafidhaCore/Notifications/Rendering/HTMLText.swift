import Foundation

/// Text made safe for HTML, and plain text made into paragraphs, for the e-mail's HTML part.
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` escaped.
    static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    /// Plain text as HTML paragraphs: blank lines separate paragraphs, other line breaks become `<br>`; the text is
    /// escaped.
    static func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .newlines) }
            .filter { !$0.isEmpty }
            .map {
                "<p>"
                    + $0.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
                    .joined(separator: "<br>\n") + "</p>"
            }
            .joined(separator: "\n")
    }
}
