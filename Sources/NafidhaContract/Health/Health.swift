/// The probes: `GET /healthz` (`{"status":"ok"}`, the process is alive) and `GET /readyz` (`{"status":"ready"}`, the
/// database answers).
public enum Health {
    /// A probe's answer.
    public struct Status: Codable, Sendable, Equatable {
        /// `ok` or `ready`.
        public var status: String

        /// An answer.
        public init(status: String) {
            self.status = status
        }
    }
}
