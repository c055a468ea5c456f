import CNafidhaLinux

#if canImport(Glibc)
    import Glibc
#endif

extension EventLoop {
    /// Accepts until the backlog is empty or the connection limit is reached (then stops listening for a while).
    func acceptConnections() {
        let limit = core.configuration.maxConnections
        while !acceptPaused && listenFD >= 0 {
            if core.openConnections.load(ordering: .relaxed) >= limit {
                pauseAccepting()
                return
            }
            let accepted: IOResult<(Int32, SocketAddress)>
            do {
                accepted = try Posix.accept(listenFD)
            } catch {
                switch error.errno {
                case ECONNABORTED, EPROTO:
                    continue
                default:
                    // EMFILE and friends: stop listening; the sweep tries again in 100 ms.
                    core.logger.log(.warning, "accept paused: \(error)")
                    pauseAccepting()
                    return
                }
            }
            guard case .done(let (fd, address)) = accepted else { return }
            core.openConnections.add(1, ordering: .relaxed)
            // Responses are written whole; Nagle would only delay the last segment of each.
            try? Posix.setOption(fd, level: Int32(IPPROTO_TCP), name: TCP_NODELAY, value: 1)
            let loop = peers[nextPeer]
            nextPeer = (nextPeer + 1) % peers.count
            if loop === self {
                adopt(fd: fd, remoteAddress: address.host)
            } else {
                loop.post(.adopt(fd: fd, remoteAddress: address.host))
            }
        }
    }

    private func pauseAccepting() {
        guard !acceptPaused, listenFD >= 0 else { return }
        try? Posix.epollRemove(epoll, fd: listenFD)
        acceptPaused = true
    }

    func resumeAcceptingIfPossible() {
        guard acceptPaused, listenFD >= 0, shutdownDeadline == nil,
            core.openConnections.load(ordering: .relaxed) < core.configuration.maxConnections
        else { return }
        do {
            try Posix.epollAdd(epoll, fd: listenFD, events: NAFIDHA_EPOLLIN, token: Self.listenerToken)
            acceptPaused = false
        } catch {
            core.logger.log(.error, "accept resume failed: \(error)")
        }
    }
}
