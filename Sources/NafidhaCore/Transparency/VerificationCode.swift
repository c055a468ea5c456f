import Foundation
import Transparency

/// The compact code a decision page's QR Code carries: `NV1.<municipality>.<tracking>.<leaf index>.<signature>`,
/// e.g. `NV1.TRP.TRP-7KQ4-M2XD.41.<86 base64url characters>` (docs/verification.md, "Verification codes").
///
/// The signature is Ed25519, by the log's key, over `SignedFields.message`: the municipality, the tracking number,
/// the decision event's leaf index and that leaf's hash. The hash is not in the code (it would not fit a small QR
/// Code): the verifier recomputes it from the event found at that index, so a code verifies only for the very event
/// it was issued for, and only the server's key can issue one.
public struct VerificationCode: Sendable, Hashable, CustomStringConvertible {
    /// The format tag, the code's first field.
    public static let version = "NV1"
    /// The longest code read; a real one is about 120 characters.
    public static let maximumLength = 200

    /// The municipality's code.
    public let municipality: String
    /// The request's tracking number.
    public let trackingNumber: String
    /// The `decided` event's index in the municipality's log (its `seq − 1`).
    public let leafIndex: UInt64
    /// The 64-byte Ed25519 signature.
    public let signature: [UInt8]

    /// What the signature signs.
    public struct SignedFields: Sendable, Hashable {
        /// The municipality's code.
        public var municipality: String
        /// The tracking number.
        public var trackingNumber: String
        /// The leaf index.
        public var leafIndex: UInt64
        /// The leaf's hash.
        public var leafHash: MerkleHash

        /// The fields of a code.
        public init(municipality: String, trackingNumber: String, leafIndex: UInt64, leafHash: MerkleHash) {
            self.municipality = municipality
            self.trackingNumber = trackingNumber
            self.leafIndex = leafIndex
            self.leafHash = leafHash
        }

        /// The signed bytes: UTF-8 lines, each ending in a newline, `nafidha-decision-code-v1`, the municipality,
        /// the tracking number, the leaf index in decimal, and the leaf hash in standard base64.
        public var message: [UInt8] {
            let lines = ["nafidha-decision-code-v1", municipality, trackingNumber, String(leafIndex), leafHash.base64]
            return Array(lines.map { $0 + "\n" }.joined().utf8)
        }
    }

    /// The code of `fields`, signed by `signer`.
    static func issue(_ fields: SignedFields, by signer: LogSigner) throws -> VerificationCode {
        VerificationCode(
            municipality: fields.municipality, trackingNumber: fields.trackingNumber, leafIndex: fields.leafIndex,
            signature: try signer.codeSignature(fields))
    }

    private init(municipality: String, trackingNumber: String, leafIndex: UInt64, signature: [UInt8]) {
        self.municipality = municipality
        self.trackingNumber = trackingNumber
        self.leafIndex = leafIndex
        self.signature = signature
    }

    /// The code `text` spells, or nil when it is malformed or truncated: five fields separated by dots, the tag
    /// `NV1`, three upper-case letters, a well-formed tracking number of that municipality, a decimal index without
    /// leading zeros below 2^63, and the unpadded base64url of exactly 64 bytes.
    public init?(parsing text: String) {
        guard text.utf8.count <= Self.maximumLength else { return nil }
        let fields = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 5, fields[0] == Self.version else { return nil }
        let municipality = fields[1]
        guard municipality.utf8.count == 3, municipality.utf8.allSatisfy({ (65...90).contains($0) }),
            TrackingNumber.isWellFormed(fields[2]), fields[2].hasPrefix(municipality + "-"),
            fields[3].utf8.allSatisfy({ (48...57).contains($0) }), fields[3] == "0" || !fields[3].hasPrefix("0"),
            fields[3].utf8.count <= 19, let index = Int64(fields[3]),
            let signature = Self.base64URLDecode(fields[4]), signature.count == Ed25519PublicKey.signatureByteCount
        else { return nil }
        self.init(municipality: municipality, trackingNumber: fields[2], leafIndex: UInt64(index), signature: signature)
    }

    /// The code as text.
    public var description: String {
        [Self.version, municipality, trackingNumber, String(leafIndex), Self.base64URLEncode(signature)]
            .joined(separator: ".")
    }

    /// Whether the signature is `publicKey`'s over these fields with `leafHash`.
    public func isSigned(by publicKey: Ed25519PublicKey, leafHash: MerkleHash) -> Bool {
        let fields = SignedFields(
            municipality: municipality, trackingNumber: trackingNumber, leafIndex: leafIndex, leafHash: leafHash)
        return publicKey.isValidSignature(signature, for: fields.message)
    }

    /// Unpadded base64url (RFC 4648 §5).
    static func base64URLEncode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The bytes of canonical unpadded base64url, or nil (so one code has one spelling).
    static func base64URLDecode(_ text: String) -> [UInt8]? {
        guard !text.contains("="), !text.contains("+"), !text.contains("/") else { return nil }
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        standard += String(repeating: "=", count: (4 - standard.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: standard) else { return nil }
        let bytes = [UInt8](data)
        return base64URLEncode(bytes) == text ? bytes : nil
    }
}
