import CNafidhaLinux

#if canImport(Glibc)
    import Glibc
#endif

/// The outcome of a non-blocking call: a value, or "would block" (EAGAIN), which is not an error.
enum IOResult<Value> {
    case done(Value)
    case wouldBlock
}

/// Every system call the server makes, wrapped once: EINTR retried, EAGAIN returned as a value, errors thrown.
enum Posix {
    @inline(__always)
    private static func retrying(_ call: String, _ body: () -> Int) throws(SystemCallError) -> Int {
        while true {
            let result = body()
            if result >= 0 { return result }
            let code = Glibc.errno
            if code == EINTR { continue }
            throw SystemCallError(call: call, errno: code)
        }
    }

    @inline(__always)
    private static func nonBlocking(_ call: String, _ body: () -> Int) throws(SystemCallError) -> IOResult<Int> {
        while true {
            let result = body()
            if result >= 0 { return .done(result) }
            let code = Glibc.errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
            throw SystemCallError(call: call, errno: code)
        }
    }

    static func socket(domain: Int32, type: Int32) throws(SystemCallError) -> Int32 {
        Int32(
            try retrying("socket") {
                Int(Glibc.socket(domain, type | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0))
            })
    }

    static func setOption(_ fd: Int32, level: Int32, name: Int32, value: Int32) throws(SystemCallError) {
        var value = value
        _ = try retrying("setsockopt") {
            Int(setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)))
        }
    }

    static func bind(_ fd: Int32, address: UnsafePointer<sockaddr>, length: socklen_t) throws(SystemCallError) {
        _ = try retrying("bind") { Int(Glibc.bind(fd, address, length)) }
    }

    static func listen(_ fd: Int32, backlog: Int32) throws(SystemCallError) {
        _ = try retrying("listen") { Int(Glibc.listen(fd, backlog)) }
    }

    static func localPort(_ fd: Int32) throws(SystemCallError) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = try withUnsafeMutablePointer(to: &storage) { pointer throws(SystemCallError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address throws(SystemCallError) in
                try retrying("getsockname") { Int(getsockname(fd, address, &length)) }
            }
        }
        return SocketAddress(storage).port
    }

    /// Accepts one pending connection (non-blocking, close-on-exec), with the peer's address.
    static func accept(_ fd: Int32) throws(SystemCallError) -> IOResult<(Int32, SocketAddress)> {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = try withUnsafeMutablePointer(to: &storage) { pointer throws(SystemCallError) in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address throws(SystemCallError) in
                try nonBlocking("accept4") { Int(nafidha_accept(fd, address, &length)) }
            }
        }
        switch result {
        case .done(let client): return .done((Int32(client), SocketAddress(storage)))
        case .wouldBlock: return .wouldBlock
        }
    }

    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SystemCallError) -> IOResult<Int> {
        try nonBlocking("read") { Glibc.read(fd, buffer.baseAddress, buffer.count) }
    }

    static func send(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) -> IOResult<Int> {
        try nonBlocking("send") { Glibc.send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Writes all of `bytes` to a blocking descriptor (the log thread's stderr); gives up silently on error,
    /// since there is nowhere left to report a failing log.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && Glibc.errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Ends our sending side (a FIN) while the peer may still send; failures mean the peer is gone already.
    static func shutdownWrite(_ fd: Int32) {
        _ = Glibc.shutdown(fd, Int32(SHUT_WR))
    }

    static func close(_ fd: Int32) {
        // Linux releases the descriptor even when close reports EINTR, so retrying could close a reused number.
        _ = Glibc.close(fd)
    }

    static func epollCreate() throws(SystemCallError) -> Int32 {
        Int32(try retrying("epoll_create1") { Int(nafidha_epoll_create()) })
    }

    static func epollAdd(_ epoll: Int32, fd: Int32, events: UInt32, token: UInt64) throws(SystemCallError) {
        _ = try retrying("epoll_ctl") { Int(nafidha_epoll_ctl(epoll, 0, fd, events, token)) }
    }

    static func epollRemove(_ epoll: Int32, fd: Int32) throws(SystemCallError) {
        _ = try retrying("epoll_ctl") { Int(nafidha_epoll_ctl(epoll, 2, fd, 0, 0)) }
    }

    static func epollWait(
        _ epoll: Int32, into events: UnsafeMutableBufferPointer<nafidha_epoll_event>, timeoutMilliseconds: Int32
    ) throws(SystemCallError) -> Int {
        let result = Int(nafidha_epoll_wait(epoll, events.baseAddress, Int32(events.count), timeoutMilliseconds))
        if result >= 0 { return result }
        // An interrupted wait is an empty wake-up, not a reason to retry with a stale timeout.
        if Glibc.errno == EINTR { return 0 }
        throw SystemCallError(call: "epoll_wait", errno: Glibc.errno)
    }

    static func eventFD() throws(SystemCallError) -> Int32 {
        Int32(try retrying("eventfd") { Int(nafidha_eventfd()) })
    }

    static func signalEventFD(_ fd: Int32) {
        // EAGAIN means the counter is already non-zero: the loop will wake anyway.
        _ = nafidha_eventfd_signal(fd)
    }

    static func drainEventFD(_ fd: Int32) {
        _ = nafidha_eventfd_drain(fd)
    }

    static func raiseOpenFileLimit() {
        _ = nafidha_raise_open_file_limit()
    }

    static func ignoreBrokenPipes() {
        nafidha_ignore_sigpipe()
    }

    static func monotonicNanoseconds() -> UInt64 {
        nafidha_monotonic_ns()
    }
}
