/// The content of DATA as it goes on the wire (RFC 5321 §4.5.2 and §2.3.8): every line break CRLF (a bare LF or
/// a bare CR becomes one), a dot doubled at the start of a line (dot-stuffing, so that no line of the message
/// reads as the end mark), a final CRLF, then the end mark `.` CRLF.
enum SMTPDataEncoding {
    static func encode(_ content: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(content.count + content.count / 64 + 5)
        var atLineStart = true
        var index = 0
        while index < content.count {
            let byte = content[index]
            if byte == 0x0D || byte == 0x0A {
                output += [0x0D, 0x0A]
                if byte == 0x0D && index + 1 < content.count && content[index + 1] == 0x0A { index += 1 }
                atLineStart = true
            } else {
                if atLineStart && byte == UInt8(ascii: ".") { output.append(byte) }
                output.append(byte)
                atLineStart = false
            }
            index += 1
        }
        if !atLineStart { output += [0x0D, 0x0A] }
        output += [UInt8(ascii: "."), 0x0D, 0x0A]
        return output
    }
}
