/// Why a signed note, a verifier key or a checkpoint was refused.
///
/// A struct wrapping a private enum, so that reasons can be added without breaking callers; compare with the
/// static values (`error == .missingBlankLine`).
public struct NoteError: Error, Hashable, Sendable, CustomStringConvertible {
    private enum Reason: Hashable, Sendable {
        case tooLarge
        case notUTF8
        case controlCharacter
        case missingBlankLine
        case malformedSignatureLine
        case invalidBase64
        case invalidKeyName
        case tooManySignatures
        case malformedText
        case malformedVerifierKey
        case invalidSignature(keyName: String)
        case noVerifiedSignature
        case malformedCheckpoint
        case invalidOrigin
    }

    private let reason: Reason

    private init(_ reason: Reason) {
        self.reason = reason
    }

    /// The note is larger than `SignedNote.maximumSize` bytes.
    public static let tooLarge = NoteError(.tooLarge)
    /// The note is not valid UTF-8.
    public static let notUTF8 = NoteError(.notUTF8)
    /// The note holds an ASCII control character other than newline.
    public static let controlCharacter = NoteError(.controlCharacter)
    /// No blank line separates the text from the signatures.
    public static let missingBlankLine = NoteError(.missingBlankLine)
    /// A signature line is not `— <key name> <base64>` ending in a newline.
    public static let malformedSignatureLine = NoteError(.malformedSignatureLine)
    /// A signature or key is not canonical standard base64, or too short.
    public static let invalidBase64 = NoteError(.invalidBase64)
    /// A key name is empty or holds a space or a plus sign.
    public static let invalidKeyName = NoteError(.invalidKeyName)
    /// The note carries more than `SignedNote.maximumSignatures` signatures.
    public static let tooManySignatures = NoteError(.tooManySignatures)
    /// The text to sign is empty, does not end in a newline, or holds a control character.
    public static let malformedText = NoteError(.malformedText)
    /// A verifier key is not `<name>+<8 hex digits>+<base64(0x01 ‖ public key)>` with the matching key ID.
    public static let malformedVerifierKey = NoteError(.malformedVerifierKey)
    /// No signature of a trusted key is on the note (signatures of unknown keys are ignored).
    public static let noVerifiedSignature = NoteError(.noVerifiedSignature)
    /// The note text is not a checkpoint (origin, tree size, root hash, extension lines).
    public static let malformedCheckpoint = NoteError(.malformedCheckpoint)
    /// A host name or municipality code cannot make a log origin.
    public static let invalidOrigin = NoteError(.invalidOrigin)

    /// A trusted key's signature does not verify: the whole note is rejected.
    public static func invalidSignature(keyName: String) -> NoteError {
        NoteError(.invalidSignature(keyName: keyName))
    }

    public var description: String {
        switch reason {
        case .tooLarge: "the note is larger than \(SignedNote.maximumSize) bytes"
        case .notUTF8: "the note is not valid UTF-8"
        case .controlCharacter: "the note holds a control character other than newline"
        case .missingBlankLine: "no blank line separates the note's text from its signatures"
        case .malformedSignatureLine: "a signature line is not '— <key name> <base64 signature>'"
        case .invalidBase64: "a signature or key is not canonical base64 of the right length"
        case .invalidKeyName: "a key name is empty or holds a space or a '+'"
        case .tooManySignatures: "the note carries more than \(SignedNote.maximumSignatures) signatures"
        case .malformedText: "the text to sign must end in a newline and hold no control character"
        case .malformedVerifierKey: "the verifier key is not '<name>+<key id>+<base64 key>' with a matching key id"
        case .invalidSignature(let keyName): "the signature of trusted key '\(keyName)' does not verify"
        case .noVerifiedSignature: "no signature of a trusted key is on the note"
        case .malformedCheckpoint: "the note text is not a checkpoint (origin, tree size, base64 root hash)"
        case .invalidOrigin: "a log origin needs a lower-case host name and a three-letter municipality code"
        }
    }
}
