import Transparency

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
                if event.seq != expected { "sequence_gap" } else if Hex.decode(event.prevHash) != previous {
                    "previous_hash_mismatch"
                } else if Hex.encode(computed) != event.hash.lowercased() {
                    "hash_mismatch"
                } else if !CanonicalJSON.isCanonical(event.details) {
                    "details_not_canonical"
                } else if event.occurredAt < lastTime { "time_went_backwards" } else { nil }
            if let problem {
                return Verdict(
                    intact: false, eventsChecked: expected - 1, brokenSequence: expected, problem: problem,
                    headHash: Hex.encode(previous))
            }
            previous = computed
            lastTime = event.occurredAt
            seen[event.seq] = Hex.encode(computed)
        }
        let count = Int64(events.count)
        if let anchor, seen[anchor.seq] != anchor.hash.lowercased() {
            return Verdict(
                intact: false, eventsChecked: count, brokenSequence: anchor.seq, problem: "anchor_missing",
                headHash: Hex.encode(previous))
        }
        return Verdict(
            intact: true, eventsChecked: count, brokenSequence: nil, problem: nil, headHash: Hex.encode(previous))
    }
}
