#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT and SIGTERM, delivered to one waiting thread instead of killing the process.
///
/// `block()` must run before the process starts any thread, so every thread inherits the blocked mask and the
/// signals stay pending until `wait()` takes them; otherwise the default action would end the process at once.
struct TerminationSignals {
    private var set: sigset_t

    /// Blocks SIGINT and SIGTERM in the calling thread (and the threads it starts from now on).
    static func block() -> TerminationSignals {
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        sigaddset(&set, SIGTERM)
        pthread_sigmask(SIG_BLOCK, &set, nil)
        return TerminationSignals(set: set)
    }

    /// Waits until SIGINT or SIGTERM arrives (or has been pending) and returns its name.
    func wait() -> String {
        var set = self.set
        var received: Int32 = 0
        while sigwait(&set, &received) != 0 {}
        return received == SIGINT ? "SIGINT" : "SIGTERM"
    }
}
