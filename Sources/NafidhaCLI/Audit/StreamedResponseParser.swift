/// Reads an HTTP/1.1 response as its bytes arrive: the head once, then the body piece by piece, never holding more
/// than one piece (a read's worth) and one line. The body is framed by chunked transfer coding (RFC 9112 §7.1), by
/// `Content-Length`, or by the connection's end; a body that stops before its framing says it ends is cut short.
struct StreamedResponseParser {
    /// The status line and header fields.
    struct Head {
        /// The status code.
        var status: Int
        /// The header fields, names lowercased, in order.
        var fields: [(name: String, value: String)]

        /// The first value of field `name` (lowercase).
        func value(_ name: String) -> String? {
            fields.first { $0.name == name }?.value
        }
    }

    private enum State {
        case head
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers
        case counted(remaining: Int)
        case untilClose
        case done
    }

    /// The longest head, chunk-size line or trailer line accepted (64 KiB), so a broken server cannot grow memory.
    static let maximumLineBytes = 64 * 1024

    private var state = State.head
    private var line: [UInt8] = []
    private var parsedHead = Head(status: 0, fields: [])

    /// The head, once it has been read.
    var head: Head? {
        if case .head = state { return nil }
        return parsedHead
    }

    /// Whether the body ended as its framing says (the last chunk and trailers, or `Content-Length` bytes).
    var isComplete: Bool {
        if case .done = state { return true }
        return false
    }

    /// Feeds the bytes just read; `body` receives each piece of the body as it is decoded, with the head.
    mutating func feed(_ bytes: ArraySlice<UInt8>, body: (Head, [UInt8]) throws -> Void) throws {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            switch state {
            case .head:
                index = try takeLine(from: bytes, at: index, limit: Self.maximumLineBytes * 4, until: [13, 10, 13, 10])
                if lineEnded([13, 10, 13, 10]) { try startBody() }
            case .chunkSize:
                index = try takeLine(from: bytes, at: index, limit: Self.maximumLineBytes, until: [13, 10])
                if lineEnded([13, 10]) { try readChunkSize() }
            case .chunkData(let remaining):
                let end = min(bytes.endIndex, index + remaining)
                try body(parsedHead, Array(bytes[index..<end]))
                state = remaining == end - index ? .chunkDataEnd : .chunkData(remaining: remaining - (end - index))
                index = end
            case .chunkDataEnd:
                index = try takeLine(from: bytes, at: index, limit: 2, until: [13, 10])
                if lineEnded([13, 10]) {
                    line.removeAll()
                    state = .chunkSize
                }
            case .trailers:
                index = try takeLine(from: bytes, at: index, limit: Self.maximumLineBytes, until: [13, 10])
                if lineEnded([13, 10]) {
                    state = line.count == 2 ? .done : .trailers
                    line.removeAll()
                }
            case .counted(let remaining):
                let end = min(bytes.endIndex, index + remaining)
                try body(parsedHead, Array(bytes[index..<end]))
                state = remaining == end - index ? .done : .counted(remaining: remaining - (end - index))
                index = end
            case .untilClose:
                try body(parsedHead, Array(bytes[index...]))
                index = bytes.endIndex
            case .done:
                throw ClientFailure.badResponse("has bytes after its end")
            }
        }
    }

    /// The connection ended: fine for a body that runs until the close, a cut otherwise.
    mutating func finish() throws(ClientFailure) {
        switch state {
        case .done: return
        case .untilClose: state = .done
        case .head: throw .badResponse("has no complete head")
        default: throw .badResponse("was cut short")
        }
    }

    /// Moves bytes into `line` up to and including `terminator`; returns where it stopped.
    private mutating func takeLine(
        from bytes: ArraySlice<UInt8>, at start: Int, limit: Int, until terminator: [UInt8]
    ) throws(ClientFailure) -> Int {
        var index = start
        while index < bytes.endIndex {
            line.append(bytes[index])
            index += 1
            if lineEnded(terminator) { return index }
            guard line.count < limit else { throw .badResponse("has a line longer than \(limit) bytes") }
        }
        return index
    }

    private func lineEnded(_ terminator: [UInt8]) -> Bool {
        guard line.count >= terminator.count else { return false }
        return zip(line[(line.count - terminator.count)...], terminator).allSatisfy { $0 == $1 }
    }

    /// Parses the head in `line` and picks the body's framing.
    private mutating func startBody() throws(ClientFailure) {
        let text = String(decoding: line.dropLast(4), as: UTF8.self)
        line.removeAll()
        let lines = text.components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/1."), let status = Int(statusParts[1]) else {
            throw .badResponse("is not HTTP/1.1")
        }
        let fields = lines.dropFirst().compactMap { field -> (name: String, value: String)? in
            guard let colon = field.firstIndex(of: ":") else { return nil }
            return (
                field[..<colon].lowercased(), field[field.index(after: colon)...].trimmingCharacters(in: [" ", "\t"])
            )
        }
        let parsed = Head(status: status, fields: fields)
        parsedHead = parsed
        if parsed.value("transfer-encoding")?.lowercased().contains("chunked") == true {
            state = .chunkSize
        } else if let length = parsed.value("content-length") {
            guard let count = Int(length), count >= 0 else { throw .badResponse("has an invalid Content-Length") }
            state = count == 0 ? .done : .counted(remaining: count)
        } else {
            state = .untilClose
        }
    }

    /// Reads a chunk-size line (extensions ignored); size 0 is the last chunk, trailers follow.
    private mutating func readChunkSize() throws(ClientFailure) {
        let text = String(decoding: line.dropLast(2), as: UTF8.self)
        line.removeAll()
        let digits = text.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        guard let size = Int(digits.trimmingCharacters(in: [" ", "\t"]), radix: 16), size >= 0 else {
            throw .badResponse("has a malformed chunk")
        }
        state = size == 0 ? .trailers : .chunkData(remaining: size)
    }
}
