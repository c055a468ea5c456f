/// Serialises response heads (RFC 9112 §4, §6): the server alone decides framing and connection headers.
enum ResponseEncoder {
    enum Framing {
        case length(Int)
        case chunked
        /// HTTP/1.0 streaming: no length, the close of the connection ends the body.
        case untilClose
        case none
    }

    static let continueResponse = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)
    static let lastChunk = Array("0\r\n\r\n".utf8)
    private static let httpVersion = Array("HTTP/1.1 ".utf8)
    private static let contentLength = Array("Content-Length: ".utf8)

    /// Decimal digits without building a String (this runs for every response).
    static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
        var value = max(0, value)
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(48 + value % 10)
                value /= 10
                count += 1
            } while value > 0
            for index in stride(from: count - 1, through: 0, by: -1) {
                output.append(buffer[index])
            }
        }
    }

    /// - Parameters:
    ///   - defaults: fields sent unless `headers` has a field of the same name (`defaultResponseHeaders`).
    static func appendHead(
        status: HTTPResponseStatus, headers: HTTPHeaders, defaults: HTTPHeaders, framing: Framing, requestID: String,
        close: Bool, announceKeepAlive: Bool, dateLine: [UInt8], into output: inout [UInt8]
    ) {
        output.append(contentsOf: httpVersion)
        appendDecimal(status.code, to: &output)
        output.append(32)
        output.append(contentsOf: status.reasonPhrase.utf8)
        output.append(13)
        output.append(10)
        switch framing {
        case .length(let length):
            output.append(contentsOf: contentLength)
            appendDecimal(length, to: &output)
            output.append(13)
            output.append(10)
        case .chunked:
            output.append(contentsOf: "Transfer-Encoding: chunked\r\n".utf8)
        case .untilClose, .none:
            break
        }
        output.append(contentsOf: dateLine)
        output.append(contentsOf: "X-Request-ID: ".utf8)
        output.append(contentsOf: requestID.utf8)
        output.append(13)
        output.append(10)
        if close {
            output.append(contentsOf: "Connection: close\r\n".utf8)
        } else if announceKeepAlive {
            output.append(contentsOf: "Connection: keep-alive\r\n".utf8)
        }
        for field in headers where !isServerOwned(field.name) && isSafe(field) {
            appendField(field, to: &output)
        }
        for field in defaults where !headers.contains(name: field.name) && !isServerOwned(field.name) && isSafe(field) {
            appendField(field, to: &output)
        }
        output.append(13)
        output.append(10)
    }

    private static func appendField(_ field: (name: String, value: String), to output: inout [UInt8]) {
        output.append(contentsOf: field.name.utf8)
        output.append(58)
        output.append(32)
        output.append(contentsOf: field.value.utf8)
        output.append(13)
        output.append(10)
    }

    /// A CR or LF in a field would let a value built from input inject headers (response splitting).
    private static func isSafe(_ field: (name: String, value: String)) -> Bool {
        !field.name.utf8.contains { $0 == 13 || $0 == 10 } && !field.value.utf8.contains { $0 == 13 || $0 == 10 }
    }

    /// Framing, date, connection management and the request id are the server's; a handler's copies are dropped.
    private static func isServerOwned(_ name: String) -> Bool {
        switch name.utf8.count {
        case 4: equalsIgnoringASCIICase(name, "date")
        case 10: equalsIgnoringASCIICase(name, "connection")
        case 12: equalsIgnoringASCIICase(name, "x-request-id")
        case 14: equalsIgnoringASCIICase(name, "content-length")
        case 17: equalsIgnoringASCIICase(name, "transfer-encoding")
        default: false
        }
    }

    /// Compares with a lowercase ASCII `lowercase` without allocating a lowercased copy.
    private static func equalsIgnoringASCIICase(_ name: String, _ lowercase: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: lowercase.utf8Start, count: lowercase.utf8CodeUnitCount)
        guard name.utf8.count == expected.count else { return false }
        for (byte, wanted) in zip(name.utf8, expected) {
            let folded = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
            if folded != wanted { return false }
        }
        return true
    }
}
