import NafidhaCore
import Postgres

/// Runs the audit sequencer until every event committed so far is chained (writers store events unchained; in
/// `nafidha serve` a thread chains them within a second). Tests call it before verifying chains or reading `seq`.
@discardableResult
public func sequenceAudit(_ database: TestDatabase) throws -> Int {
    try AuditSequencer.chainWaiting(on: database.connect())
}

/// `sequenceAudit` on a connection outside any transaction.
@discardableResult
public func sequenceAudit(on connection: PostgresConnection) throws -> Int {
    try AuditSequencer.chainWaiting(on: connection)
}

/// `sequenceAudit` on a connection of `pool`.
@discardableResult
public func sequenceAudit(_ pool: PostgresPool) throws -> Int {
    try pool.withConnection { try AuditSequencer.chainWaiting(on: $0) }
}
