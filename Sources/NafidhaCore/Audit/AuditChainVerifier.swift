/// Recomputes a municipality's audit chain from exported events, independently of the database's own
/// `audit_verify_chain`: the same checks as the reference verifier in docs/audit.md, in Swift, so the auditors'
/// tools can verify an export offline.
public enum AuditChainVerifier {
    /// The verdict on one chain.
    public struct Verdict: Sendable, Equatable {
        /// True when every link holds (and the anchor, if given, is on the chain).
        public var intact: Bool
        /// Events checked before the first broken link (all of them when intact).
        public var eventsChecked: Int64
        /// The sequence position of the first broken link, if any.
        public var brokenSequence: Int64?
        /// `sequence_gap`, `previous_hash_mismatch`, `hash_mismatch`, `details_not_canonical`,
        /// `time_went_backwards` or `anchor_missing`.
        public var problem: String?
        /// The hash (hex) of the last link verified, event `eventsChecked`; 64 zeros for an empty chain.
        public var headHash: String
    }

    /// Verifies `events`, in the order given (an export is in `seq` order), from the genesis link.
    /// - Parameter anchor: a head recorded earlier (`seq`, hex hash) that the chain must still pass through.
    public static func verify(_ events: [AuditExportedEvent], anchor: (seq: Int64, hash: String)? = nil) -> Verdict {
        var previous = [UInt8](repeating: 0, count: 32)
        var lastTime = ""
        var seen: [Int64: String] = [:]
        for (offset, event) in events.enumerated() {
            let expected = Int64(offset + 1)
            let computed = SHA256.hash(previous + event.canonicalBytes)
            let problem: String? =
                if event.seq != expected { "sequence_gap" }
                else if Hex.decode(event.prevHash) != previous { "previous_hash_mismatch" }
                else if SHA256.hex(computed) != event.hash.lowercased() { "hash_mismatch" }
                else if !CanonicalJSON.isCanonical(event.details) { "details_not_canonical" }
                else if event.occurredAt < lastTime { "time_went_backwards" }
                else { nil }
            if let problem {
                return Verdict(intact: false, eventsChecked: expected - 1, brokenSequence: expected, problem: problem,
                               headHash: SHA256.hex(previous))
            }
            previous = computed
            lastTime = event.occurredAt
            seen[event.seq] = SHA256.hex(computed)
        }
        let count = Int64(events.count)
        if let anchor, seen[anchor.seq] != anchor.hash.lowercased() {
            return Verdict(intact: false, eventsChecked: count, brokenSequence: anchor.seq, problem: "anchor_missing",
                           headHash: SHA256.hex(previous))
        }
        return Verdict(intact: true, eventsChecked: count, brokenSequence: nil, problem: nil, headHash: SHA256.hex(previous))
    }
}

/// Lowercase or uppercase hex text to bytes; nil when it is not hex.
enum Hex {
    static func decode(_ text: String) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = value(digits[index]), let low = value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func value(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
