/// The content transfer encodings a text part is written in (RFC 2045 §6): both give 7-bit lines of at most 76
/// characters, so the message crosses any SMTP server, 8BITMIME or not.
enum TransferEncoding: String, Sendable {
    case quotedPrintable = "quoted-printable"
    case base64 = "base64"

    /// RFC 2045 §6.7 (5) and §6.8: encoded lines are at most 76 characters.
    static let maximumLineLength = 76

    /// The shorter encoding of `text`'s canonical bytes, and those encoded lines (each ending in CRLF):
    /// quoted-printable for mostly-ASCII text (French, markup), base64 for mostly-Arabic text, which
    /// quoted-printable would triple.
    static func encodeText(_ text: String) -> (encoding: TransferEncoding, body: [UInt8]) {
        let canonical = canonicalLineBreaks(Array(text.utf8))
        let quoted = quotedPrintable(canonical)
        let base64 = base64Lines(canonical)
        return quoted.count <= base64.count ? (.quotedPrintable, quoted) : (.base64, base64)
    }

    /// Text with every line break as CRLF, the canonical form of text/* (RFC 2046 §4.1.1): CR LF, a lone LF and a
    /// lone CR each become CR LF.
    static func canonicalLineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 32)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D || byte == 0x0A {
                output += [0x0D, 0x0A]
                if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }

    /// Quoted-printable (RFC 2045 §6.7) of canonical text: CRLF kept as hard line breaks, `=` and every byte
    /// outside printable ASCII as `=XX`, a space or tab before a line end encoded too (rule 3), and soft line
    /// breaks (`=` CRLF) so no line passes 76 characters, never inside an `=XX`.
    static func quotedPrintable(_ canonical: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(canonical.count + canonical.count / 8)
        let lines = canonical.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.last == 0x0D ? line.dropLast() : line
        }
        // A text ending with CRLF gives an empty last element: it is that final line break, not another line.
        let endsWithLineBreak = canonical.last == 0x0A
        let count = endsWithLineBreak ? lines.count - 1 : lines.count
        for (index, line) in lines.prefix(count).enumerated() {
            // Every encoded body ends with CRLF: a hard one, or after the last line a soft one (`=` CRLF) that
            // decodes to nothing, so the next boundary starts a line and the text comes back exactly.
            let hardBreak = index < count - 1 || endsWithLineBreak
            var length = 0
            for (position, byte) in zip(line.indices, line) {
                let isLast = position == line.index(before: line.endIndex)
                let literal =
                    (byte >= 0x21 && byte <= 0x7E && byte != 0x3D) || ((byte == 0x20 || byte == 0x09) && !isLast)
                let token: [UInt8] = literal ? [byte] : [0x3D, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
                // Only the last token before a hard break may take the 76th column: elsewhere a soft break's `=`
                // must still fit.
                let room = isLast && hardBreak ? maximumLineLength : maximumLineLength - 1
                if length + token.count > room {
                    output += [0x3D, 0x0D, 0x0A]
                    length = 0
                }
                output += token
                length += token.count
            }
            output += hardBreak ? [0x0D, 0x0A] : [0x3D, 0x0D, 0x0A]
        }
        return output
    }

    /// Base64 (RFC 2045 §6.8) in lines of 76 characters, each ending in CRLF.
    static func base64Lines(_ bytes: [UInt8]) -> [UInt8] {
        let encoded = Base64.encode(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(encoded.count + encoded.count / maximumLineLength * 2 + 2)
        var start = 0
        while start < encoded.count {
            let end = min(start + maximumLineLength, encoded.count)
            output += encoded[start..<end]
            output += [0x0D, 0x0A]
            start = end
        }
        return output
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
}
