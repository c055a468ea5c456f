/// The direction of a language's script, for an HTML document's `dir`.
public enum TextDirection: String, Sendable {
    /// Latin script: French, English.
    case leftToRight = "ltr"
    /// Arabic script.
    case rightToLeft = "rtl"
}

/// Helpers for the HTML body.
extension MailMessage {
    /// A minimal HTML document around `body` (an HTML fragment the caller made safe): UTF-8, the language and
    /// direction on the root element so that mail readers lay out Arabic right to left, and a title.
    ///
    /// - Parameters:
    ///   - body: the content of `<body>`, inserted as it is.
    ///   - title: plain text, escaped here.
    ///   - language: a BCP 47 tag such as `ar` or `fr`, escaped here.
    ///   - direction: `.rightToLeft` for Arabic.
    public static func htmlDocument(body: String, title: String, language: String, direction: TextDirection) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(escapingHTML(language))" dir="\(direction.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapingHTML(title))</title>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by character references: safe in HTML text and in quoted
    /// attribute values.
    public static func escapingHTML(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
