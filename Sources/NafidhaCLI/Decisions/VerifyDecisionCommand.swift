import ArgumentParsing
import Foundation
import NafidhaContract
import NafidhaCore
import Transparency

/// `nafidha verify-decision FILE_OR_CODE --public-key KEY [--consistency FILE]`: checks a decision document with
/// the log's public key only (docs/verification.md, "Verifying a decision").
struct VerifyDecisionCommand: RunnableCommand {
    static let document = Positional<String>(
        "file-or-code",
        help: "A decision document (JSON, as saved from the decision page's ?format=json), or a verification code.")
    static let publicKey = Option<String>(
        "public-key", valueName: "key",
        help: "The log's public key: base64 (as keygen printed it), a verifier key, or a file holding either.")
    static let consistency = Option<String>(
        "consistency", valueName: "file",
        help: "A consistency proof (GET /v1/audit/proofs/consistency) from the document's checkpoint to a newer one.")
    static let url = Option<String>(
        "url", valueName: "url", help: "The server to fetch a verification code's decision from. Default: NAFIDHA_URL.")

    static let configuration = CommandConfiguration(
        name: "verify-decision",
        abstract: "Verifies a decision document offline, with the audit log's public key only.",
        discussion: """
            Checks that the checkpoint is signed by the key and is of the event's municipality's log, that the \
            inclusion proof leads from the decision's audit event to the checkpoint's root, that the facts are \
            exactly the event's details, and that the verification code is signed for that event. With \
            --consistency, also that the document's checkpoint is a past state of the log's newer checkpoint (a \
            forked log cannot show that). Given a verification code instead of a file, fetches the decision from \
            the server's public \(Routes.verifyCode.template) and checks what it sent the same way. Prints OK and \
            the facts, or the problem and exits 1.
            """,
        arguments: [document.definition, publicKey.definition, consistency.definition, url.definition]
    )

    let input: String
    let keyText: String
    let consistencyPath: String?
    let serverURL: String?

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let input = try arguments.value(of: Self.document) else {
            throw UsageError.required(Self.document.definition)
        }
        guard let key = try arguments.value(of: Self.publicKey), !key.isEmpty else {
            throw UsageError.required(Self.publicKey.definition)
        }
        self.input = input
        keyText = key
        consistencyPath = try arguments.value(of: Self.consistency)
        serverURL = try arguments.value(of: Self.url)
    }

    func run(context: CommandContext) throws -> Int32 {
        let trust = try DecisionKeyArgument.trust(keyText, in: context.currentDirectory)
        let path = InstantArgument.absolutePath(input, in: context.currentDirectory)
        let document: Decisions.Document
        if FileManager.default.fileExists(atPath: path) {
            document = try Self.readDocument(path)
        } else if VerificationCode(parsing: input) != nil {
            document = try fetch(code: input, context: context)
        } else {
            throw CommandFailure("\(input) is neither a file nor a verification code")
        }
        let newer = try consistencyPath.map {
            try Self.read(
                SignedLog.ConsistencyProof.self, InstantArgument.absolutePath($0, in: context.currentDirectory))
        }
        let verified: DecisionVerifier.Verified
        do {
            verified = try DecisionVerifier.verify(document, trusting: trust, newer: newer)
        } catch {
            throw CommandFailure("the decision does not verify: \(error.name) (\(error.description))")
        }
        DecisionReport.print(document, verified, to: context.standardOutput)
        return 0
    }

    /// A saved document, or the answer of a verification route (`{"valid":true,"decision":{...}}`).
    static func readDocument(_ path: String) throws -> Decisions.Document {
        if let verification = try? read(Decisions.Verification.self, path), let decision = verification.decision {
            return decision
        }
        return try read(Decisions.Document.self, path)
    }

    /// `type` decoded from the JSON file at `path` (at most 1 MiB: a document is a few kilobytes).
    static func read<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CommandFailure("cannot read \(path)") }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: 1 << 20)) ?? nil
        do {
            return try ContractJSON.decode(type, from: [UInt8](data ?? Data()))
        } catch let error as DecodingError {
            throw CommandFailure("\(path) \(StaffClient.describe(error))")
        }
    }

    /// The decision the server's public verification answers for `code`; it must be that code's.
    private func fetch(code: String, context: CommandContext) throws -> Decisions.Document {
        let environmentURL = context.environment[ClientCredentials.urlVariable].flatMap { $0.isEmpty ? nil : $0 }
        let stored = ClientCredentials.file(environment: context.environment).flatMap(ClientCredentials.read)
        guard let url = serverURL ?? environmentURL ?? stored?.url else {
            throw CommandFailure("to check a verification code, name the server with --url URL or NAFIDHA_URL")
        }
        let client = StaffClient(credentials: ClientCredentials(url: url, token: ""), environment: context.environment)
        let answer: Decisions.Verification
        do {
            answer = try client.send(Routes.verifyCode(code))
        } catch {
            throw CommandFailure("\(error)", exitCode: error.exitCode)
        }
        guard let decision = answer.decision, decision.verificationCode == code else {
            throw CommandFailure("the server's answer is not the decision of this code")
        }
        return decision
    }
}
