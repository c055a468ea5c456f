import Foundation
import Transparency

/// The key that signs the audit logs' checkpoints and the decisions' verification codes, with the host name that
/// starts every log's origin (`<host>/audit/<municipality>`, docs/verification.md). One Ed25519 key signs every
/// municipality's log, under each log's origin as the key's name.
public struct LogSigner: Sendable {
    /// The signing key (`NAFIDHA_SIGNING_KEY_FILE`).
    public let privateKey: Ed25519PrivateKey
    /// The deployment's public host name (`NAFIDHA_PUBLIC_HOST`).
    public let host: String

    /// A signer of the logs under `host`.
    /// - Throws: `NoteError.invalidOrigin` unless `host` is a lower-case DNS name.
    public init(privateKey: Ed25519PrivateKey, host: String) throws(NoteError) {
        _ = try CheckpointOrigin.auditLog(host: host, municipality: "AAA")
        self.privateKey = privateKey
        self.host = host
    }

    /// The public key every verifier needs.
    public var publicKey: Ed25519PublicKey { privateKey.publicKey }

    /// The origin of `municipality`'s log.
    public func origin(of municipality: String) throws(NoteError) -> String {
        try CheckpointOrigin.auditLog(host: host, municipality: municipality)
    }

    /// The verifier key of `municipality`'s log: the public key under the log's origin.
    public func verifierKey(of municipality: String) throws(NoteError) -> NoteVerifierKey {
        try NoteVerifierKey(name: origin(of: municipality), publicKey: publicKey)
    }

    /// The signed checkpoint note of `municipality`'s log at `size` leaves with root `rootHash`, signed at `time`
    /// (its `Timestamp` line: Unix time in nanoseconds, as Sigstore's Rekor writes it).
    func checkpointNote(municipality: String, size: UInt64, rootHash: MerkleHash, time: Date) throws -> String {
        let checkpoint = try Checkpoint(
            origin: origin(of: municipality), size: size, rootHash: rootHash,
            extensionLines: [Self.timestampLine(time)])
        let signer = try NoteSigner(name: checkpoint.origin, privateKey: privateKey)
        return try SignedNote.sign(checkpoint.noteText, with: [signer]).serialized
    }

    /// The signature a verification code carries.
    func codeSignature(_ fields: VerificationCode.SignedFields) throws -> [UInt8] {
        try privateKey.signature(for: fields.message)
    }

    /// `Timestamp: <Unix time in nanoseconds>`, from the time's microseconds (what the database keeps of it).
    static func timestampLine(_ time: Date) -> String {
        "Timestamp: \(microseconds(time) * 1000)"
    }

    /// The whole microseconds since 1970 of `time`.
    static func microseconds(_ time: Date) -> Int64 {
        Int64((time.timeIntervalSince1970 * 1_000_000).rounded(.down))
    }
}
