import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension AuditExportDownload {
    /// The exchange through URLSession, for `https://` (TLS): the session's delegate hands each piece of the body to
    /// this thread through `SessionHandoff`, which holds at most `SessionHandoff.highWaterBytes` and makes the
    /// delegate wait beyond, so the file is written as the data arrives. `timeout` bounds the wait for each piece;
    /// a long export may take as long as it streams.
    func throughURLSession(
        _ url: URL, fields: [(String, String)], into collector: inout Collector, receive: ([UInt8]) throws -> Void
    ) throws {
        var request = URLRequest(url: url, timeoutInterval: client.timeout)
        for (name, value) in fields { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = client.timeout
        configuration.timeoutIntervalForResource = 7 * 86_400
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let handoff = SessionHandoff()
        let session = URLSession(configuration: configuration, delegate: handoff, delegateQueue: queue)
        defer {
            handoff.stop()
            session.invalidateAndCancel()
        }
        session.dataTask(with: request).resume()
        while let event = handoff.next() {
            switch event {
            case .head(let status, let exportID): collector.headArrived(status: status, exportID: exportID)
            case .piece(let bytes): try collector.take(bytes, receive: receive)
            }
        }
        if let failure = handoff.failure {
            throw ClientFailure.unreachable(failure.localizedDescription)
        }
    }
}
