import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One HTTP/1.1 exchange over a blocking TCP socket, for `http://` servers: connect, send the request with
/// `Connection: close`, read the answer until the server closes. Every step is bounded by `timeout` (SO_SNDTIMEO
/// also bounds connect on Linux, SO_RCVTIMEO each read) and the answer by `maximumBytes`.
///
/// Why not URLSession for plain HTTP: on Linux it polls while waiting, costing about 40% of a core per waiting
/// process, which starved 32 concurrent clerks on a 2-core machine into timeouts. It remains the path for https.
struct PlainHTTPExchange {
    let host: String
    let port: Int
    let timeout: TimeInterval
    let maximumBytes: Int

    /// Sends `head` (request line and header fields, without the blank line) and `body`; returns status and body.
    func perform(head: String, body: [UInt8]) throws(ClientFailure) -> ClientAnswer {
        let socket = try connect()
        defer { close(socket) }
        var request = Array((head + "Content-Length: \(body.count)\r\nConnection: close\r\n\r\n").utf8)
        request += body
        var sent = 0
        while sent < request.count {
            let written = request[sent...].withUnsafeBytes {
                send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .unreachable("sending the request failed: \(Self.describe(errno))")
            }
            sent += written
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { throw .unreachable("no answer in \(Int(timeout)) s") }
                throw .unreachable("reading the answer failed: \(Self.describe(errno))")
            }
            answer += buffer[..<count]
            guard answer.count <= maximumBytes else { throw .badResponse("is too large") }
        }
        return try Self.parse(answer)
    }

    /// A connected TCP socket to `host:port` with the send and receive timeouts set; the caller closes it.
    func connect() throws(ClientFailure) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            throw .unreachable("cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastError: Int32 = ECONNREFUSED
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            entry = current.pointee.ai_next
            let fd = socket(
                current.pointee.ai_family, current.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue),
                current.pointee.ai_protocol)
            guard fd >= 0 else {
                lastError = errno
                continue
            }
            var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
            if Glibc.connect(fd, current.pointee.ai_addr, current.pointee.ai_addrlen) == 0 { return fd }
            lastError = errno
            close(fd)
        }
        let reason =
            lastError == EINPROGRESS || lastError == EAGAIN
            ? "no answer in \(Int(timeout)) s" : Self.describe(lastError)
        throw .unreachable("cannot connect to \(host):\(port): \(reason)")
    }

    /// Splits status line, header fields and body; decodes a chunked body.
    static func parse(_ answer: [UInt8]) throws(ClientFailure) -> ClientAnswer {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = answer.firstRange(of: separator) else { throw .badResponse("has no complete head") }
        let head = String(decoding: answer[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw .badResponse("is not HTTP/1.1")
        }
        let fields = head.dropFirst().map { $0.lowercased() }
        let headers = head.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(answer[end.upperBound...])
        if fields.contains(where: { $0.hasPrefix("transfer-encoding:") && $0.contains("chunked") }) {
            body = try dechunk(body)
        } else if let length = fields.first(where: { $0.hasPrefix("content-length:") })
            .flatMap({ Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) })
        {
            guard body.count >= length else { throw .badResponse("was cut short") }
            body = Array(body.prefix(length))
        }
        return ClientAnswer(status: status, body: body, headers: headers)
    }

    private static func dechunk(_ bytes: [UInt8]) throws(ClientFailure) -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while let lineEnd = bytes[index...].firstRange(of: [13, 10]) {
            let sizeText =
                String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { break }
            if size == 0 { return output }
            let start = lineEnd.upperBound
            guard start + size <= bytes.count else { break }
            output += bytes[start..<(start + size)]
            index = min(start + size + 2, bytes.count)
        }
        throw .badResponse("was cut short in a chunk")
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
