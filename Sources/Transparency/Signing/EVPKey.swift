import CCrypto

/// An OpenSSL `EVP_PKEY` for Ed25519, owned by this object: `deinit` frees it on every path.
///
/// Made for one operation and dropped, so no handle outlives the call that needed it; the keys themselves are
/// kept as raw bytes in Sendable values.
final class EVPKey {
    let pointer: OpaquePointer

    private init(pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit {
        EVP_PKEY_free(pointer)
    }

    /// The key whose raw RFC 8032 private key (seed) is `seed`.
    static func privateKey(seed: [UInt8]) throws(SigningError) -> EVPKey {
        let pointer = seed.withUnsafeBufferPointer {
            EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nil, $0.baseAddress, $0.count)
        }
        guard let pointer else { throw OpenSSLErrors.take("EVP_PKEY_new_raw_private_key") }
        return EVPKey(pointer: pointer)
    }

    /// The key whose raw RFC 8032 public key is `bytes`.
    static func publicKey(_ bytes: [UInt8]) throws(SigningError) -> EVPKey {
        let pointer = bytes.withUnsafeBufferPointer {
            EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nil, $0.baseAddress, $0.count)
        }
        guard let pointer else { throw OpenSSLErrors.take("EVP_PKEY_new_raw_public_key") }
        return EVPKey(pointer: pointer)
    }

    /// Takes ownership of a key OpenSSL made (from a PEM file).
    static func adopting(_ pointer: OpaquePointer) -> EVPKey {
        EVPKey(pointer: pointer)
    }

    /// Whether the key is an Ed25519 key.
    var isEd25519: Bool { EVP_PKEY_get_id(pointer) == EVP_PKEY_ED25519 }

    /// The raw 32-byte public key.
    func rawPublicKey() throws(SigningError) -> [UInt8] {
        try raw("EVP_PKEY_get_raw_public_key", EVP_PKEY_get_raw_public_key)
    }

    /// The raw 32-byte private key (the RFC 8032 seed).
    func rawPrivateKey() throws(SigningError) -> [UInt8] {
        try raw("EVP_PKEY_get_raw_private_key", EVP_PKEY_get_raw_private_key)
    }

    private func raw(
        _ name: String,
        _ get: (OpaquePointer?, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int>?) -> Int32
    ) throws(SigningError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: Ed25519PublicKey.byteCount)
        var length = bytes.count
        let status = bytes.withUnsafeMutableBufferPointer { get(pointer, $0.baseAddress, &length) }
        guard status == 1, length == Ed25519PublicKey.byteCount else { throw OpenSSLErrors.take(name) }
        return bytes
    }
}

/// OpenSSL's per-thread error queue, read and emptied after each failed call: libpq shares the queue on the same
/// thread, and a stale entry left there could be reported as one of its own errors.
enum OpenSSLErrors {
    /// A `SigningError` for `operation` carrying the queue's first message; empties the queue.
    static func take(_ operation: String) -> SigningError {
        let code = ERR_get_error()
        var message = "no detail"
        if code != 0 {
            var buffer = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &buffer, buffer.count)
            message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        ERR_clear_error()
        return .openSSL(operation, message)
    }
}
