import Synchronization
import Transport

/// The outgoing client's idle keep-alive connections, by origin (host, port, TLS or not): a delivery takes the most
/// recently used one and gives it back when its answer was read whole. Bounded in count (the oldest are closed
/// first) and in age (a connection idle longer than `idleTimeout` is closed rather than reused, before the server's
/// own keep-alive timeout is likely to close it under us).
final class IdleConnections: Sendable {
    /// Where a connection leads.
    struct Origin: Hashable, Sendable {
        let host: String
        let port: Int
        let tls: Bool
    }

    /// A stream parked here. Streams are not `Sendable` because one thread at a time may use one; the pool keeps
    /// that rule by handing each parked stream to exactly one taker, under the lock, and never touching it after.
    private final class Parked: @unchecked Sendable {
        let stream: any ByteStream
        let origin: Origin
        let since: ContinuousClock.Instant

        init(stream: any ByteStream, origin: Origin, since: ContinuousClock.Instant) {
            self.stream = stream
            self.origin = origin
            self.since = since
        }
    }

    private let parked = Mutex<[Parked]>([])
    private let maximumCount: Int
    private let idleTimeout: Duration

    /// A pool keeping at most `maximumCount` idle connections, each for at most `idleTimeout`.
    init(maximumCount: Int, idleTimeout: Duration) {
        self.maximumCount = max(0, maximumCount)
        self.idleTimeout = idleTimeout
    }

    /// The most recently parked connection to `origin` still young enough, if any; expired ones are closed.
    func take(_ origin: Origin) -> (any ByteStream)? {
        let now = ContinuousClock.now
        let (found, expired) = parked.withLock { list -> (Parked?, [Parked]) in
            let expired = list.filter { now - $0.since >= idleTimeout }
            list.removeAll { now - $0.since >= idleTimeout }
            guard let index = list.lastIndex(where: { $0.origin == origin }) else { return (nil, expired) }
            return (list.remove(at: index), expired)
        }
        close(expired)
        return found?.stream
    }

    /// Parks `stream`, whose last answer was read whole, for the next delivery to `origin`.
    func give(_ stream: any ByteStream, to origin: Origin) {
        let entry = Parked(stream: stream, origin: origin, since: .now)
        let evicted = parked.withLock { list -> [Parked] in
            list.append(entry)
            let excess = max(0, list.count - maximumCount)
            defer { list.removeFirst(excess) }
            return Array(list.prefix(excess))
        }
        close(evicted)
    }

    /// Closes every parked connection (the dispatcher is stopping).
    func closeAll() {
        close(
            parked.withLock { list in
                defer { list.removeAll() }
                return list
            })
    }

    private func close(_ entries: [Parked]) {
        for entry in entries { entry.stream.close(deadline: .now + .seconds(1)) }
    }
}
