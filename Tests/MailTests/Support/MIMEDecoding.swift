import Foundation

/// Decoders for what the message writer encodes, written from the RFCs independently of it, so that the unit
/// tests check round trips; the server tests check the same with Python's email package.
enum MIMEDecoding {
    /// RFC 2045 §6.7: `=XX` is a byte, `=` at a line end is a soft break, CRLF a hard break.
    static func quotedPrintable(_ encoded: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < encoded.count {
            let byte = encoded[index]
            if byte == UInt8(ascii: "=") {
                if index + 2 < encoded.count && encoded[index + 1] == 0x0D && encoded[index + 2] == 0x0A {
                    index += 3
                    continue
                }
                let hex = String(decoding: encoded[(index + 1)..<(index + 3)], as: UTF8.self)
                output.append(UInt8(hex, radix: 16)!)
                index += 3
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }

    /// Base64 with line breaks ignored.
    static func base64(_ encoded: [UInt8]) -> [UInt8] {
        let text = String(decoding: encoded.filter { $0 != 0x0D && $0 != 0x0A }, as: UTF8.self)
        return [UInt8](Data(base64Encoded: text)!)
    }

    /// The text of RFC 2047 B encoded-words separated by white space.
    static func encodedWords(_ words: [String]) -> String {
        var bytes: [UInt8] = []
        for word in words {
            precondition(word.hasPrefix("=?utf-8?B?") && word.hasSuffix("?="))
            bytes += base64(Array(word.dropFirst(10).dropLast(2).utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The lines of `bytes`, split at CRLF (the last one empty when `bytes` ends with CRLF).
    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n")
    }
}
