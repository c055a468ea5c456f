/// Where `nafidha serve` answers `GET /metrics`: a listener of its own at `HOST:PORT`, or nowhere (`off`).
///
/// Not on the API's listener: the figures (tasks per municipality, pool and queue load) are operational, and a
/// separate address lets the operator keep them off the proxy and the public network by default.
enum MetricsListen: Sendable, Equatable, CustomStringConvertible {
    /// No metrics listener.
    case off
    /// A metrics listener at this address.
    case at(ListenAddress)

    /// The default: loopback only, port 9464 (the port commonly used by Prometheus exporters of applications).
    static let defaultValue = MetricsListen.at(ListenAddress(host: "127.0.0.1", port: 9464))

    /// Parses `off` or `HOST:PORT`.
    static func parse(_ text: String) -> Result<MetricsListen, ListenAddressProblem> {
        if text == "off" { return .success(.off) }
        return ListenAddress.parse(text).map { MetricsListen.at($0) }
    }

    /// `off` or `HOST:PORT`.
    var description: String {
        switch self {
        case .off: "off"
        case .at(let address): address.description
        }
    }
}
