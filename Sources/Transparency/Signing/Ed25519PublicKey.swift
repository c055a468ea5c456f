import CCrypto

/// An Ed25519 public key (RFC 8032), verifying signatures through OpenSSL's libcrypto.
public struct Ed25519PublicKey: Hashable, Sendable {
    /// The length of a raw public key.
    public static let byteCount = 32
    /// The length of a signature.
    public static let signatureByteCount = 64

    /// The 32-byte encoding of RFC 8032 §5.1.2.
    public let rawRepresentation: [UInt8]

    /// The key whose raw encoding is `rawRepresentation`.
    /// - Throws: a `SigningError` unless there are exactly 32 bytes that OpenSSL accepts.
    public init(rawRepresentation: some Collection<UInt8>) throws(SigningError) {
        let bytes = Array(rawRepresentation)
        guard bytes.count == Self.byteCount else {
            throw .wrongKeyLength(expected: Self.byteCount, actual: bytes.count)
        }
        _ = try EVPKey.publicKey(bytes)
        self.rawRepresentation = bytes
    }

    /// Whether `signature` is this key's valid RFC 8032 signature of `message`. Any failure, including a signature
    /// of the wrong length, is a plain `false`: a verifier has nothing else to say.
    public func isValidSignature(_ signature: some Collection<UInt8>, for message: some Collection<UInt8>) -> Bool {
        let signature = Array(signature)
        guard signature.count == Self.signatureByteCount else { return false }
        guard let key = try? EVPKey.publicKey(rawRepresentation), let context = EVP_MD_CTX_new() else {
            ERR_clear_error()
            return false
        }
        defer { EVP_MD_CTX_free(context) }
        let message = Array(message)
        guard EVP_DigestVerifyInit(context, nil, nil, nil, key.pointer) == 1 else {
            ERR_clear_error()
            return false
        }
        let status = signature.withUnsafeBufferPointer { signatureBytes in
            message.withUnsafeBufferPointer { messageBytes in
                EVP_DigestVerify(
                    context, signatureBytes.baseAddress, signatureBytes.count, messageBytes.baseAddress,
                    messageBytes.count)
            }
        }
        if status != 1 {
            ERR_clear_error()
        }
        return status == 1
    }
}
