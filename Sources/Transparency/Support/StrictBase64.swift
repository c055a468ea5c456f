import Foundation

/// Standard base64 (RFC 4648 §4) that accepts only the canonical encoding: padding required, no whitespace, no
/// stray bits in the last character. Signed notes and checkpoints are compared byte for byte, so two spellings
/// of the same bytes must not both be accepted.
enum StrictBase64 {
    /// The bytes `text` encodes, or nil when it is not the canonical base64 of anything.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        guard let data = Data(base64Encoded: String(text)) else { return nil }
        guard data.base64EncodedString() == text else { return nil }
        return [UInt8](data)
    }

    /// The canonical base64 of `bytes`.
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }
}
