import Foundation
import NafidhaCore
import Transparency

/// The `--public-key` of `verify-decision`: the standard base64 of a 32-byte Ed25519 key (what `admin keygen`
/// prints and `public_key` of GET /v1/audit/public-key), a verifier key `<origin>+<key id>+<base64>`, or the path of
/// a file whose first line is either.
enum DecisionKeyArgument {
    static func trust(_ text: String, in folder: String) throws -> DecisionVerifier.Trust {
        var value = text
        let path = InstantArgument.absolutePath(text, in: folder)
        if FileManager.default.fileExists(atPath: path) {
            guard let handle = FileHandle(forReadingAtPath: path),
                let data = try? handle.read(upToCount: 4096), let contents = String(data: data, encoding: .utf8)
            else { throw CommandFailure("cannot read the public key file \(path)") }
            try? handle.close()
            value = contents.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        }
        value = value.trimmingCharacters(in: .whitespaces)
        if value.contains("+"), value.contains("/audit/"), let key = try? NoteVerifierKey(parsing: value) {
            return .verifierKey(key)
        }
        if let bytes = Data(base64Encoded: value), let key = try? Ed25519PublicKey(rawRepresentation: [UInt8](bytes)) {
            return .publicKey(key)
        }
        throw CommandFailure(
            "--public-key is neither the base64 of an Ed25519 public key nor a verifier key (<origin>+<id>+<key>)")
    }
}
