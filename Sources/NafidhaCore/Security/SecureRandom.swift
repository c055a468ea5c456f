import CCrypto

/// Cryptographically secure random bytes (OpenSSL's CSPRNG, seeded by the kernel).
public enum SecureRandom {
    /// `count` random bytes. Failure of the CSPRNG is not recoverable: a token must never be weak.
    public static func bytes(_ count: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let status = bytes.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32(count)) }
        precondition(status == 1, "OpenSSL RAND_bytes failed; refusing to issue a predictable secret")
        return bytes
    }
}
