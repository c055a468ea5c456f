import NafidhaContract
import Transparency

/// Follows the chains of an export file event by event and remembers the first broken link.
///
/// Events arrive grouped by municipality in code order, each group in `seq` order; only the current chain's last
/// link is kept.
struct ChainWalk {
    private struct Current {
        var chain: AuditFileVerification.Chain
        var lastHashBytes: [UInt8]
        var lastTime: String
    }

    private let expected: [String: Audit.ExportManifest.Chain]?
    private var current: Current?
    private(set) var done: [AuditFileVerification.Chain] = []
    private(set) var eventCount: Int64 = 0
    private(set) var problem: AuditFileVerification.Problem?

    init(expected manifest: Audit.ExportManifest?) {
        expected = manifest.map {
            Dictionary($0.chains.map { ($0.municipalityCode, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    mutating func fail(_ code: String, line: Int, municipality: String? = nil, seq: Int64? = nil) {
        if problem == nil { problem = .init(code: code, line: line, municipality: municipality, seq: seq) }
    }

    /// Checks one event (nil: the line or record could not be read).
    mutating func take(_ event: AuditExportedEvent?, line: Int) {
        guard problem == nil else { return }
        guard let event, let prev = Hex.decode(event.prevHash), prev.count == 32 else {
            fail("malformed_record", line: line)
            return
        }
        let code = event.municipalityCode
        if let running = current, running.chain.municipalityCode != code {
            guard running.chain.municipalityCode < code else {
                fail("chain_out_of_order", line: line, municipality: code, seq: event.seq)
                return
            }
            close()
        }
        if var running = current {
            if event.seq != running.chain.lastSeq + 1 {
                return fail("sequence_gap", line: line, municipality: code, seq: event.seq)
            }
            if prev != running.lastHashBytes {
                return fail("previous_hash_mismatch", line: line, municipality: code, seq: event.seq)
            }
            if event.occurredAt < running.lastTime {
                return fail("time_went_backwards", line: line, municipality: code, seq: event.seq)
            }
            guard let hash = checkedHash(event, prev: prev, line: line) else { return }
            running.chain.eventCount += 1
            running.chain.lastSeq = event.seq
            running.chain.lastHash = event.hash.lowercased()
            running.lastHashBytes = hash
            running.lastTime = event.occurredAt
            current = running
        } else {
            // A chain's first event in the file: genesis, or where the manifest says the range starts.
            if let expected, let chain = expected[code] {
                if event.seq != chain.firstSeq {
                    return fail("sequence_gap", line: line, municipality: code, seq: event.seq)
                }
                if event.prevHash.lowercased() != chain.firstPrevHash.lowercased() {
                    return fail("previous_hash_mismatch", line: line, municipality: code, seq: event.seq)
                }
            } else if expected != nil {
                return fail("chain_mismatch", line: line, municipality: code, seq: event.seq)
            }
            if event.seq < 1 || (event.seq == 1 && prev != [UInt8](repeating: 0, count: 32)) {
                return fail("previous_hash_mismatch", line: line, municipality: code, seq: event.seq)
            }
            guard let hash = checkedHash(event, prev: prev, line: line) else { return }
            current = Current(
                chain: .init(
                    municipalityCode: code, eventCount: 1, firstSeq: event.seq, lastSeq: event.seq,
                    lastHash: event.hash.lowercased()),
                lastHashBytes: hash, lastTime: event.occurredAt
            )
        }
        eventCount += 1
    }

    /// Closes the last chain and, with a manifest, checks that every chain it lists ended where it says.
    mutating func finish() {
        guard problem == nil else { return }
        close()
        guard let expected, problem == nil else { return }
        let seen = Dictionary(done.map { ($0.municipalityCode, $0) }, uniquingKeysWith: { a, _ in a })
        for (code, chain) in expected.sorted(by: { $0.key < $1.key }) {
            guard let read = seen[code], read.lastSeq == chain.lastSeq, read.lastHash == chain.lastHash.lowercased(),
                read.eventCount == chain.eventCount
            else {
                return fail("chain_mismatch", line: 0, municipality: code, seq: seen[code]?.lastSeq)
            }
        }
    }

    private mutating func close() {
        if let running = current { done.append(running.chain) }
        current = nil
    }

    private mutating func checkedHash(_ event: AuditExportedEvent, prev: [UInt8], line: Int) -> [UInt8]? {
        let hash = SHA256.hash(prev + event.canonicalBytes)
        guard Hex.encode(hash) == event.hash.lowercased() else {
            fail("hash_mismatch", line: line, municipality: event.municipalityCode, seq: event.seq)
            return nil
        }
        // The hash covers the stored text; the database only ever stores canonical JSON, so other text was forged
        // together with its hashes.
        guard CanonicalJSON.isCanonical(event.details) else {
            fail("details_not_canonical", line: line, municipality: event.municipalityCode, seq: event.seq)
            return nil
        }
        return hash
    }
}
