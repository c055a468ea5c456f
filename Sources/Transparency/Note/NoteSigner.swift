/// An Ed25519 key that signs notes under a key name (c2sp.org/signed-note).
public struct NoteSigner: Sendable {
    /// The key's public side, with its name and key ID.
    public let verifierKey: NoteVerifierKey
    private let privateKey: Ed25519PrivateKey

    /// A signer of notes under `name` with `privateKey`.
    /// - Throws: `NoteError.invalidKeyName` for an empty name or one with a space or a plus sign.
    public init(name: String, privateKey: Ed25519PrivateKey) throws(NoteError) {
        self.verifierKey = try NoteVerifierKey(name: name, publicKey: privateKey.publicKey)
        self.privateKey = privateKey
    }

    /// The signature of the note text `text` (its UTF-8 bytes, final newline included).
    public func signature(of text: String) throws(SigningError) -> NoteSignature {
        NoteSignature(
            keyName: verifierKey.name, keyID: verifierKey.keyID,
            signature: try privateKey.signature(for: Array(text.utf8)))
    }
}

/// One signature line of a note: `— <key name> base64(key ID ‖ signature)`.
public struct NoteSignature: Hashable, Sendable {
    /// The name of the key that signed.
    public let keyName: String
    /// The key ID, the first four bytes of the base64 blob.
    public let keyID: UInt32
    /// The signature proper (64 bytes for Ed25519; other types may differ, and are ignored as unknown keys).
    public let signature: [UInt8]

    /// A signature line's parts.
    public init(keyName: String, keyID: UInt32, signature: [UInt8]) {
        self.keyName = keyName
        self.keyID = keyID
        self.signature = signature
    }

    /// The line, without its newline: em dash (U+2014), space, key name, space, base64(key ID ‖ signature).
    public var line: String {
        let blob = withUnsafeBytes(of: keyID.bigEndian) { Array($0) } + signature
        return "\u{2014} \(keyName) \(StrictBase64.encode(blob))"
    }
}
