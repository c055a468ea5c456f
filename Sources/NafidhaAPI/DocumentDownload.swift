import Foundation
import HTTP
import NafidhaContract
import NafidhaCore

/// A document's download: streamed with its exact `Content-Length`, `ETag` (the SHA-256), `Content-Type`,
/// `Content-Disposition: attachment` and `X-Content-Type-Options: nosniff`, never cached; one `Range: bytes=...`
/// (RFC 9110 §14.2) answers 206 with `Content-Range`, so a download cut by a bad network resumes where it stopped.
/// Several ranges, or a malformed one, are ignored (the whole file, 200), as §14.2 allows; a range starting past
/// the end is 416 `range_not_satisfiable`; an `If-Range` that is not the current ETag asks for the whole file.
struct DocumentDownload {
    let document: StoredDocument
    let reader: DocumentReader

    func response(to request: HTTPRequest) throws -> HTTPResponse {
        let size = document.size
        let etag = "\"\(document.sha256)\""
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: document.mediaType)
        headers.add(name: "ETag", value: etag)
        headers.add(name: "Accept-Ranges", value: "bytes")
        headers.add(name: "Content-Disposition", value: disposition)
        headers.add(name: "X-Content-Type-Options", value: "nosniff")
        headers.add(name: "Cache-Control", value: "private, no-store")
        var range = 0..<size
        var status = HTTPResponseStatus.ok
        let ifRange = request.headers.first(name: "If-Range")
        if let field = request.headers.first(name: "Range"), ifRange == nil || ifRange == etag {
            switch Self.range(field, size: size) {
            case .whole:
                break
            case .part(let part):
                range = part
                status = 206
                headers.add(name: "Content-Range", value: "bytes \(part.lowerBound)-\(part.upperBound - 1)/\(size)")
            case .unsatisfiable:
                var error = HTTPError(NafidhaError(.rangeNotSatisfiable), language: request.language)
                error.headers.add(name: "Content-Range", value: "bytes */\(size)")
                throw error
            }
        }
        var response = HTTPResponse(
            status: status, headers: headers,
            body: .stream { [document, reader, range] writer in
                try reader.read(document, range: range) { try writer.write($0) }
            })
        response.streamLength = range.count
        return response
    }

    /// `attachment`, an ASCII name made of the id and the type's extension, and the citizen's own name (checked at
    /// upload: no path, no control character) in RFC 8187's `filename*`.
    private var disposition: String {
        let fallback = "document-\(document.id).\(Self.extensions[document.mediaType] ?? "bin")"
        var value = "attachment; filename=\"\(fallback)\""
        if let name = document.fileName {
            value +=
                "; filename*=UTF-8''"
                + (name.addingPercentEncoding(withAllowedCharacters: Self.attributeCharacters) ?? "")
        }
        return value
    }

    /// RFC 8187's `attr-char`: what `filename*` carries unencoded.
    private static let attributeCharacters = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~")

    private static let extensions = [
        "application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", "image/webp": "webp",
    ]

    enum RangeAnswer: Equatable {
        case whole
        case part(Range<Int>)
        case unsatisfiable
    }

    /// Reads one `bytes=first-last`, `bytes=first-` or `bytes=-suffix` against a file of `size` bytes.
    static func range(_ field: String, size: Int) -> RangeAnswer {
        let value = field.trimmingCharacters(in: .whitespaces)
        guard value.lowercased().hasPrefix("bytes="), !value.contains(",") else { return .whole }
        let spec = value.dropFirst("bytes=".count).trimmingCharacters(in: .whitespaces)
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else {
            return .whole
        }
        if parts[0].isEmpty {
            guard let suffix = Int(parts[1]), suffix > 0 else { return parts[1].isEmpty ? .whole : .unsatisfiable }
            return size == 0 ? .unsatisfiable : .part(max(0, size - suffix)..<size)
        }
        guard let first = Int(parts[0]) else { return .whole }
        guard first < size else { return .unsatisfiable }
        if parts[1].isEmpty { return .part(first..<size) }
        guard let last = Int(parts[1]), last >= first else { return .whole }
        return .part(first..<min(size, last + 1))
    }
}
