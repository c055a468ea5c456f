/// Request ids: a sane incoming `X-Request-ID` is kept, otherwise one is generated per event loop.
struct RequestIdentifier {
    private let prefix: String
    private var counter: UInt64 = 0

    init() {
        let random = UInt32.random(in: .min ... .max)
        let hex = String(random, radix: 16)
        prefix = String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The incoming id when it is 1–128 characters of `[A-Za-z0-9._:-]`, or a fresh one.
    mutating func id(incoming: String?) -> String {
        if let incoming, Self.isSane(incoming) {
            return incoming
        }
        counter &+= 1
        let hex = String(counter, radix: 16)
        return prefix + String(repeating: "0", count: max(0, 12 - hex.count)) + hex
    }

    static func isSane(_ id: String) -> Bool {
        let bytes = id.utf8
        guard !bytes.isEmpty, bytes.count <= 128 else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"),
                 UInt8(ascii: ":"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
    }
}
