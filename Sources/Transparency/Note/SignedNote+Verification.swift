extension SignedNote {
    /// The trusted keys whose signatures on this note verify, following c2sp.org/signed-note: signatures of keys
    /// not in `trusted` (by name and key ID together) are ignored; a trusted key's signature that fails rejects
    /// the whole note; at least one trusted signature must verify.
    /// - Throws: `NoteError.invalidSignature(keyName:)` or `.noVerifiedSignature`.
    public func verifiedKeys(trusting trusted: [NoteVerifierKey]) throws(NoteError) -> [NoteVerifierKey] {
        let message = Array(text.utf8)
        var verified: [NoteVerifierKey] = []
        for signature in signatures {
            // Every trusted key with this name and key ID must accept the signature: two such keys (a 32-bit key ID
            // collision) then reject the note rather than let either stand for the other.
            for key in trusted where key.name == signature.keyName && key.keyID == signature.keyID {
                guard key.publicKey.isValidSignature(signature.signature, for: message) else {
                    throw .invalidSignature(keyName: key.name)
                }
                if !verified.contains(key) {
                    verified.append(key)
                }
            }
        }
        guard !verified.isEmpty else { throw .noVerifiedSignature }
        return verified
    }

    /// The note's text once `verifiedKeys(trusting:)` has found a trusted signature: the only way a caller should
    /// read a note it received.
    public func verifiedText(trusting trusted: [NoteVerifierKey]) throws(NoteError) -> String {
        _ = try verifiedKeys(trusting: trusted)
        return text
    }
}
