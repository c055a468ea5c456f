/// The checks every header value passes before it is written: the only defence against header injection that
/// does not depend on each caller remembering it.
enum HeaderText {
    /// Refuses CR and LF (a header injection), then any other control character: C0 except TAB, DEL and C1.
    static func check(_ value: String, field: String) throws(MailMessageError) {
        for scalar in value.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D: throw .lineBreakInHeader(field)
            case 0x09: continue
            case 0x00...0x1F, 0x7F...0x9F: throw .controlCharacterInHeader(field)
            default: continue
            }
        }
    }

    /// Whether `value` is printable ASCII and spaces only: writable as is in a header field.
    static func isPrintableASCII(_ value: some StringProtocol) -> Bool {
        value.utf8.allSatisfy { (0x20...0x7E).contains($0) }
    }
}
