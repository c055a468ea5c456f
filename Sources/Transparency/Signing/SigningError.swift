/// Why a key could not be read or made, or a signature not produced.
///
/// A struct wrapping a private enum, so that reasons can be added without breaking callers.
public struct SigningError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Reason: Hashable, Sendable {
        case wrongKeyLength(expected: Int, actual: Int)
        case malformedPEM
        case notEd25519
        case openSSL(operation: String, message: String)
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// A raw key of `actual` bytes where `expected` were required.
    static func wrongKeyLength(expected: Int, actual: Int) -> SigningError {
        SigningError(.wrongKeyLength(expected: expected, actual: actual))
    }

    /// OpenSSL refused `operation`; `message` is its error queue's text.
    static func openSSL(_ operation: String, _ message: String) -> SigningError {
        SigningError(.openSSL(operation: operation, message: message))
    }

    /// The text is not a PEM `PRIVATE KEY` (unencrypted PKCS#8) that OpenSSL can read.
    public static let malformedPEM = SigningError(.malformedPEM)
    /// The key is a valid key of another algorithm than Ed25519.
    public static let notEd25519 = SigningError(.notEd25519)

    /// Whether the error is a raw key of the wrong length.
    public var isWrongKeyLength: Bool {
        if case .wrongKeyLength = reason { return true }
        return false
    }

    public var description: String {
        switch reason {
        case .wrongKeyLength(let expected, let actual): "an Ed25519 key has \(expected) bytes, not \(actual)"
        case .malformedPEM: "not an unencrypted PEM PRIVATE KEY (PKCS#8)"
        case .notEd25519: "the key is not an Ed25519 key"
        case .openSSL(let operation, let message): "OpenSSL \(operation) failed: \(message)"
        }
    }
}
