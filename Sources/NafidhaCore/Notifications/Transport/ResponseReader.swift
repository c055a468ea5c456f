import Foundation
import Transport

/// Reads one HTTP/1.1 answer from a stream (RFC 9112): status line and header fields up to a size cap, then the
/// body by chunked coding, Content-Length, or until the peer closes, at most a cap of it. Afterwards it tells
/// whether the stream may carry another exchange (`reusable`) and whether the peer sent anything at all.
struct ResponseReader {
    let stream: any ByteStream
    let deadline: ContinuousClock.Instant
    let maximumHeaderBytes: Int
    let maximumBodyBytes: Int
    /// Bytes read and not consumed yet.
    private var buffer: [UInt8] = []
    private var closed = false
    /// Whether any byte of an answer arrived: a kept-alive connection the server closed before answering is safe
    /// to retry on a new one; one that answered in part is not.
    private(set) var receivedAnything = false
    /// Whether the answer was read to its exact end (Content-Length or the last chunk, not the connection's end),
    /// the server did not ask to close, and nothing more came: the stream may carry the next request.
    private(set) var reusable = false

    init(stream: any ByteStream, deadline: ContinuousClock.Instant, maximumHeaderBytes: Int, maximumBodyBytes: Int) {
        self.stream = stream
        self.deadline = deadline
        self.maximumHeaderBytes = maximumHeaderBytes
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// The final answer; interim (1xx) answers are skipped.
    mutating func read() throws -> OutgoingResponse {
        while true {
            let (version, status, headers) = try readHead()
            if (100..<200).contains(status) { continue }
            // 204 and 304 have no body whatever the header fields say (RFC 9112 §6.3).
            let (body, framed) = status == 204 || status == 304 ? ([], true) : try readBody(headers: headers)
            let closing = headers.contains {
                $0.name.caseInsensitiveCompare("Connection") == .orderedSame
                    && $0.value.lowercased().split(separator: ",").contains {
                        $0.trimmingCharacters(in: .whitespaces) == "close"
                    }
            }
            reusable = framed && version == "HTTP/1.1" && !closing && !closed && buffer.isEmpty
            return OutgoingResponse(status: status, headers: headers, body: body)
        }
    }

    private mutating func readHead() throws -> (String, Int, [(name: String, value: String)]) {
        let separator: [UInt8] = [13, 10, 13, 10]
        while buffer.firstRange(of: separator) == nil {
            guard buffer.count <= maximumHeaderBytes else { throw failure("the header block is too large") }
            guard try fill() else { throw failure("the connection closed before the answer's header block ended") }
        }
        let end = buffer.firstRange(of: separator)!
        let lines = String(decoding: buffer[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        buffer.removeSubrange(..<end.upperBound)
        let parts = lines[0].split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0] == "HTTP/1.1" || parts[0] == "HTTP/1.0", parts[1].count == 3,
            let status = Int(parts[1]), (100...599).contains(status)
        else {
            throw failure("status line “\(lines[0].prefix(60))”")
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":"), colon > line.startIndex else {
                throw failure("header line “\(line.prefix(60))”")
            }
            headers.append(
                (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return (String(parts[0]), status, headers)
    }

    /// The body (at most the cap) and whether it was read to its framed end, leaving the stream at the next answer.
    private mutating func readBody(headers: [(name: String, value: String)]) throws -> ([UInt8], Bool) {
        func value(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        if let coding = value("Transfer-Encoding"), coding.lowercased().contains("chunked") {
            return try readChunked()
        }
        if let lengthText = value("Content-Length") {
            guard let length = Int(lengthText), length >= 0 else { throw failure("Content-Length “\(lengthText)”") }
            let wanted = min(length, maximumBodyBytes)
            while buffer.count < wanted {
                guard try fill() else { throw failure("the connection closed in the answer's body") }
            }
            let body = Array(buffer.prefix(wanted))
            buffer.removeSubrange(..<wanted)
            return (body, wanted == length)
        }
        // The body ends when the peer closes. Many servers close a TLS connection without close_notify; the
        // answer's status is already read and the body only gives an excerpt, so such an end is an end too.
        do {
            while buffer.count < maximumBodyBytes, try fill() {}
        } catch let error as TransportError where error.isConnectionClosed {
            closed = true
        }
        return (Array(buffer.prefix(maximumBodyBytes)), false)
    }

    private mutating func readChunked() throws -> ([UInt8], Bool) {
        var body: [UInt8] = []
        while body.count < maximumBodyBytes {
            let line = try readLine()
            let sizeText = line.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            guard let size = Int(sizeText, radix: 16), size >= 0 else { throw failure("chunk size “\(sizeText)”") }
            if size == 0 {
                // The trailer section ends with an empty line; then the stream is at the next answer.
                while !(try readLine()).isEmpty {}
                return (body, true)
            }
            while buffer.count < size + 2 {
                guard try fill() else { throw failure("the connection closed in a chunk") }
            }
            body += buffer.prefix(size)
            buffer.removeSubrange(..<(size + 2))
        }
        return (Array(body.prefix(maximumBodyBytes)), false)
    }

    private mutating func readLine() throws -> String {
        while true {
            if let end = buffer.firstRange(of: [13, 10]) {
                let line = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
                buffer.removeSubrange(..<end.upperBound)
                return line
            }
            guard buffer.count <= 1024 else { throw failure("a chunk-size line is too long") }
            guard try fill() else { throw failure("the connection closed in a chunk-size line") }
        }
    }

    /// Reads more into the buffer; false when the peer has closed.
    private mutating func fill() throws -> Bool {
        guard !closed else { return false }
        let bytes = try stream.read(maximumCount: 16 * 1024, deadline: deadline)
        if bytes.isEmpty {
            closed = true
            return false
        }
        receivedAnything = true
        buffer += bytes
        return true
    }

    private func failure(_ reason: String) -> OutgoingHTTPClient.Failure {
        .malformedAnswer(reason)
    }
}
