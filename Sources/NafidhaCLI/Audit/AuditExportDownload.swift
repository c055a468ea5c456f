import Foundation
import NafidhaContract

#if canImport(Glibc)
    import Glibc
#endif

/// `GET /v1/audit/export` with a staff client's credentials, its body handed on as it arrives and never held whole
/// (unlike `StaffClient.send`, whose answers are small JSON read at once). `http://` goes over a plain socket,
/// `https://` through URLSession (`AuditExportDownload+URLSession.swift`).
struct AuditExportDownload {
    let client: StaffClient

    /// The most bytes of a refusal's body read (64 KiB): a JSON error is small.
    static let maximumRefusalBytes = 64 * 1024
    /// Bytes read from the socket at a time.
    static let readBytes = 64 * 1024

    /// Downloads `target`; `receive` gets each piece of the body in order. Returns the export's id, from the
    /// `Nafidha-Export-Id` header, once the body ended where its framing says it ends.
    /// - Throws: `ClientFailure` when the server is unreachable, refuses (its error code and message), or answers
    ///   something that is not a whole export (no export id, a body cut short); whatever `receive` throws.
    func run(_ target: RouteTarget<NoBody, Audit.ExportFile>, receive: ([UInt8]) throws -> Void) throws -> String {
        guard let base = URL(string: client.credentials.url), base.scheme == "http" || base.scheme == "https" else {
            throw ClientFailure.notConfigured("NAFIDHA_URL is not an http:// or https:// URL")
        }
        let fields = try headerFields()
        // The target as encoded: `url.path` would decode a percent-encoded segment back into a `/`.
        let basePath = URLComponents(url: base, resolvingAgainstBaseURL: false)?.percentEncodedPath ?? ""
        let path = (basePath.hasSuffix("/") ? String(basePath.dropLast()) : basePath) + target.requestTarget
        var collector = Collector()
        if base.scheme == "http" {
            try plain(base, path: path, fields: fields, into: &collector, receive: receive)
        } else {
            guard let url = URL(string: base.absoluteString.trimmingCharacters(in: ["/"]) + target.requestTarget)
            else { throw ClientFailure.notConfigured("NAFIDHA_URL cannot be combined with \(target.requestTarget)") }
            try throughURLSession(url, fields: fields, into: &collector, receive: receive)
        }
        return try collector.exportID()
    }

    /// The request's header fields: the bearer token, and the language for the server's messages.
    private func headerFields() throws(ClientFailure) -> [(String, String)] {
        var fields = [("Authorization", "Bearer \(client.credentials.token)"), ("Accept", "*/*")]
        if let language = client.language { fields.append(("Accept-Language", language.rawValue)) }
        guard !fields.contains(where: { $0.1.contains("\r") || $0.1.contains("\n") }) else {
            throw .notConfigured("NAFIDHA_TOKEN must be a single line")
        }
        return fields
    }

    /// One exchange over a blocking socket, each read bounded by the client's timeout.
    private func plain(
        _ base: URL, path: String, fields: [(String, String)], into collector: inout Collector,
        receive: ([UInt8]) throws -> Void
    ) throws {
        let exchange = PlainHTTPExchange(
            host: base.host ?? "127.0.0.1", port: base.port ?? 80, timeout: client.timeout, maximumBytes: 0)
        let socket = try exchange.connect()
        defer { close(socket) }
        let host = (base.host ?? "") + (base.port.map { ":\($0)" } ?? "")
        let head =
            "GET \(path) HTTP/1.1\r\nHost: \(host)\r\n" + fields.map { "\($0.0): \($0.1)\r\n" }.joined()
            + "Connection: close\r\n\r\n"
        let request = Array(head.utf8)
        var sent = 0
        while sent < request.count {
            let written = request[sent...].withUnsafeBytes {
                send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw ClientFailure.unreachable("sending the request failed: \(String(cString: strerror(errno)))")
            }
            sent += written
        }
        var parser = StreamedResponseParser()
        var buffer = [UInt8](repeating: 0, count: Self.readBytes)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK {
                    throw ClientFailure.unreachable("nothing arrived for \(Int(client.timeout)) s")
                }
                throw ClientFailure.unreachable("reading the export failed: \(String(cString: strerror(errno)))")
            }
            try parser.feed(buffer[..<count]) { head, piece in
                collector.headArrived(status: head.status, exportID: head.value(Audit.exportIDHeader.lowercased()))
                try collector.take(piece, receive: receive)
            }
            if parser.isComplete { break }
        }
        try parser.finish()
        if let head = parser.head {
            collector.headArrived(status: head.status, exportID: head.value(Audit.exportIDHeader.lowercased()))
        }
    }

    /// Sorts what arrives: an export's body goes to `receive`, a refusal's is kept (bounded) to read its error.
    struct Collector {
        private var status: Int?
        private var id: String?
        private var refusal: [UInt8] = []

        /// The head was read (also when the body is empty).
        mutating func headArrived(status: Int, exportID: String?) {
            self.status = status
            id = exportID
        }

        /// A piece of the body, after the head.
        mutating func take(_ piece: [UInt8], receive: ([UInt8]) throws -> Void) throws {
            if status == 200 {
                try receive(piece)
            } else if refusal.count < AuditExportDownload.maximumRefusalBytes {
                refusal += piece.prefix(AuditExportDownload.maximumRefusalBytes - refusal.count)
            }
        }

        /// The export's id after a whole 200 answer; the server's error otherwise.
        func exportID() throws(ClientFailure) -> String {
            guard let status else { throw .badResponse("has no head") }
            guard status == 200 else {
                guard let body = try? ContractJSON.decode(ErrorBody.self, from: refusal) else {
                    throw .refused(status: status, code: "http_\(status)", message: "the server answered \(status)")
                }
                throw .refused(status: status, code: body.error.code, message: body.error.message)
            }
            guard let id, !id.isEmpty else { throw .badResponse("names no export (\(Audit.exportIDHeader))") }
            return id
        }
    }
}
