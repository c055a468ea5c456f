import Foundation

/// Bytes written as test vectors are published: hexadecimal and base64.
enum TestBytes {
    /// The bytes of a hexadecimal string (spaces allowed between groups); traps on a typo in a vector.
    static func hex(_ text: String) -> [UInt8] {
        let digits = Array(text.replacingOccurrences(of: " ", with: "").utf8)
        precondition(digits.count % 2 == 0, "odd hex vector")
        return stride(from: 0, to: digits.count, by: 2).map { index in
            UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16)!
        }
    }

    /// The lower-case hexadecimal of `bytes`.
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// The bytes of standard base64; traps on a typo in a vector.
    static func base64(_ text: String) -> [UInt8] {
        [UInt8](Data(base64Encoded: text)!)
    }
}
