import Foundation
import Synchronization

/// Runs the upload clean-up (`UploadSweep`) periodically on a thread it owns; `nafidha serve` starts one and stops
/// it before closing the pool.
public final class UploadSweeper: Sendable {
    /// Time between runs (10 minutes).
    public static let defaultInterval: TimeInterval = 600

    private let sweep: UploadSweep
    private let interval: TimeInterval
    private let onError: @Sendable (any Error) -> Void
    private let thread = Mutex<OwnedThread?>(nil)

    /// A sweeper; `onError` hears about failed runs (the next run tries again).
    public init(
        sweep: UploadSweep, interval: TimeInterval = defaultInterval, onError: @escaping @Sendable (any Error) -> Void
    ) {
        self.sweep = sweep
        self.interval = interval
        self.onError = onError
    }

    /// Starts the thread; the first run happens one interval from now.
    public func start() {
        let started = OwnedThread(name: "nafidha-upload-sweep") { [sweep, interval, onError] thread in
            while true {
                thread.pause(interval)
                if thread.isStopped { return }
                do {
                    try sweep.run()
                } catch {
                    onError(error)
                }
            }
        }
        thread.withLock { $0 = started }
    }

    /// Stops the thread and waits for a run in progress to finish.
    public func stop() {
        thread.withLock { $0 }?.stop()
    }
}
