import ArgumentParsing
import HTTP
import NafidhaAPI
import NafidhaCore

extension ServeCommand {
    /// Starts the metrics listener `settings.metrics` names, reporting on `server`; nil when it is `off`.
    /// Throws a `CommandFailure` naming the address when it cannot listen there.
    static func startMetricsServer(
        settings: ServerSettings, reporting server: HTTPServer, services: NafidhaServices, context: CommandContext
    ) throws -> HTTPServer? {
        guard case .at(let address) = settings.metrics else { return nil }
        // Its own small server: one event loop, two workers (a scrape reads the database), few connections, and
        // no access log (a scrape every few seconds would drown the requests that matter).
        var configuration = HTTPServer.Configuration()
        configuration.host = address.host == "localhost" ? "127.0.0.1" : address.host
        configuration.port = address.port
        configuration.eventLoopCount = 1
        configuration.workerCount = 2
        configuration.workerQueueLength = 16
        configuration.maxConnections = 64
        configuration.accessLog = .disabled
        configuration.logFormat = settings.http.logFormat
        let metrics = HTTPServer(
            configuration: configuration, responder: MetricsRoutes.make(services: services, server: server))
        do {
            let port = try metrics.start()
            context.standardOutput.writeLine(
                "Metrics on http://\(ListenAddress(host: configuration.host, port: port))\(MetricsRoutes.path).")
        } catch {
            throw CommandFailure(
                "cannot start the metrics listener on \(address) (choose another with --metrics-listen, or off): "
                    + "\(error)")
        }
        return metrics
    }
}
