import HTTP
import Testing

/// What a parser made of some input: its events (adjacent body slices merged) and the error that stopped it.
struct ParseOutcome: Equatable, CustomStringConvertible {
    var events: [HTTPParser.Event] = []
    var error: HTTPParseError?

    var description: String { "events: \(events), error: \(error.map { "\($0)" } ?? "none")" }

    /// The heads found, in order.
    var heads: [HTTPRequestHead] {
        events.compactMap { if case .head(let head) = $0 { head } else { nil } }
    }

    /// The body bytes of each request, in order.
    var bodies: [[UInt8]] {
        var bodies: [[UInt8]] = []
        for event in events {
            switch event {
            case .head: bodies.append([])
            case .body(let bytes): bodies[bodies.count - 1] += bytes
            case .end: break
            }
        }
        return bodies
    }
}

/// Feeds `input` in pieces of `pieceSize` bytes (all at once when nil), draining events after each piece.
func run(_ input: [UInt8], limits: HTTPParser.Limits = .init(), pieceSize: Int? = nil) -> ParseOutcome {
    var parser = HTTPParser(limits: limits)
    var outcome = ParseOutcome()
    let size = max(1, pieceSize ?? input.count)
    var start = 0
    repeat {
        let end = min(start + size, input.count)
        parser.feed(input[start..<end])
        start = end
        do {
            while let event = try parser.next() {
                if case .body(let bytes) = event, case .body(let previous)? = outcome.events.last {
                    outcome.events[outcome.events.count - 1] = .body(previous + bytes)
                } else {
                    outcome.events.append(event)
                }
            }
        } catch {
            outcome.error = error
            return outcome
        }
    } while start < input.count
    return outcome
}

/// Parses `input` whole and one byte at a time, expecting both to agree, and returns the whole-input result.
func parse(
    _ input: String, limits: HTTPParser.Limits = .init(), sourceLocation: SourceLocation = #_sourceLocation
) -> ParseOutcome {
    let bytes = Array(input.utf8)
    let whole = run(bytes, limits: limits)
    let byteByByte = run(bytes, limits: limits, pieceSize: 1)
    #expect(whole == byteByByte, "fed whole and byte by byte differ", sourceLocation: sourceLocation)
    return whole
}

/// Parses `input` expecting exactly one request without error, and returns its head.
func parseHead(
    _ input: String, limits: HTTPParser.Limits = .init(), sourceLocation: SourceLocation = #_sourceLocation
) throws -> HTTPRequestHead {
    let outcome = parse(input, limits: limits, sourceLocation: sourceLocation)
    #expect(outcome.error == nil, "unexpected \(outcome.error.map { "\($0)" } ?? "")", sourceLocation: sourceLocation)
    return try #require(outcome.heads.first, sourceLocation: sourceLocation)
}

/// Expects `input` to be refused with `status` and `code`, whole and byte by byte, and nothing after the error.
func expectRejects(
    _ input: String, status: Int, code: String, limits: HTTPParser.Limits = .init(),
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let outcome = parse(input, limits: limits, sourceLocation: sourceLocation)
    #expect(outcome.error?.status == status, "\(outcome)", sourceLocation: sourceLocation)
    #expect(outcome.error?.code == code, "\(outcome)", sourceLocation: sourceLocation)
}
