/// Names of the statements a connection has prepared, bounded, evicting the least recently used.
struct PreparedStatementCache {
    /// A statement is reused only for the same SQL and the same parameter types it was prepared with.
    struct Key: Hashable {
        let sql: String
        let types: [UInt32]
    }

    private struct Entry {
        let name: String
        var lastUse: UInt64
    }

    let capacity: Int
    private var entries: [Key: Entry] = [:]
    private var clock: UInt64 = 0
    private var nextNumber = 0

    init(capacity: Int) { self.capacity = max(1, capacity) }

    var count: Int { entries.count }

    /// The statement's name if it is cached, marking it as just used.
    mutating func name(for key: Key) -> String? {
        guard var entry = entries[key] else { return nil }
        clock += 1
        entry.lastUse = clock
        entries[key] = entry
        return entry.name
    }

    /// The least recently used entry when the cache is full, which must be deallocated before adding another.
    var evictionCandidate: (key: Key, name: String)? {
        guard entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })
        else { return nil }
        return (oldest.key, oldest.value.name)
    }

    /// A name no statement of this connection uses. Generated here, never taken from input.
    mutating func makeName() -> String {
        nextNumber += 1
        return "nafidha_s\(nextNumber)"
    }

    mutating func insert(_ key: Key, name: String) {
        clock += 1
        entries[key] = Entry(name: name, lastUse: clock)
    }

    mutating func remove(_ key: Key) { entries[key] = nil }
}
