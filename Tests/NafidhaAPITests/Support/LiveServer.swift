import Foundation
import HTTP
import NafidhaAPI
import NafidhaCore
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The API router served over real sockets (an `HTTPServer` on an ephemeral port), for what the in-process client
/// cannot show: streamed bodies, many calls at once, and how long a call waits for a worker.
struct LiveServer {
    let port: Int

    /// Serves `world`'s services while `body` runs.
    static func with<T>(
        _ world: StaffTestWorld, configure: (inout HTTPServer.Configuration) -> Void = { _ in },
        _ body: (LiveServer) throws -> T
    ) throws -> T {
        var configuration = HTTPServer.Configuration()
        configuration.port = 0
        configuration.accessLog = .disabled
        configure(&configuration)
        let server = HTTPServer(configuration: configuration, responder: APIRouter.make(services: world.services))
        let port = try server.start()
        defer { server.shutdown() }
        return try body(LiveServer(port: port))
    }

    /// An answer as read off the socket.
    struct Response {
        let status: Int
        /// Header fields, names lowercased.
        let headers: [(name: String, value: String)]
        /// The body, chunked framing undone.
        let body: [UInt8]
        /// False when a chunked body ended without its last chunk (the server cut it short).
        let complete: Bool

        func header(_ name: String) -> String? {
            headers.first { $0.name == name.lowercased() }?.value
        }

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// `GET target` on a new connection (`Connection: close`), read to its end.
    func get(_ target: String, headers: [(String, String)] = []) throws -> Response {
        try send("GET", target, headers: headers)
    }

    /// `method target` with `body` (sent with its `Content-Length` unless `headers` frame it otherwise) on a new
    /// connection (`Connection: close`), read to its end.
    func send(_ method: String, _ target: String, headers: [(String, String)] = [], body: [UInt8] = []) throws
        -> Response
    {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw LiveServerError("socket: \(errno)") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { throw LiveServerError("connect: \(errno)") }
        let framed = headers.contains { ["content-length", "transfer-encoding"].contains($0.0.lowercased()) }
        let length = framed || (method == "GET" && body.isEmpty) ? "" : "Content-Length: \(body.count)\r\n"
        let request =
            Array(
                ("\(method) \(target) HTTP/1.1\r\nHost: test\r\nConnection: close\r\n" + length
                    + headers.map { "\($0.0): \($0.1)\r\n" }.joined() + "\r\n").utf8) + body
        var sent = 0
        while sent < request.count {
            let written = request[sent...].withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard written > 0 else { throw LiveServerError("send: \(errno)") }
            sent += written
        }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw LiveServerError("recv: \(errno)")
            }
            answer += buffer[..<count]
        }
        return try Self.parse(answer)
    }

    private static func parse(_ answer: [UInt8]) throws -> Response {
        guard let end = answer.firstRange(of: [13, 10, 13, 10]) else { throw LiveServerError("no head") }
        let lines = String(decoding: answer[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        let headers = lines.dropFirst().compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let body = answer[end.upperBound...]
        guard headers.contains(where: { $0.name == "transfer-encoding" && $0.value.contains("chunked") }) else {
            return Response(status: status, headers: headers, body: Array(body), complete: true)
        }
        var decoded: [UInt8] = []
        var complete = false
        var index = body.startIndex
        while let lineEnd = body[index...].firstRange(of: [13, 10]),
            let size = Int(String(decoding: body[index..<lineEnd.lowerBound], as: UTF8.self), radix: 16)
        {
            if size == 0 {
                complete = true
                break
            }
            let start = lineEnd.upperBound
            guard start + size <= body.endIndex else { break }
            decoded += body[start..<(start + size)]
            index = min(start + size + 2, body.endIndex)
        }
        return Response(status: status, headers: headers, body: decoded, complete: complete)
    }
}

struct LiveServerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
