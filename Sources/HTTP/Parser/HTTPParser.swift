/// An incremental, strict HTTP/1.1 request parser (RFC 9112) over bytes fed in any split.
///
/// Feed bytes as they arrive, then call `next()` until it returns nil. Each request yields one `.head`,
/// zero or more `.body` slices and one `.end`; the parser is then ready for the next pipelined request.
/// The first error poisons the parser: the server answers with the error's status and closes.
public struct HTTPParser: Sendable {
    /// What the parser found next in the byte stream.
    public enum Event: Sendable, Equatable {
        /// A complete, validated request head.
        case head(HTTPRequestHead)
        /// The next bytes of the request body (never empty).
        case body([UInt8])
        /// The end of the request, with the trailer fields of a chunked body (else empty).
        case end(trailers: HTTPHeaders)
    }

    enum Phase: Sendable {
        case head
        case endOfMessage
        case fixedBody(remaining: Int)
        case chunkSize(ChunkSizeLine)
        case chunkData(remaining: Int)
        case chunkDataEnd(sawCR: Bool)
        case trailers
    }

    /// Above this capacity an emptied buffer is released rather than kept for the next request.
    static let retainedCapacity = 64 * 1024
    /// Consumed bytes are moved out of the buffer only past this offset, so compaction stays rare.
    static let compactionThreshold = 16 * 1024

    /// The limits this parser enforces.
    public let limits: Limits
    var buffer: [UInt8] = []
    var readIndex = 0
    var phase = Phase.head
    var lines = LineScanner()
    var head = HeadBuilder()
    var trailers = HTTPHeaders()
    var chunkedBodyBytes = 0
    /// The body limit of the request being read: `limits.maxBodyBytes`, or what `bodyLimit` said for its head.
    var messageBodyLimit: Int
    /// Asked once per request that has a body, for a limit other than `limits.maxBodyBytes` (a route's own).
    private let bodyLimit: (@Sendable (HTTPRequestHead) -> Int?)?
    private var failure: HTTPParseError?

    /// Creates a parser enforcing `limits`; `bodyLimit`, asked for each request that has a body, may answer
    /// another body limit for it (nil: `limits.maxBodyBytes`), e.g. for a route that streams large uploads.
    public init(limits: Limits = .init(), bodyLimit: (@Sendable (HTTPRequestHead) -> Int?)? = nil) {
        self.limits = limits
        self.bodyLimit = bodyLimit
        self.messageBodyLimit = limits.maxBodyBytes
    }

    /// Whether bytes of an unfinished request are held: a started head, a body, or pipelined bytes.
    public var isMidMessage: Bool {
        if case .head = phase { return readIndex < buffer.count }
        return true
    }

    /// Whether the parser is still before the end of a header section (including before any byte).
    public var isReadingHead: Bool {
        if case .head = phase { return true }
        return false
    }

