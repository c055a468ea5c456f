/// A trusted Ed25519 key of signed notes (c2sp.org/signed-note), in the verifier key text format of Go's
/// `golang.org/x/mod/sumdb/note`: `<name>+<key ID as 8 lower-case hex digits>+<base64(0x01 ‖ public key)>`.
///
/// This is what a bank or a notary is given to check Nafidha's checkpoints offline.
public struct NoteVerifierKey: Hashable, Sendable {
    /// The signature type identifier byte of Ed25519 signatures (c2sp.org/signed-note, "Signature types").
    public static let ed25519SignatureType: UInt8 = 0x01

    /// The key name, as signature lines carry it.
    public let name: String
    /// The key ID: `SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key)[:4]`, big-endian.
    public let keyID: UInt32
    /// The Ed25519 public key.
    public let publicKey: Ed25519PublicKey

    /// The verifier key of `publicKey` under `name`.
    /// - Throws: `NoteError.invalidKeyName` for an empty name or one with a space or a plus sign.
    public init(name: String, publicKey: Ed25519PublicKey) throws(NoteError) {
        guard Self.isValidKeyName(name) else { throw .invalidKeyName }
        self.name = name
        self.publicKey = publicKey
        self.keyID = Self.keyID(name: name, publicKey: publicKey)
    }

    /// The key that `text` spells in the verifier key format.
    /// - Throws: `NoteError.malformedVerifierKey` unless the text has the three parts, the type byte is 0x01, the
    ///   key has 32 bytes and the key ID is the one computed from the name and key.
    public init(parsing text: String) throws(NoteError) {
        // The base64 key may itself hold '+': only the first two separate parts.
        let parts = text.split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].utf8.count == 8, parts[1].allSatisfy({ $0.isHexDigit && !$0.isUppercase }),
            let idBytes = Hex.decode(parts[1]), let keyBytes = StrictBase64.decode(parts[2]),
            keyBytes.count == 1 + Ed25519PublicKey.byteCount, keyBytes[0] == Self.ed25519SignatureType,
            let publicKey = try? Ed25519PublicKey(rawRepresentation: keyBytes.dropFirst())
        else { throw .malformedVerifierKey }
        let key = try NoteVerifierKey(name: String(parts[0]), publicKey: publicKey)
        guard key.keyID == Self.bigEndian(idBytes) else { throw .malformedVerifierKey }
        self = key
    }

    /// The key in the verifier key text format.
    public var encoded: String {
        let id = Hex.encode(withUnsafeBytes(of: keyID.bigEndian) { Array($0) })
        return "\(name)+\(id)+\(StrictBase64.encode([Self.ed25519SignatureType] + publicKey.rawRepresentation))"
    }

    /// The key ID that c2sp.org/signed-note recommends for an Ed25519 key:
    /// the first four bytes of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ 32-byte public key), big-endian.
    public static func keyID(name: String, publicKey: Ed25519PublicKey) -> UInt32 {
        let digest = SHA256Digest.hash(
            Array(name.utf8) + [0x0a, ed25519SignatureType] + publicKey.rawRepresentation)
        return bigEndian(digest.prefix(4))
    }

    /// Whether `name` may name a key: non-empty, with no Unicode space, no plus sign and no control character.
    public static func isValidKeyName(_ name: String) -> Bool {
        !name.isEmpty
            && name.unicodeScalars.allSatisfy { scalar in
                !scalar.properties.isWhitespace && scalar != "+" && scalar.value >= 0x20 && scalar.value != 0x7f
            }
    }

    static func bigEndian(_ bytes: some Collection<UInt8>) -> UInt32 {
        bytes.reduce(0) { $0 << 8 | UInt32($1) }
    }
}
