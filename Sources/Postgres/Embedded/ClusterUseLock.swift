import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Who uses an embedded cluster: every process that uses it holds a shared `flock(2)` on its data folder for as long
/// as it does. When it is done, the process that can turn its lock into an exclusive one is the last one out, and
/// stops the server while it holds the folder alone.
///
/// The kernel drops the lock of a process that dies in any way (`kill -9` included), so a server left running by a
/// crashed `nafidha serve` has no user: the next process adopts it like any running server, and the last one out
/// stops it. The descriptor is close-on-exec, so the PostgreSQL server that `pg_ctl` starts never inherits the lock.
final class ClusterUseLock: Sendable {
    /// The data folder's descriptor holding the lock; -1 once released.
    private let descriptor: Mutex<Int32>

    private init(descriptor: Int32) {
        self.descriptor = Mutex(descriptor)
    }

    /// Takes a shared lock on `directory`, waiting up to `timeoutSeconds` while another process holds it exclusively
    /// (it is stopping the server).
    static func acquireShared(directory: String, timeoutSeconds: Int) throws(EmbeddedPostgresError) -> ClusterUseLock {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .fileSystem(path: directory, message: String(cString: strerror(errno)))
        }
        let deadline = Date().addingTimeInterval(TimeInterval(timeoutSeconds))
        while flock(descriptor, LOCK_SH | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR, Date() < deadline else {
                close(descriptor)
                if code == EWOULDBLOCK { throw .clusterBusy(directory) }
                throw .fileSystem(path: directory, message: String(cString: strerror(code)))
            }
            // Polled rather than blocking in flock(2), so the wait stays bounded.
            usleep(50_000)
        }
        return ClusterUseLock(descriptor: descriptor)
    }

    /// Ends this process's use of the cluster. When no other process uses it, runs `lastOut` first, with the folder
    /// locked exclusively so that no one starts using the server while it stops. Does nothing the second time.
    func release(lastOut: () throws(EmbeddedPostgresError) -> Void) throws(EmbeddedPostgresError) {
        let taken = descriptor.withLock { value in
            defer { value = -1 }
            return value
        }
        guard taken >= 0 else { return }
        defer { close(taken) }
        // Converting shared to exclusive is not atomic (flock(2)): another user may slip in between, and then it
        // is that user who is last out. A failed conversion leaves no lock, which is what leaving means anyway.
        var result: Int32
        repeat {
            result = flock(taken, LOCK_EX | LOCK_NB)
        } while result != 0 && errno == EINTR
        guard result == 0 else { return }
        try lastOut()
    }

    deinit {
        let remaining = descriptor.withLock { $0 }
        if remaining >= 0 { close(remaining) }
    }
}