    /// The bytes fed but not yet consumed, so the server can stop reading while a client pipelines ahead.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    /// Appends bytes received from the connection.
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, !bytes.isEmpty else { return }
        compact()
        bytes.withMemoryRebound(to: UInt8.self) { buffer.append(contentsOf: $0) }
    }

    /// Appends bytes received from the connection.
    public mutating func feed(_ bytes: some Sequence<UInt8>) {
        guard failure == nil else { return }
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// The next event, or nil when more bytes are needed.
    /// - Throws: the first error found, again on every later call.
    public mutating func next() throws(HTTPParseError) -> Event? {
        if let failure { throw failure }
        var pending: [UInt8] = []
        do throws(HTTPParseError) {
            return try step(collecting: &pending)
        } catch {
            failure = error
            buffer = []
            readIndex = 0
            // Body bytes read before the error are delivered first, as smaller reads would have delivered them.
            if !pending.isEmpty { return .body(pending) }
            throw error
        }
    }

    /// Advances through the phases; chunk data is gathered into `pending` across chunks already buffered,
    /// so many small chunks still come out as one body event.
    private mutating func step(collecting pending: inout [UInt8]) throws(HTTPParseError) -> Event? {
        while true {
            switch phase {
            case .head:
                guard let request = try readHead() else { return nil }
                return .head(request)
            case .endOfMessage:
                if !pending.isEmpty { return .body(pending) }
                let finished = trailers
                trailers = HTTPHeaders()
                phase = .head
                return .end(trailers: finished)
            case .fixedBody(let remaining):
                let count = min(buffer.count - readIndex, remaining)
                guard count > 0 else { return nil }
                phase = count == remaining ? .endOfMessage : .fixedBody(remaining: remaining - count)
                readIndex += count
                return .body(Array(buffer[(readIndex - count)..<readIndex]))
            case .chunkSize(var line):
                guard let size = try readChunkSize(&line) else {
                    phase = .chunkSize(line)
                    return pending.isEmpty ? nil : .body(pending)
                }
                try startChunk(size: size)
            case .chunkData(let remaining):
                let count = min(buffer.count - readIndex, remaining)
                guard count > 0 else { return pending.isEmpty ? nil : .body(pending) }
                pending.append(contentsOf: buffer[readIndex..<(readIndex + count)])
                readIndex += count
                guard count == remaining else {
                    phase = .chunkData(remaining: remaining - count)
                    return .body(pending)
                }
                phase = .chunkDataEnd(sawCR: false)
            case .chunkDataEnd(let sawCR):
                guard try readChunkDataEnd(sawCR: sawCR) else { return pending.isEmpty ? nil : .body(pending) }
            case .trailers:
                guard try readTrailers() else { return pending.isEmpty ? nil : .body(pending) }
                phase = .endOfMessage
            }
        }
    }

    /// Reads header lines as they complete; returns the head once the empty line arrives.
    private mutating func readHead() throws(HTTPParseError) -> HTTPRequestHead? {
        // A second reference to the storage lets the line scanner and builder mutate while reading it.
        let stored = buffer
        return try stored.withUnsafeBufferPointer { bytes throws(HTTPParseError) -> HTTPRequestHead? in
            while let line = try lines.nextLine(
                in: bytes, base: readIndex, maxBytes: limits.maxHeaderBytes, limitError: { .headerTooLarge },
                maxTargetBytes: head.hasRequestLine ? nil : limits.maxTargetBytes
            ) {
                let lineBytes = UnsafeBufferPointer(
                    rebasing: bytes[(readIndex + line.lowerBound)..<(readIndex + line.upperBound)])
                if !head.hasRequestLine {
                    // RFC 9112 §2.2: empty lines before the request line are ignored.
                    if !line.isEmpty { try head.setRequestLine(lineBytes) }
                } else if line.isEmpty {
                    let request = try head.finish()
                    let hasBody = request.isChunked || (request.contentLength ?? 0) > 0
                    messageBodyLimit = (hasBody ? bodyLimit?(request) : nil) ?? limits.maxBodyBytes
                    if let length = request.contentLength, length > messageBodyLimit { throw .bodyTooLarge }
                    readIndex += lines.consumed
                    lines = LineScanner()
                    head = HeadBuilder()
                    startBody(of: request)
                    return request
                } else {
                    try head.addField(lineBytes, limits: limits)
                }
            }
            return nil
        }
    }

    private mutating func startBody(of request: HTTPRequestHead) {
        if request.isChunked {
            chunkedBodyBytes = 0
            phase = .chunkSize(ChunkSizeLine())
        } else if let length = request.contentLength, length > 0 {
            phase = .fixedBody(remaining: length)
        } else {
            phase = .endOfMessage
        }
    }

    /// Drops consumed bytes before an append, rarely enough that the cost stays amortised.
    private mutating func compact() {
        if readIndex == buffer.count {
            guard readIndex > 0 || buffer.capacity > Self.retainedCapacity else { return }
            buffer.removeAll(keepingCapacity: buffer.capacity <= Self.retainedCapacity)
            readIndex = 0
        } else if readIndex >= Self.compactionThreshold, readIndex >= buffer.count - readIndex {
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
    }
}
