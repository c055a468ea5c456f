import CCrypto

extension Ed25519PrivateKey {
    /// The largest PEM text read: an Ed25519 PKCS#8 key is about 120 bytes, so anything much larger is not one.
    public static let maximumPEMSize = 16 * 1024

    /// The key read from an unencrypted PEM `PRIVATE KEY` (PKCS#8, RFC 5208 / RFC 8410), as `openssl genpkey
    /// -algorithm ed25519` writes it.
    /// - Throws: `SigningError.malformedPEM` for text that is not such a key (an encrypted key included: it is
    ///   refused, never prompted for), `SigningError.notEd25519` for a key of another algorithm.
    public init(pem: String) throws(SigningError) {
        let text = Array(pem.utf8)
        guard !text.isEmpty, text.count <= Self.maximumPEMSize else { throw .malformedPEM }
        let pointer: OpaquePointer? = text.withUnsafeBytes { bytes in
            guard let bio = BIO_new_mem_buf(bytes.baseAddress, Int32(bytes.count)) else { return nil }
            defer { BIO_free(bio) }
            // A callback that supplies no passphrase: without one OpenSSL would prompt on the terminal.
            return PEM_read_bio_PrivateKey(bio, nil, { _, _, _, _ in 0 }, nil)
        }
        guard let pointer else {
            ERR_clear_error()
            throw .malformedPEM
        }
        let key = EVPKey.adopting(pointer)
        guard key.isEd25519 else { throw .notEd25519 }
        try self.init(rawRepresentation: key.rawPrivateKey())
    }

    /// The key as an unencrypted PEM `PRIVATE KEY` (PKCS#8), ending in a newline; write it with `SecretFile`.
    public func pemEncoded() throws(SigningError) -> String {
        let key = try EVPKey.privateKey(seed: rawRepresentation)
        guard let bio = BIO_new(BIO_s_mem()) else { throw OpenSSLErrors.take("BIO_new") }
        defer { BIO_free(bio) }
        guard PEM_write_bio_PrivateKey(bio, key.pointer, nil, nil, 0, nil, nil) == 1 else {
            throw OpenSSLErrors.take("PEM_write_bio_PrivateKey")
        }
        let pending = Int(BIO_ctrl_pending(bio))
        var bytes = [UInt8](repeating: 0, count: pending)
        let read = bytes.withUnsafeMutableBytes { BIO_read(bio, $0.baseAddress, Int32(pending)) }
        guard read == Int32(pending) else { throw OpenSSLErrors.take("BIO_read") }
        return String(decoding: bytes, as: UTF8.self)
    }
}
