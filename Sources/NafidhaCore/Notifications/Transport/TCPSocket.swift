import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A non-blocking TCP socket whose every wait is a `poll` bounded by the caller's deadline.
final class TCPSocket: ByteStream {
    private var descriptor: Int32
    private let label: String

    private init(descriptor: Int32, label: String) {
        self.descriptor = descriptor
        self.label = label
    }

    deinit { close() }

    /// Connects to one resolved address before `deadline`.
    static func connect(
        family: Int32, address: UnsafePointer<sockaddr>, length: socklen_t, deadline: ContinuousClock.Instant,
        label: String
    ) throws(TransportError) -> TCPSocket {
        let fd = Glibc.socket(
            family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TransportError(.system, "socket: \(Self.reason(errno))") }
        let socket = TCPSocket(descriptor: fd, label: label)
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        if Glibc.connect(fd, address, length) != 0 {
            guard errno == EINPROGRESS || errno == EINTR else {
                throw TransportError(.connection, "cannot connect to \(label): \(Self.reason(errno))")
            }
            try socket.wait(for: Int16(POLLOUT), until: deadline, doing: "connecting to \(label)")
            var failure: Int32 = 0
            var size = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &failure, &size)
            guard failure == 0 else {
                throw TransportError(.connection, "cannot connect to \(label): \(Self.reason(failure))")
            }
        }
        return socket
    }

    func write(_ bytes: [UInt8], deadline: ContinuousClock.Instant) throws(TransportError) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if count >= 0 {
                sent += count
                continue
            }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK: try wait(for: Int16(POLLOUT), until: deadline, doing: "sending to \(label)")
            case EPIPE, ECONNRESET: throw TransportError(.closed, "\(label) closed the connection while we sent")
            default: throw TransportError(.system, "sending to \(label): \(Self.reason(errno))")
            }
        }
    }

    func read(maximum: Int, deadline: ContinuousClock.Instant) throws(TransportError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: max(1, maximum))
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count >= 0 { return Array(buffer[..<count]) }
            switch errno {
            case EINTR: continue
            case EAGAIN, EWOULDBLOCK:
                try wait(for: Int16(POLLIN), until: deadline, doing: "waiting for \(label)'s answer")
            case ECONNRESET: throw TransportError(.closed, "\(label) reset the connection")
            default: throw TransportError(.system, "reading from \(label): \(Self.reason(errno))")
            }
        }
    }

    func close() {
        guard descriptor >= 0 else { return }
        Glibc.close(descriptor)
        descriptor = -1
    }

    /// Waits until the socket is ready for `events`, or throws `timeout` at `deadline`.
    private func wait(for events: Int16, until deadline: ContinuousClock.Instant, doing what: String)
        throws(TransportError)
    {
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            guard remaining > .zero else { throw TransportError(.timeout, "timed out \(what)") }
            let milliseconds = Int32(
                clamping: remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
                    + 1)
            var entry = pollfd(fd: descriptor, events: events, revents: 0)
            let ready = poll(&entry, 1, milliseconds)
            if ready > 0 { return }
            if ready < 0 && errno != EINTR { throw TransportError(.system, "poll: \(Self.reason(errno))") }
        }
    }

    private static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
