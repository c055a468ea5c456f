/// How loaded a server's workers are at one instant, e.g. for a readiness probe.
public struct WorkerSaturation: Sendable, Equatable {
    /// Worker threads running a handler.
    public var busyWorkers: Int
    /// Requests waiting for a worker.
    public var queuedRequests: Int
    /// Worker threads in all (`workerCount`).
    public var workerCount: Int
    /// Requests that may wait before the answer is 503 `overloaded` (`workerQueueLength`).
    public var queueCapacity: Int

    /// Makes a reading (the server makes them; tests may make their own).
    public init(busyWorkers: Int, queuedRequests: Int, workerCount: Int, queueCapacity: Int) {
        self.busyWorkers = busyWorkers
        self.queuedRequests = queuedRequests
        self.workerCount = workerCount
        self.queueCapacity = queueCapacity
    }
}
