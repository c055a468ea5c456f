/// Request ids: a sane incoming `X-Request-ID` is kept, otherwise one is generated per event loop.
struct RequestIdentifier {
    private static let hexDigits = Array("0123456789abcdef".utf8)
    private let prefix = UInt32.random(in: .min ... .max)
    private var counter: UInt64 = 0

    /// The incoming id when it is 1–128 characters of `[A-Za-z0-9._:-]`, or a fresh one.
    mutating func id(incoming: String?) -> String {
        if let incoming, Self.isSane(incoming) {
            return incoming
        }
        counter &+= 1
        let prefix = UInt64(self.prefix)
        let counter = self.counter
        // 8 hex digits of the loop's random prefix, then 12 of the counter: one allocation, no formatting.
        return String(unsafeUninitializedCapacity: 20) { buffer in
            for index in 0..<8 {
                buffer[index] = Self.hexDigits[Int((prefix >> UInt64(28 - 4 * index)) & 0xF)]
            }
            for index in 0..<12 {
                buffer[8 + index] = Self.hexDigits[Int((counter >> UInt64(44 - 4 * index)) & 0xF)]
            }
            return 20
        }
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
