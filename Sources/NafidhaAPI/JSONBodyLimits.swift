import NafidhaContract
import NafidhaCore

/// Limits on the shape of a JSON request body (docs/api.md, "Limits"), checked in one pass over its bytes before
/// `JSONDecoder` sees it.
///
/// The body limit alone bounds bytes, not work: a valid 1 MiB list of 500,000 zeros, or an object of 80,000
/// unknown members, cost `JSONDecoder` (and intake, which names each unknown member) most of a second of CPU, and a
/// few clients sending them slowed every other route. Past these limits the answer is 422 `body_too_complex`,
/// naming the limit, after a scan that costs about a millisecond per MiB.
public struct JSONBodyLimits: Sendable, Equatable {
    /// Objects and lists nested deeper than this are refused (default 32).
    public var maximumDepth = 32
    /// An object with more members than this is refused (default 256; a form has far fewer fields).
    public var maximumMembers = 256
    /// A list with more elements than this is refused (default 1,000).
    public var maximumElements = 1000
    /// A body with more values than this, counted over the whole body, is refused (default 10,000).
    public var maximumValues = 10_000

    /// The defaults above.
    public init() {}

    /// Checks `body`: 400 `invalid_json` when it is not UTF-8, 422 `body_too_complex` naming the first limit it
    /// passes. Whether it is well-formed JSON is the decoder's to say; a malformed body only ends the scan early.
    func check(_ body: [UInt8]) throws(NafidhaError) {
        guard String(validating: body, as: UTF8.self) != nil else { throw NafidhaError(.invalidJSON) }
        var scan = Scan(limits: self)
        if let passed = body.withUnsafeBufferPointer({ scan.run($0) }) {
            throw NafidhaError(.bodyTooComplex, message: ErrorCode.Message.bodyTooComplex(passed))
        }
    }

    /// One pass over the bytes: strings are skipped whole (a `"` or a `{` inside one counts for nothing), every
    /// other token is a value or punctuation.
    private struct Scan {
        let limits: JSONBodyLimits
        /// The open containers, innermost last: whether each is an object, and its entries so far.
        var open: [(isObject: Bool, entries: Int)] = []
        /// Whether the next string in the innermost object is a member's name.
        var expectingName = false
        var values = 0

        init(limits: JSONBodyLimits) {
            self.limits = limits
            open.reserveCapacity(limits.maximumDepth + 1)
        }

        /// The first limit `bytes` passes, or nil.
        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONLimit? {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D:
                    index += 1
                case UInt8(ascii: "\""):
                    let isName = expectingName && open.last?.isObject == true
                    if isName {
                        open[open.count - 1].entries += 1
                        if open[open.count - 1].entries > limits.maximumMembers {
                            return .members(limits.maximumMembers)
                        }
                        expectingName = false
                    } else if let passed = beginValue() {
                        return passed
                    }
                    index = Self.endOfString(bytes, from: index + 1)
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    if let passed = beginValue() { return passed }
                    open.append((isObject: byte == UInt8(ascii: "{"), entries: 0))
                    if open.count > limits.maximumDepth { return .depth(limits.maximumDepth) }
                    expectingName = byte == UInt8(ascii: "{")
                    index += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    // An unbalanced close is malformed: the decoder will say so.
                    guard open.popLast() != nil else { return nil }
                    expectingName = false
                    index += 1
                case UInt8(ascii: ","):
                    expectingName = open.last?.isObject == true
                    index += 1
                case UInt8(ascii: ":"):
                    expectingName = false
                    index += 1
                default:
                    // A number or a literal (or garbage, which the decoder refuses): one value up to a delimiter.
                    if let passed = beginValue() { return passed }
                    index += 1
                    while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
                }
            }
            return nil
        }

        /// Counts a value in the body and in the list that holds it.
        private mutating func beginValue() -> JSONLimit? {
            values += 1
            if values > limits.maximumValues { return .values(limits.maximumValues) }
            if let innermost = open.last, !innermost.isObject {
                open[open.count - 1].entries += 1
                if open[open.count - 1].entries > limits.maximumElements { return .elements(limits.maximumElements) }
            }
            return nil
        }

        /// The index after the `"` that closes a string whose content starts at `start` (the end when none does).
        private static func endOfString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\\"): index += 2
                case UInt8(ascii: "\""): return index + 1
                default: index += 1
                }
            }
            return bytes.count
        }

        private static func isDelimiter(_ byte: UInt8) -> Bool {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ":"),
                UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "["):
                true
            default:
                false
            }
        }
    }
}
