import ArgumentParsing
import Foundation
import NafidhaContract
import NafidhaCore
import Transparency

/// `nafidha download DOCUMENT_ID [--output FILE]`: a document's bytes, written 0600 under a temporary name and
/// renamed into place only once their SHA-256 equals the server's `ETag`.
struct DownloadCommand: RunnableCommand {
    static let document = Positional<String>("document-id", help: "The document's id (nafidha documents).")
    static let output = Option<String>(
        "output", valueName: "file", help: "Where to write it (default: document-ID.EXT here).")

    static let configuration = CommandConfiguration(
        name: "download",
        abstract: "Downloads a document of a request in your scope and checks its SHA-256.",
        discussion: """
            The download is recorded in the audit trail (personal_data_viewed). The file is written readable by \
            you only, and appears under its name only when its SHA-256 matches the server's; otherwise nothing is \
            left and the exit status is 1.
            """,
        arguments: [document.definition, output.definition]
    )

    /// The largest document this command accepts: 1 GiB, the catalog's ceiling.
    static let maximumBytes = 1 << 30

    let documentID: Int64
    let outputPath: String?

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        guard let text = try arguments.value(of: Self.document) else {
            throw UsageError.required(Self.document.definition)
        }
        guard let id = Int64(text), id > 0 else {
            throw UsageError.invalidValue(for: Self.document.definition, value: text, reason: "not a document id")
        }
        documentID = id
        outputPath = try arguments.value(of: Self.output)
    }

    func run(context: CommandContext) throws -> Int32 {
        var answer: ClientAnswer?
        let status = ClerkCommandRunner.run(context: context) { client throws(ClientFailure) in
            var client = client
            client.responseLimit = Self.maximumBytes
            answer = try client.file(Routes.staffDocument(id: documentID))
        }
        guard status == 0, let answer else { return status }
        let etag = answer.header("ETag")?.trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        let path = absolute(outputPath ?? defaultName(answer.header("Content-Type")), context: context)
        let file = try PrivateFile(path: path)
        try file.write(answer.body)
        try file.seal()
        let digest = Hex.encode(SHA256.hash(answer.body))
        guard let etag, digest == etag.lowercased() else {
            throw CommandFailure(
                "the SHA-256 of the \(answer.body.count) bytes received (\(digest)) is not the server's "
                    + "(\(etag ?? "none")); nothing was written")
        }
        try file.publish()
        context.standardOutput.writeLine("Wrote \(path) (\(answer.body.count) bytes, SHA-256 \(digest)).")
        return 0
    }

    private func defaultName(_ mediaType: String?) -> String {
        let extensions = ["application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"]
        return "document-\(documentID).\(mediaType.flatMap { extensions[$0] } ?? "bin")"
    }

    private func absolute(_ path: String, context: CommandContext) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
