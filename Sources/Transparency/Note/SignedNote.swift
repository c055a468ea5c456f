/// A text signed by one or more keys, in the c2sp.org/signed-note format:
///
///     <text, ending in a newline>
///     <blank line>
///     — <key name> <base64(key ID ‖ signature)>
///     ...
///
/// Parsing refuses anything the format does not allow, within bounds (`maximumSize`, `maximumSignatures`); it
/// does not verify. `verifiedKeys(trusting:)` does, and a note's text means nothing until it has.
public struct SignedNote: Hashable, Sendable {
    /// The largest note accepted, in bytes. The specification asks for at least 16 signatures, up to ~5 kB each
    /// for post-quantum ones; an Ed25519 checkpoint with a few signatures is under 1 kB.
    public static let maximumSize = 128 * 1024
    /// The most signatures accepted on one note (the specification asks for at least 16).
    public static let maximumSignatures = 100

    /// The signed text, final newline included, without the blank line that follows it.
    public let text: String
    /// The signature lines, in order.
    public let signatures: [NoteSignature]

    /// A note of `text` carrying `signatures`.
    /// - Throws: `NoteError.malformedText` unless the text ends in a newline and holds no other control character;
    ///   `.malformedSignatureLine` for no signature, `.tooManySignatures` for too many, `.invalidKeyName`.
    public init(text: String, signatures: [NoteSignature]) throws(NoteError) {
        guard Self.isValidText(text) else { throw .malformedText }
        guard !signatures.isEmpty else { throw .malformedSignatureLine }
        guard signatures.count <= Self.maximumSignatures else { throw .tooManySignatures }
        guard signatures.allSatisfy({ NoteVerifierKey.isValidKeyName($0.keyName) }) else { throw .invalidKeyName }
        self.text = text
        self.signatures = signatures
    }

    /// `text` signed by each of `signers`, in order.
    public static func sign(_ text: String, with signers: [NoteSigner]) throws -> SignedNote {
        guard isValidText(text) else { throw NoteError.malformedText }
        return try SignedNote(text: text, signatures: signers.map { try $0.signature(of: text) })
    }

    /// The note as it is written out and signed over: text, blank line, one line per signature.
    public var serialized: String {
        text + "\n" + signatures.map { $0.line + "\n" }.joined()
    }

    /// The note that `bytes` spell.
    /// - Throws: a `NoteError`: `.tooLarge`, `.notUTF8`, `.controlCharacter`, `.missingBlankLine`,
    ///   `.malformedSignatureLine`, `.invalidKeyName`, `.invalidBase64` or `.tooManySignatures`.
    public init(parsing bytes: some Collection<UInt8>) throws(NoteError) {
        guard bytes.count <= Self.maximumSize else { throw .tooLarge }
        let note = Array(bytes)
        guard String(validating: note, as: UTF8.self) != nil else { throw .notUTF8 }
        guard note.allSatisfy({ $0 >= 0x20 || $0 == Self.newline }) else { throw .controlCharacter }
        // The text ends at the last blank line; signature lines cannot be empty, so there is none after it.
        guard
            let blank = note.indices.dropLast().last(where: { note[$0] == Self.newline && note[$0 + 1] == Self.newline }
            )
        else { throw .missingBlankLine }
        let block = note[(blank + 2)...]
        guard !block.isEmpty, block.last == Self.newline else { throw .malformedSignatureLine }
        let lines = block.dropLast().split(separator: Self.newline, omittingEmptySubsequences: false)
        guard lines.count <= Self.maximumSignatures else { throw .tooManySignatures }
        var signatures: [NoteSignature] = []
        for line in lines {
            signatures.append(try Self.signature(parsing: line))
        }
        self.text = String(decoding: note[...blank], as: UTF8.self)
        self.signatures = signatures
    }

    /// The note that `text` spells (its UTF-8 bytes).
    public init(parsing text: String) throws(NoteError) {
        try self.init(parsing: Array(text.utf8))
    }

    private static let newline = UInt8(ascii: "\n")
    private static let signaturePrefix = Array("\u{2014} ".utf8)

    /// `— <key name> <base64(key ID ‖ signature)>`, the newline already removed.
    private static func signature(parsing line: ArraySlice<UInt8>) throws(NoteError) -> NoteSignature {
        guard line.starts(with: signaturePrefix) else { throw .malformedSignatureLine }
        let fields = line.dropFirst(signaturePrefix.count).split(
            separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard fields.count == 2 else { throw .malformedSignatureLine }
        let name = String(decoding: fields[0], as: UTF8.self)
        guard NoteVerifierKey.isValidKeyName(name) else { throw .invalidKeyName }
        guard let blob = StrictBase64.decode(String(decoding: fields[1], as: UTF8.self)), blob.count > 4 else {
            throw .invalidBase64
        }
        return NoteSignature(
            keyName: name, keyID: NoteVerifierKey.bigEndian(blob.prefix(4)), signature: Array(blob.dropFirst(4)))
    }

    /// Whether `text` can be a note's text: non-empty, ending in a newline, no control character but newline.
    static func isValidText(_ text: String) -> Bool {
        text.utf8.last == newline && text.utf8.allSatisfy { $0 >= 0x20 || $0 == newline }
    }
}
