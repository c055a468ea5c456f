import CCrypto
import Transparency

/// SHA-256 over data that arrives in pieces, so an export of any size is hashed while it streams.
///
/// Not `Sendable`: one exporter or verifier owns it on one thread.
public final class StreamingSHA256 {
    private let context: OpaquePointer

    /// Starts an empty digest.
    public init() {
        // EVP_MD_CTX_new only fails when memory is exhausted, where nothing else can go on either.
        context = EVP_MD_CTX_new()!
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Adds `bytes` to the digest.
    public func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            _ = EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
        }
    }

    /// Adds the bytes in `buffer` to the digest.
    public func update(_ buffer: UnsafeRawBufferPointer) {
        _ = EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
    }

    /// The lower-case hexadecimal digest of everything added; the digest cannot be extended afterwards.
    public func finalHex() -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        var length: UInt32 = 0
        digest.withUnsafeMutableBufferPointer { out in
            _ = EVP_DigestFinal_ex(context, out.baseAddress, &length)
        }
        return Hex.encode(digest)
    }
}
