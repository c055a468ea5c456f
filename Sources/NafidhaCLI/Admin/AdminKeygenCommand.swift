import ArgumentParsing
import Foundation
import Transparency

/// `nafidha admin keygen --output FILE`: makes the Ed25519 key that signs the audit logs and decisions
/// (docs/verification.md, "Keys"), written 0600 from its creation, and prints its public key.
struct AdminKeygenCommand: RunnableCommand {
    static let output = Option<String>(
        "output", valueName: "file", help: "Where to write the private key (PEM, PKCS#8); never an existing file.")

    static let configuration = CommandConfiguration(
        name: "keygen",
        abstract: "Makes the key that signs the audit logs and decision documents; prints its public key.",
        discussion: """
            Writes a new Ed25519 private key to FILE, readable by its owner only (mode 0600 from its creation), and \
            refuses to replace an existing file. Give it to 'nafidha serve' with NAFIDHA_SIGNING_KEY_FILE=FILE, keep \
            a copy offline: losing it means new checkpoints under a new key. The public key printed (standard \
            base64 of its 32 bytes) is what verifiers need; the server also serves it at GET /v1/audit/public-key.
            """,
        arguments: [output.definition]
    )

    let outputPath: String

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let path = try arguments.value(of: Self.output), !path.isEmpty else {
            throw UsageError.required(Self.output.definition)
        }
        outputPath = path
    }

    func run(context: CommandContext) throws -> Int32 {
        let path = InstantArgument.absolutePath(outputPath, in: context.currentDirectory)
        let key = try Ed25519PrivateKey.generate()
        do {
            try SecretFile.write(Array(try key.pemEncoded().utf8), to: path)
        } catch let error as SecretFileError where error.errno == EEXIST {
            throw CommandFailure("\(path) exists; keygen never replaces a key (choose another --output)")
        } catch let error as SecretFileError {
            throw CommandFailure("cannot write the key: \(error)")
        }
        context.standardError.writeLine("Wrote the private key to \(path) (mode 0600).")
        context.standardOutput.writeLine("Public key: \(Data(key.publicKey.rawRepresentation).base64EncodedString())")
        return 0
    }
}
