import Testing
import Transparency

/// Signed notes in the c2sp.org/signed-note format, checked against the example key and note of Go's
/// golang.org/x/mod/sumdb/note (data only), and against every malformation the format forbids.
@Suite("Signed notes")
struct SignedNoteTests {
    static let verifierKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    /// The Go example's signer key is `PRIVATE+KEY+PeterNeumann+c74f20a3+<base64(0x01 ‖ seed)>`.
    static let seed = Array(TestBytes.base64("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz").dropFirst())
    static let text =
        "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let signatureLine =
        "— PeterNeumann "
        + "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
    static let note = text + "\n" + signatureLine

    func trusted() throws -> [NoteVerifierKey] { [try NoteVerifierKey(parsing: Self.verifierKey)] }

    func signer(_ name: String) throws -> NoteSigner {
        try NoteSigner(name: name, privateKey: Ed25519PrivateKey.generate())
    }

    @Test("the example verifier key parses to its name, key ID and key, and encodes back the same")
    func exampleVerifierKey() throws {
        let key = try NoteVerifierKey(parsing: Self.verifierKey)
        #expect(key.name == "PeterNeumann")
        #expect(key.keyID == 0xc74f_20a3)
        #expect(key.encoded == Self.verifierKey)
        #expect(NoteVerifierKey.keyID(name: "PeterNeumann", publicKey: key.publicKey) == 0xc74f_20a3)
    }

    @Test("the example key signs the example text into the example note, byte for byte")
    func signsLikeTheReference() throws {
        let signer = try NoteSigner(name: "PeterNeumann", privateKey: Ed25519PrivateKey(rawRepresentation: Self.seed))
        #expect(signer.verifierKey.encoded == Self.verifierKey)
        #expect(try SignedNote.sign(Self.text, with: [signer]).serialized == Self.note)
    }

    @Test("the example note parses and verifies against the example key")
    func verifiesTheReference() throws {
        let note = try SignedNote(parsing: Self.note)
        #expect(note.text == Self.text)
        #expect(note.signatures.count == 1 && note.signatures[0].keyName == "PeterNeumann")
        #expect(try note.verifiedText(trusting: trusted()) == Self.text)
        #expect(note.serialized == Self.note)
    }

