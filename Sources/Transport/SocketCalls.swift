#if canImport(Glibc)
    import Glibc
#endif

/// One address a host name resolved to, ready for `connect`.
struct ResolvedAddress {
    var family: Int32
    var storage: sockaddr_storage
    var length: socklen_t
}

/// The socket calls a client stream makes, wrapped once: EINTR retried, EAGAIN turned into a bounded wait with
/// `poll`, every failure a `TransportError` carrying errno and `strerror`. Descriptors are non-blocking, so no call
/// can outlive its deadline (name resolution excepted: `getaddrinfo` has no timeout, the resolver's own applies).
enum SocketCalls {
    /// Every address of `host` for a TCP connection to `port`, in the resolver's order of preference.
    static func resolve(host: String, port: Int) throws(TransportError) -> [ResolvedAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0 else {
            let message = status == EAI_SYSTEM ? errorText(errno) : String(cString: gai_strerror(status))
            throw .resolution(host: host, message: message)
        }
        defer { freeaddrinfo(list) }
        var addresses: [ResolvedAddress] = []
        var entry = list
        while let current = entry {
            entry = current.pointee.ai_next
            guard let address = current.pointee.ai_addr,
                Int(current.pointee.ai_addrlen) <= MemoryLayout<sockaddr_storage>.size
            else { continue }
            var storage = sockaddr_storage()
            withUnsafeMutableBytes(of: &storage) { target in
                target.copyMemory(from: UnsafeRawBufferPointer(start: address, count: Int(current.pointee.ai_addrlen)))
            }
            addresses.append(
                ResolvedAddress(family: current.pointee.ai_family, storage: storage, length: current.pointee.ai_addrlen)
            )
        }
        guard !addresses.isEmpty else { throw .resolution(host: host, message: "no address") }
        return addresses
    }

    /// A connected non-blocking, close-on-exec socket to `address`, or the reason it failed (errno text or
    /// "timed out"). Never leaks the descriptor of a failed attempt.
    static func connect(to address: ResolvedAddress, deadline: ContinuousClock.Instant) -> Result<Int32, AttemptFailure>
    {
        let fd = Glibc.socket(
            address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue),
            0)
        guard fd >= 0 else { return .failure(.refused(errorText(errno))) }
        var storage = address.storage
        let status = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, address.length) }
        }
        // EINTR leaves the connection going on asynchronously, exactly like EINPROGRESS.
        if status != 0 && errno != EINPROGRESS && errno != EINTR {
            let message = errorText(errno)
            Glibc.close(fd)
            return .failure(.refused(message))
        }
        if status != 0 {
            do {
                guard try wait(fd, for: Int16(POLLOUT), until: deadline) else {
                    Glibc.close(fd)
                    return .failure(.timedOut)
                }
            } catch {
                Glibc.close(fd)
                return .failure(.refused(error.description))
            }
            var code: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            if getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length) != 0 { code = errno }
            guard code == 0 else {
                Glibc.close(fd)
                return .failure(.refused(errorText(code)))
            }
        }
        // Request-reply protocols write each command whole; Nagle's algorithm would hold back a TLS record that
        // follows another until the server's delayed acknowledgement.
        var one: Int32 = 1
        _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        return .success(fd)
    }

    /// Why one address refused a connection.
    enum AttemptFailure: Error {
        case refused(String)
        case timedOut
    }

    /// Receives up to `maximumCount` bytes, waiting until `deadline`; empty at end of stream.
    static func receive(
        _ fd: Int32, maximumCount: Int, deadline: ContinuousClock.Instant, operation: String
    ) throws(TransportError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maximumCount)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count >= 0 {
                buffer.removeSubrange(count...)
                return buffer
            }
            let code = errno
            if code == EINTR { continue }
            guard code == EAGAIN || code == EWOULDBLOCK else { throw failure("recv", code, operation) }
            guard try wait(fd, for: Int16(POLLIN), until: deadline) else { throw .timedOut(operation) }
        }
    }

    /// Sends all of `bytes`, waiting for room in the socket's buffer until `deadline`.
    static func sendAll(
        _ fd: Int32, _ bytes: [UInt8], deadline: ContinuousClock.Instant, operation: String
    ) throws(TransportError) {
        var offset = 0
        while offset < bytes.count {
            // MSG_NOSIGNAL: a peer that closed makes this an EPIPE error instead of killing the process.
            let count = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count >= 0 {
                offset += count
                continue
            }
            let code = errno
            if code == EINTR { continue }
            guard code == EAGAIN || code == EWOULDBLOCK else { throw failure("send", code, operation) }
            guard try wait(fd, for: Int16(POLLOUT), until: deadline) else { throw .timedOut(operation) }
        }
    }

    /// Waits until `fd` is ready for `events` (an error or hang-up counts as ready: the next call reports it).
    ///
    /// - Returns: false when `deadline` passed first.
    static func wait(_ fd: Int32, for events: Int16, until deadline: ContinuousClock.Instant) throws(TransportError)
        -> Bool
    {
        while true {
            let remaining = deadline - .now
            guard remaining > .zero else { return false }
            var descriptor = pollfd(fd: fd, events: events, revents: 0)
            let status = poll(&descriptor, 1, milliseconds(remaining))
            if status > 0 { return true }
            // A timeout is checked against the clock again: poll's millisecond rounding may wake just before it.
            if status == 0 || errno == EINTR { continue }
            throw .systemCall("poll", errno: errno, message: errorText(errno))
        }
    }

    /// `duration` in whole milliseconds for `poll`, rounded up so a wait never ends before its deadline.
    static func milliseconds(_ duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let total = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(0, total))
    }

    /// A connection the peer reset or closed under us is `closedByPeer`; anything else a system call error.
    private static func failure(_ call: String, _ code: Int32, _ operation: String) -> TransportError {
        if code == ECONNRESET || code == EPIPE { return .closedByPeer(operation) }
        return .systemCall(call, errno: code, message: errorText(code))
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
