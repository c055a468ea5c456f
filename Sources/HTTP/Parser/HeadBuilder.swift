/// Collects the request line and header fields of one request, then checks its framing (RFC 9112 §6).
struct HeadBuilder {
    private(set) var hasRequestLine = false
    private var method = ""
    private var target = ""
    private var requestTarget = RequestTarget(path: "", rawPath: "", rawQuery: nil, query: QueryParameters())
    private var version = HTTPVersion.http11
    private var headers = HTTPHeaders(reservingCapacity: 12)
    private var hostCount = 0
    private var contentLength: Int?
    private var sawTransferEncoding = false
    private var transferCodings: [String] = []
    private var connectionClose = false
    private var connectionKeepAlive = false
    private var expectsContinue = false

    /// Reads `method SP request-target SP HTTP-version` (RFC 9112 §3).
    mutating func setRequestLine(_ line: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        var methodEnd = 0
        while methodEnd < line.count, ASCII.isTokenChar(line[methodEnd]) { methodEnd += 1 }
        guard methodEnd > 0, methodEnd < line.count, line[methodEnd] == ASCII.space else {
            throw .badRequestLine("The method is not a token followed by a single space.")
        }
        let targetStart = methodEnd + 1
        guard let targetEnd = line[targetStart...].firstIndex(of: ASCII.space), targetEnd > targetStart else {
            throw .badRequestLine("The request line is not method, target and version separated by single spaces.")
        }
        version = try Self.parseVersion(UnsafeBufferPointer(rebasing: line[(targetEnd + 1)...]))
        let methodBytes = UnsafeBufferPointer(rebasing: line[0..<methodEnd])
        if ASCII.bytes(methodBytes, equal: "CONNECT") { throw .methodNotImplemented }
        let targetBytes = UnsafeBufferPointer(rebasing: line[targetStart..<targetEnd])
        requestTarget = try RequestTarget.parse(targetBytes, isOptions: ASCII.bytes(methodBytes, equal: "OPTIONS"))
        method = String(decoding: methodBytes, as: UTF8.self)
        target = String(decoding: targetBytes, as: UTF8.self)
        hasRequestLine = true
    }

    private static func parseVersion(_ bytes: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> HTTPVersion {
        guard bytes.count == 8, ASCII.bytes(UnsafeBufferPointer(rebasing: bytes[0..<5]), equal: "HTTP/"),
            bytes[6] == 0x2E,
            (0x30...0x39).contains(bytes[5]), (0x30...0x39).contains(bytes[7])
        else { throw .badRequestLine("The HTTP version is not of the form HTTP/d.d.") }
        let version = HTTPVersion(major: Int(bytes[5] - 0x30), minor: Int(bytes[7] - 0x30))
        guard version == .http11 || version == .http10 else { throw .versionNotSupported }
        return version
    }

    /// Adds one header field line, noting the fields that decide framing and persistence.
    mutating func addField(_ line: UnsafeBufferPointer<UInt8>, limits: HTTPParser.Limits) throws(HTTPParseError) {
        let field = try FieldLine.parse(line)
        guard headers.count < limits.maxHeaderCount else { throw .tooManyHeaders }
        let name = UnsafeBufferPointer(rebasing: line[field.name])
        let value = UnsafeBufferPointer(rebasing: line[field.value])
        switch name.count {
        case 4 where ASCII.bytes(name, equalLowercase: "host"):
            hostCount += 1
        case 6 where ASCII.bytes(name, equalLowercase: "expect"):
            expectsContinue = expectsContinue || ASCII.bytes(value, equalLowercase: "100-continue")
        case 10 where ASCII.bytes(name, equalLowercase: "connection"):
            try Self.forEachListElement(value) { option in
                let option = UnsafeBufferPointer(rebasing: value[option])
                connectionClose = connectionClose || ASCII.bytes(option, equalLowercase: "close")
                connectionKeepAlive = connectionKeepAlive || ASCII.bytes(option, equalLowercase: "keep-alive")
            }
        case 14 where ASCII.bytes(name, equalLowercase: "content-length"):
            try addContentLength(value)
        case 17 where ASCII.bytes(name, equalLowercase: "transfer-encoding"):
            sawTransferEncoding = true
            try Self.forEachListElement(value) { coding throws(HTTPParseError) in
                guard !coding.isEmpty else { throw .badTransferEncoding("Transfer-Encoding has an empty element.") }
                transferCodings.append(String(decoding: value[coding], as: UTF8.self).lowercased())
            }
        default:
            break
        }
        headers.add(name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self))
    }

    /// RFC 9110 §8.6: a list of identical lengths may stand for one; anything else is refused.
    private mutating func addContentLength(_ value: UnsafeBufferPointer<UInt8>) throws(HTTPParseError) {
        try Self.forEachListElement(value) { element throws(HTTPParseError) in
            guard !element.isEmpty else { throw .badContentLength("Content-Length has an empty element.") }
            var length = 0
            for index in element {
                let byte = value[index]
                guard (0x30...0x39).contains(byte) else {
                    throw .badContentLength("Content-Length is not a sequence of digits.")
                }
                let (times10, overflow1) = length.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int(byte - 0x30))
                guard !overflow1, !overflow2 else { throw .badContentLength("Content-Length is too large a number.") }
                length = sum
            }
            if let contentLength, contentLength != length {
                throw .badContentLength("Content-Length values differ.")
            }
            contentLength = length
        }
    }

    /// Calls `body` with the range of each comma-separated element of `value`, trimmed (RFC 9110 §5.6.1).
    private static func forEachListElement(
        _ value: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) throws(HTTPParseError) -> Void
    ) throws(HTTPParseError) {
        var start = 0
        var index = 0
        while index <= value.count {
            if index == value.count || value[index] == ASCII.comma {
                try body(ASCII.trimmingWhitespace(value, start..<index))
                start = index + 1
            }
            index += 1
        }
    }

    /// Checks framing and Host, then hands out the head.
    func finish() throws(HTTPParseError) -> HTTPRequestHead {
        var isChunked = false
        if sawTransferEncoding {
            // RFC 9112 §6.1, §6.3: both headers at once is the classic smuggling vector.
            if contentLength != nil { throw .conflictingFraming }
            if version == .http10 {
                throw .badTransferEncoding("An HTTP/1.0 request must not use Transfer-Encoding.")
            }
            guard transferCodings.last == "chunked", !transferCodings.dropLast().contains("chunked") else {
                throw .badTransferEncoding("Transfer-Encoding must end with a single chunked coding.")
            }
            guard transferCodings.count == 1 else { throw .unsupportedTransferCoding }
            isChunked = true
        }
        // RFC 9112 §3.2: exactly one Host in HTTP/1.1, never more than one.
        if hostCount > 1 { throw .duplicateHost }
        if hostCount == 0, version == .http11 { throw .missingHost }
        return HTTPRequestHead(
            method: method,
            target: target,
            path: requestTarget.path,
            rawPath: requestTarget.rawPath,
            rawQuery: requestTarget.rawQuery,
            query: requestTarget.query,
            version: version,
            headers: headers,
            keepAlive: version == .http11 ? !connectionClose : connectionKeepAlive && !connectionClose,
            expectsContinue: expectsContinue && version == .http11,
            contentLength: contentLength,
            isChunked: isChunked
        )
    }
}
