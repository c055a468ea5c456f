import Foundation

/// A six-digit sign-in code and its salted hash: the database keeps SHA-256(salt ‖ code) with a random 16-byte salt
/// per code, never the code.
struct SignInCode: Sendable, Equatable {
    /// Digits in a code.
    static let length = 6

    /// The digits, as sent by SMS.
    let digits: String

    /// A uniformly random code: a 32-bit random number, redrawn above the largest multiple of 10^6 so that no code
    /// is likelier than another.
    static func generate() -> SignInCode {
        let range: UInt32 = 1_000_000
        let limit = UInt32.max - UInt32.max % range
        while true {
            let bytes = SecureRandom.bytes(4)
            let value = bytes.reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            if value < limit {
                let text = String(value % range)
                return SignInCode(digits: String(repeating: "0", count: length - text.count) + text)
            }
        }
    }

    /// SHA-256 of `salt` followed by the UTF-8 of `presented`, what a code row stores and a sign-in compares. The
    /// presented text is hashed as typed (digits normalised to ASCII), whatever its shape, so a malformed code costs
    /// what a wrong one does.
    static func hash(_ presented: String, salt: [UInt8]) -> [UInt8] {
        SHA256.hash(salt + Array(Digits.normalized(presented).utf8))
    }
}
