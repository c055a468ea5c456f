import CCrypto

/// SHA-256 (FIPS 180-4) through OpenSSL's libcrypto, for the Merkle tree and note key IDs.
///
/// Internal so that it never clashes with `NafidhaCore.SHA256` in a module that imports both.
enum SHA256Digest {
    /// The 32-byte digest of `bytes`.
    static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        bytes.withUnsafeBufferPointer { input in
            digest.withUnsafeMutableBufferPointer { output in
                _ = SHA256(input.baseAddress, input.count, output.baseAddress)
            }
        }
        return digest
    }
}
