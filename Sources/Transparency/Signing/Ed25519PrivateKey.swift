import CCrypto

/// An Ed25519 private key (RFC 8032), signing through OpenSSL's libcrypto.
///
/// Kept as its 32-byte seed, from which OpenSSL derives the signing scalar for each signature; Ed25519 signing is
/// deterministic, so the same key and message always give the same signature.
public struct Ed25519PrivateKey: Sendable {
    /// The length of a raw private key (the seed).
    public static let byteCount = 32

    private let seed: [UInt8]

    /// The public half.
    public let publicKey: Ed25519PublicKey

    /// The key whose raw 32-byte private key (RFC 8032 §5.1.5's seed) is `rawRepresentation`.
    /// - Throws: a `SigningError` unless there are exactly 32 bytes.
    public init(rawRepresentation: some Collection<UInt8>) throws(SigningError) {
        let seed = Array(rawRepresentation)
        guard seed.count == Self.byteCount else {
            throw .wrongKeyLength(expected: Self.byteCount, actual: seed.count)
        }
        let key = try EVPKey.privateKey(seed: seed)
        self.seed = seed
        self.publicKey = try Ed25519PublicKey(rawRepresentation: key.rawPublicKey())
    }

    /// A new key from 32 bytes of OpenSSL's CSPRNG (seeded by the kernel).
    public static func generate() throws(SigningError) -> Ed25519PrivateKey {
        var seed = [UInt8](repeating: 0, count: byteCount)
        let status = seed.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        guard status == 1 else { throw OpenSSLErrors.take("RAND_bytes") }
        return try Ed25519PrivateKey(rawRepresentation: seed)
    }

    /// The raw 32-byte private key, to export. It is the whole secret: write it only where `SecretFile` would.
    public var rawRepresentation: [UInt8] { seed }

    /// The 64-byte RFC 8032 signature of `message`.
    public func signature(for message: some Collection<UInt8>) throws(SigningError) -> [UInt8] {
        let key = try EVPKey.privateKey(seed: seed)
        guard let context = EVP_MD_CTX_new() else { throw OpenSSLErrors.take("EVP_MD_CTX_new") }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestSignInit(context, nil, nil, nil, key.pointer) == 1 else {
            throw OpenSSLErrors.take("EVP_DigestSignInit")
        }
        let message = Array(message)
        var signature = [UInt8](repeating: 0, count: Ed25519PublicKey.signatureByteCount)
        var length = signature.count
        let status = signature.withUnsafeMutableBufferPointer { signatureBytes in
            message.withUnsafeBufferPointer { messageBytes in
                EVP_DigestSign(
                    context, signatureBytes.baseAddress, &length, messageBytes.baseAddress, messageBytes.count)
            }
        }
        guard status == 1, length == Ed25519PublicKey.signatureByteCount else {
            throw OpenSSLErrors.take("EVP_DigestSign")
        }
        return signature
    }
}