    @Test("a changed text fails the trusted key's signature, and rejects the note")
    func tamperedText() throws {
        let forged = try SignedNote(parsing: Self.note.replacingOccurrences(of: "cryptography", with: "cryptographY"))
        #expect(throws: NoteError.invalidSignature(keyName: "PeterNeumann")) {
            try forged.verifiedText(trusting: trusted())
        }
    }

    @Test("the verifier key refuses any truncation and any one changed character")
    func verifierKeyManglings() {
        let bytes = Array(Self.verifierKey.utf8)
        for start in 0..<bytes.count {
            for end in (start + 1)...bytes.count where start != 0 || end != bytes.count {
                let part = String(decoding: bytes[start..<end], as: UTF8.self)
                #expect(throws: NoteError.self) { try NoteVerifierKey(parsing: part) }
            }
        }
        for index in bytes.indices {
            var changed = bytes
            changed[index] &+= 1
            #expect(throws: NoteError.self) { try NoteVerifierKey(parsing: String(decoding: changed, as: UTF8.self)) }
        }
        #expect(throws: NoteError.malformedVerifierKey) {
            try NoteVerifierKey(parsing: "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        }
    }

    @Test("signatures of unknown keys are ignored; a note with only those is rejected")
    func unknownKeys() throws {
        let ours = try signer("nafidha.example/audit/TRP")
        let witness = try signer("witness.example")
        let note = try SignedNote(parsing: try SignedNote.sign("hello\n", with: [witness, ours]).serialized)
        #expect(try note.verifiedKeys(trusting: [ours.verifierKey]) == [ours.verifierKey])
        #expect(throws: NoteError.noVerifiedSignature) { try note.verifiedKeys(trusting: trusted()) }
        // Same name, another key: a different key ID, so an unknown key, not a failed signature.
        let impostor = try signer("nafidha.example/audit/TRP")
        #expect(throws: NoteError.noVerifiedSignature) { try note.verifiedKeys(trusting: [impostor.verifierKey]) }
        #expect(
            try note.verifiedKeys(trusting: [impostor.verifierKey, witness.verifierKey, ours.verifierKey])
                == [witness.verifierKey, ours.verifierKey])
    }

    @Test("a trusted key listed twice is one verified key")
    func repeatedTrustedKey() throws {
        let key = try NoteVerifierKey(parsing: Self.verifierKey)
        #expect(try SignedNote(parsing: Self.note).verifiedKeys(trusting: [key, key]) == [key])
    }

    @Test("a note and its signatures round-trip through text, many signers included")
    func roundTrip() throws {
        let signers = try (0..<16).map { try signer("key\($0).example") }
        let text = "origin\n\nan empty line above is text too\n"
        let note = try SignedNote.sign(text, with: signers)
        let parsed = try SignedNote(parsing: note.serialized)
        #expect(parsed == note)
        #expect(parsed.text == text)
        #expect(try parsed.verifiedKeys(trusting: signers.map(\.verifierKey)).count == 16)
    }

    @Test(
        "refuses notes the format forbids",
        arguments: [
            ("no blank line", text + signatureLine, NoteError.missingBlankLine),
            ("no signature", text + "\n", NoteError.malformedSignatureLine),
            ("no final newline", String(note.dropLast()), NoteError.malformedSignatureLine),
            ("a hyphen for the em dash", text + "\n- " + signatureLine.dropFirst(2), NoteError.malformedSignatureLine),
            ("a blank line after the signatures", note + "\n", NoteError.malformedSignatureLine),
            ("a carriage return", note.replacingOccurrences(of: "\n", with: "\r\n"), NoteError.controlCharacter),
            ("a tab", "\t" + note, NoteError.controlCharacter),
            (
                "an extra space", note.replacingOccurrences(of: "Neumann x08", with: "Neumann  x08"),
                NoteError.malformedSignatureLine
            ),
            ("bad base64", note.replacingOccurrences(of: "x08go/", with: "x08go!"), NoteError.invalidBase64),
            ("unpadded base64", note.replacingOccurrences(of: "AM=\n", with: "AM\n"), NoteError.invalidBase64),
            ("a key ID and nothing else", text + "\n— PeterNeumann x08gow==\n", NoteError.invalidBase64),
            (
                "a plus in the key name", note.replacingOccurrences(of: "Peter", with: "Pe+ter"),
                NoteError.invalidKeyName
            ),
            ("an empty key name", note.replacingOccurrences(of: "PeterNeumann", with: ""), NoteError.invalidKeyName),
            (
                "a no-break space in the key name",
                note.replacingOccurrences(of: "PeterNeumann", with: "Peter\u{a0}Neumann"), NoteError.invalidKeyName
            ),
        ])
    func malformedNotes(name: String, text: String, error: NoteError) {
        #expect(throws: error, "\(name)") { try SignedNote(parsing: text) }
    }

    @Test("refuses invalid UTF-8")
    func invalidUTF8() {
        #expect(throws: NoteError.notUTF8) { try SignedNote(parsing: Array(Self.note.utf8) + [0xff]) }
        #expect(throws: NoteError.notUTF8) { try SignedNote(parsing: [0xc3] + Array(Self.note.utf8)) }
    }

    @Test("bounds a note's size and its number of signatures")
    func bounds() throws {
        let padding = String(repeating: "x", count: SignedNote.maximumSize)
        #expect(throws: NoteError.tooLarge) { try SignedNote(parsing: padding + "\n" + Self.note) }
        let many = Self.text + "\n" + String(repeating: Self.signatureLine, count: SignedNote.maximumSignatures + 1)
        #expect(throws: NoteError.tooManySignatures) { try SignedNote(parsing: many) }
        let enough = Self.text + "\n" + String(repeating: Self.signatureLine, count: SignedNote.maximumSignatures)
        #expect(try SignedNote(parsing: enough).signatures.count == SignedNote.maximumSignatures)
    }

    @Test("refuses to sign a text without a final newline or with a control character, or under a bad name")
    func refusesToSign() throws {
        let signer = try signer("nafidha.example/audit/TRP")
        for text in ["", "no newline", "tab\there\n", "cr\r\n"] {
            #expect(throws: NoteError.malformedText) { try SignedNote.sign(text, with: [signer]) }
        }
        #expect(throws: NoteError.malformedSignatureLine) { try SignedNote.sign("text\n", with: []) }
        for name in ["", "with space", "with+plus", "tab\tname"] {
            #expect(throws: NoteError.invalidKeyName) {
                try NoteSigner(name: name, privateKey: Ed25519PrivateKey.generate())
            }
        }
    }
}
