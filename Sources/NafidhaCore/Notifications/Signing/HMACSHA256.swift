import CCrypto

/// HMAC-SHA256 (RFC 2104, FIPS 198-1) through OpenSSL's libcrypto.
enum HMACSHA256 {
    /// The 32-byte MAC of `message` under `key`.
    static func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let result = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { messageBytes in
                output.withUnsafeMutableBufferPointer { out in
                    HMAC(
                        EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
                        messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self), messageBytes.count,
                        out.baseAddress, &length)
                }
            }
        }
        // HMAC fails only when libcrypto cannot allocate; a delivery must never carry a wrong signature.
        precondition(result != nil && length == 32, "OpenSSL HMAC-SHA256 failed")
        return Array(output.prefix(Int(length)))
    }
}
