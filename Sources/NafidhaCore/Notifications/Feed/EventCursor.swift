/// A place in the event feed, opaque to clients (`ev1_` and a hexadecimal feed position): pass back what the server
/// gave. Anything else is `invalid_cursor`.
struct EventCursor: Sendable, Equatable {
    /// The feed position of the last event read (0: before the first).
    var position: Int64

    private static let prefix = "ev1_"

    /// The cursor's text.
    var text: String {
        Self.prefix + String(position, radix: 16)
    }

    /// A cursor at `position`.
    init(position: Int64) {
        self.position = position
    }

    /// Reads a cursor the server gave; nil for anything else.
    init?(text: String) {
        let digits = text.dropFirst(Self.prefix.count)
        guard text.hasPrefix(Self.prefix), (1...16).contains(digits.count),
            digits.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }),
            let position = Int64(digits, radix: 16), position >= 0, String(position, radix: 16) == digits
        else { return nil }
        self.position = position
    }
}
