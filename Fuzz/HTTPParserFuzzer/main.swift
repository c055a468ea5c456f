// libFuzzer target for HTTPParser, compiled together with Sources/HTTP/Message and Sources/HTTP/Parser
// by scripts/fuzz-http. Each input is parsed whole, one byte at a time and in pseudo-random splits, under
// the default limits and under tiny ones; every run must agree and keep the parser's invariants.

/// What a parser made of an input: events with adjacent body slices merged, and the error that stopped it.
struct Outcome: Equatable {
    var events: [HTTPParser.Event] = []
    var error: HTTPParseError?
}

/// Limits small enough that fuzzed inputs reach every limit check.
let tinyLimits = HTTPParser.Limits(
    maxHeaderBytes: 96, maxTargetBytes: 24, maxBodyBytes: 40, maxHeaderCount: 4,
    maxTrailerBytes: 32, maxTrailerCount: 2, maxChunkLineBytes: 10
)

/// Feeds `input` in the pieces `nextPieceSize` chooses, checking invariants on every event.
func run(_ input: [UInt8], limits: HTTPParser.Limits, nextPieceSize: (Int) -> Int) -> Outcome {
    var parser = HTTPParser(limits: limits)
    var outcome = Outcome()
    var start = 0
    var expectedBody: Int?
    var bodySoFar = 0
    repeat {
        let end = min(start + max(1, nextPieceSize(input.count - start)), input.count)
        input[start..<end].withUnsafeBytes { parser.feed($0) }
        start = end
        do {
            while let event = try parser.next() {
                switch event {
                case .head(let head):
                    precondition(!parser.isReadingHead, "still reading a head after emitting one")
                    precondition(head.contentLength.map { $0 <= limits.maxBodyBytes } ?? true, "body limit ignored")
                    precondition(!(head.isChunked && head.contentLength != nil), "both framings accepted")
                    expectedBody = head.contentLength
                    bodySoFar = 0
                case .body(let bytes):
                    precondition(!bytes.isEmpty, "empty body slice")
                    bodySoFar += bytes.count
                    precondition(bodySoFar <= limits.maxBodyBytes, "body limit exceeded")
                case .end:
                    precondition(
                        expectedBody.map { $0 == bodySoFar } ?? true, "body length differs from Content-Length")
                    precondition(parser.isReadingHead, "not back to reading a head after the end")
                }
                if case .body(let bytes) = event, case .body(let previous)? = outcome.events.last {
                    outcome.events[outcome.events.count - 1] = .body(previous + bytes)
                } else {
                    outcome.events.append(event)
                }
            }
        } catch {
            do {
                _ = try parser.next()
                preconditionFailure("a poisoned parser returned an event")
            } catch let again {
                precondition(again == error, "a poisoned parser changed its error")
            }
            outcome.error = error
            return outcome
        }
    } while start < input.count
    return outcome
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: size))
    // A split pattern derived from the input itself keeps every run reproducible.
    var seed: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in input { seed = (seed ^ UInt64(byte)) &* 0x100_0000_01b3 }
    for limits in [HTTPParser.Limits(), tinyLimits] {
        let whole = run(input, limits: limits) { $0 }
        let byteByByte = run(input, limits: limits) { _ in 1 }
        var state = seed
        let random = run(input, limits: limits) { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 60) + 1
        }
        precondition(whole == byteByByte, "whole and byte-by-byte parses differ")
        precondition(whole == random, "whole and randomly split parses differ")
    }
    return 0
}
