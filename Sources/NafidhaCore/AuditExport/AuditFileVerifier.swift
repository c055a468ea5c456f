import Foundation
import NafidhaContract

/// Verifies an export file offline: recomputes every chain from the exported canonical fields and, given the
/// manifest, checks the file's SHA-256, its counts and each chain's first and last links.
///
/// Reads the file in `chunkSize` pieces and keeps one chain's state at a time, so memory stays flat.
public struct AuditFileVerifier {
    /// Bytes read from the file at a time.
    public var chunkSize = 64 * 1024
    /// The longest JSON line accepted (an event's details are at most 16 KiB; the rest is small).
    public var maximumLineBytes = 256 * 1024

    /// A verifier with the default limits.
    public init() {}

    /// Verifies the file at `path`, against `manifest` when given. Throws only when the file cannot be read.
    public func verify(fileAt path: String, manifest: Audit.ExportManifest?) throws -> AuditFileVerification {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw NafidhaError(.exportNotFound)
        }
        defer { try? handle.close() }
        var chains = ChainWalk(expected: manifest)
        let digest = StreamingSHA256()
        var format = manifest?.format
        var lines = LineSplitter(limit: maximumLineBytes)
        var csv = CSVRecordReader()
        var csvColumns: [String: Int]?
        var recordNumber = 0

        func takeCSV(_ fields: [CSVRecordReader.Field]) throws {
            recordNumber += 1
            guard let columns = csvColumns else {
                csvColumns = Dictionary(
                    fields.enumerated().map { ($1.text, $0) }, uniquingKeysWith: { first, _ in first })
                return
            }
            chains.take(Self.event(fromCSV: fields, columns: columns), line: recordNumber)
        }
        func takeLine(_ line: [UInt8]?) {
            recordNumber += 1
            let event = line.flatMap { try? JSONDecoder().decode(AuditExportedEvent.self, from: Data($0)) }
            chains.take(event, line: recordNumber)
        }

        do {
            while chains.problem == nil, let data = try handle.read(upToCount: chunkSize), !data.isEmpty {
                let bytes = [UInt8](data)
                digest.update(bytes)
                if format == nil { format = bytes.first == UInt8(ascii: "{") ? .jsonl : .csv }
                if format == .jsonl {
                    lines.feed(bytes) { takeLine($0) }
                } else {
                    try csv.feed(bytes, emit: takeCSV)
                }
            }
            if chains.problem == nil {
                if format == .jsonl { lines.finish { takeLine($0) } } else { try csv.finish(emit: takeCSV) }
            }
        } catch is CSVRecordReader.CSVError {
            chains.fail("malformed_record", line: recordNumber + 1)
        }
        if format == .csv, csvColumns.map({ Self.requiredColumns.allSatisfy($0.keys.contains) }) == false {
            chains.fail("malformed_record", line: 1)
        }
        chains.finish()
        if let manifest, chains.problem == nil {
            if manifest.format != format {
                chains.fail("format_mismatch", line: 0)
            } else if digest.finalHex() != manifest.sha256.lowercased() {
                chains.fail("file_sha256_mismatch", line: 0)
            } else if chains.eventCount != manifest.eventCount {
                chains.fail("event_count_mismatch", line: 0)
            }
        }
        return AuditFileVerification(
            eventCount: chains.eventCount, chains: chains.done, problem: chains.problem,
            checkedManifest: manifest != nil
        )
    }

    private static let requiredColumns = [
        "id", "municipality_code", "seq", "occurred_at", "actor_kind", "actor", "action", "request_id", "task_id",
        "details", "prev_hash", "hash",
    ]

    /// Reads one CSV record; an empty unquoted field is NULL (PostgreSQL's CSV convention).
    private static func event(fromCSV fields: [CSVRecordReader.Field], columns: [String: Int]) -> AuditExportedEvent? {
        func text(_ name: String) -> String? {
            guard let index = columns[name], index < fields.count else { return nil }
            let field = fields[index]
            return field.text.isEmpty && !field.quoted ? nil : field.text
        }
        func number(_ name: String) -> Int64?? {
            guard let value = text(name) else { return .some(nil) }
            return Int64(value).map { .some($0) } ?? nil
        }
        guard fields.count == columns.count,
            let id = number("id") ?? nil, let seq = number("seq") ?? nil,
            let requestID = number("request_id"), let taskID = number("task_id"),
            let municipality = text("municipality_code"), let occurredAt = text("occurred_at"),
            let actorKind = text("actor_kind"), let actor = text("actor"), let action = text("action"),
            let details = text("details"), let prevHash = text("prev_hash"), let hash = text("hash")
        else { return nil }
        return AuditExportedEvent(
            id: id, municipalityCode: municipality, seq: seq, occurredAt: occurredAt, actorKind: actorKind,
            actor: actor, action: action, requestID: requestID, taskID: taskID, details: details,
            prevHash: prevHash, hash: hash
        )
    }
}
