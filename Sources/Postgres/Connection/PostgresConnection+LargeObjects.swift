import CLibPQ

/// Large objects (libpq's `lo_*` calls): files of any size stored in `pg_largeobject`, written and read in pieces
/// in binary, without the hex text that a `bytea` parameter costs. Every call must run inside a transaction
/// (`withTransaction`): a descriptor lives until its transaction ends, and a rolled-back creation leaves nothing.
extension PostgresConnection {
    /// `INV_WRITE` and `INV_READ` of `libpq/libpq-fs.h`, which the module map does not import.
    private static let writeMode: Int32 = 0x0002_0000
    private static let readMode: Int32 = 0x0004_0000

    /// Creates an empty large object; returns its OID.
    public func createLargeObject() throws(PostgresError) -> UInt32 {
        try requireTransaction()
        let oid = lo_create(handle, 0)
        guard oid != 0 else { throw PostgresError(connection: handle, code: .serverError) }
        return oid
    }

    /// Appends `bytes` at the end of large object `oid`.
    public func appendToLargeObject(_ oid: UInt32, _ bytes: [UInt8]) throws(PostgresError) {
        try requireTransaction()
        let descriptor = try open(oid, mode: Self.writeMode)
        guard lo_lseek64(handle, descriptor, 0, SEEK_END) >= 0 else { throw failure() }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { lo_write(handle, descriptor, $0.baseAddress, $0.count) }
            }
            guard written > 0 else { throw failure() }
            offset += Int(written)
        }
        guard lo_close(handle, descriptor) == 0 else { throw failure() }
    }

    /// Up to `maxBytes` of large object `oid` from `offset` (fewer at its end, none past it).
    public func readLargeObject(_ oid: UInt32, from offset: Int64, maxBytes: Int) throws(PostgresError) -> [UInt8] {
        try requireTransaction()
        let descriptor = try open(oid, mode: Self.readMode)
        guard lo_lseek64(handle, descriptor, Int(offset), SEEK_SET) >= 0 else { throw failure() }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: max(0, maxBytes)) { buffer, count in
            count = 0
            while count < buffer.count {
                let read = UnsafeMutableRawPointer(buffer.baseAddress! + count).withMemoryRebound(
                    to: CChar.self, capacity: buffer.count - count
                ) { lo_read(handle, descriptor, $0, buffer.count - count) }
                if read < 0 { failed = true }
                if read <= 0 { break }
                count += Int(read)
            }
        }
        guard !failed, lo_close(handle, descriptor) == 0 else { throw failure() }
        return bytes
    }

    private func open(_ oid: UInt32, mode: Int32) throws(PostgresError) -> Int32 {
        let descriptor = lo_open(handle, oid, mode)
        guard descriptor >= 0 else { throw failure() }
        return descriptor
    }

    private func requireTransaction() throws(PostgresError) {
        guard transactionStatus == PQTRANS_INTRANS else {
            throw PostgresError(code: .serverError, message: "large objects are only reachable inside a transaction")
        }
    }

    private func failure() -> PostgresError {
        PostgresError(connection: handle, code: .serverError)
    }
}
