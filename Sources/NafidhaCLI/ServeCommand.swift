import ArgumentParsing
import Foundation
import HTTP
import NafidhaAPI
import NafidhaCore
import Postgres

/// `nafidha serve`: prepares the database and the schema, serves until SIGINT or SIGTERM, then shuts down in
/// reverse order.
struct ServeCommand: RunnableCommand {
    static let listen = Option<String>(
        "listen", valueName: "host:port",
        help: "Where the HTTP server listens. Default: \(ListenAddress.defaultValue)."
    )
    static let metricsListen = Option<String>(
        "metrics-listen", valueName: "host:port|off",
        help: "Where GET /metrics answers, apart from the API. Default: NAFIDHA_METRICS_LISTEN, else "
            + "\(MetricsListen.defaultValue)."
    )
    static let replicaURL = Option<String>(
        "replica-url", valueName: "url",
        help:
            "A streaming replica that reports, Open311 lists and the event feed read from while it is current. Default: "
            + "NAFIDHA_REPLICA_URL, else none."
    )
    static let databasePort = Option<Int>(
        "database-port", valueName: "port",
        help: "Also let the embedded cluster accept TCP connections on localhost at this port. Default: none."
    )

    static let demo = Flag(
        "demo",
        help: "Load the demo catalog (Libya and Djibouti) when the catalog is empty, as 'nafidha seed demo' does."
    )

    static let configuration = CommandConfiguration(
        name: "serve",
        abstract: "Runs the Nafidha server.",
        discussion: """
            Without --database-url or DATABASE_URL, runs a private PostgreSQL cluster in --data-dir (created on \
            first use, reused when already running, stopped when the last nafidha using it ends, also after a \
            crash). Applies missing migrations, with --demo loads the demo catalog into an empty catalog, then \
            serves, chains audit events as they commit and delivers notifications (SMS, e-mail, webhooks: \
            NAFIDHA_SMS_URL, NAFIDHA_SMTP_URL and the settings of docs/operations.md), until SIGINT or SIGTERM. \
            With NAFIDHA_SIGNING_KEY_FILE (a key from 'nafidha admin keygen'), also signs each municipality's \
            audit log every NAFIDHA_CHECKPOINT_INTERVAL_SECONDS (60) under NAFIDHA_PUBLIC_HOST (localhost). \
            GET /metrics (Prometheus text format) answers on a listener of its own, --metrics-listen.
            """,
        arguments: [
            DatabaseOptions.databaseURL.definition, DatabaseOptions.dataDirectory.definition,
            listen.definition, databasePort.definition, metricsListen.definition, replicaURL.definition,
            demo.definition,
        ]
    )

    let database: DatabaseOptions
    let listenAddress: ListenAddress
    /// `--metrics-listen`; nil leaves it to the environment or the default.
    let metricsListen: MetricsListen?
    /// `--replica-url`; nil leaves it to the environment.
    let replicaURL: String?
    let embedded: EmbeddedPostgres.Configuration
    let loadsDemoCatalog: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        database = try DatabaseOptions(parsing: arguments)
        loadsDemoCatalog = arguments.isSet(Self.demo)
        listenAddress = try Self.parseListen(arguments.value(of: Self.listen))
        replicaURL = try arguments.value(of: Self.replicaURL)
        if let text = try arguments.value(of: Self.metricsListen) {
            switch MetricsListen.parse(text) {
            case .success(let value): metricsListen = value
            case .failure(let problem):
                throw UsageError.invalidValue(for: Self.metricsListen.definition, value: text, reason: problem.reason)
            }
        } else {
            metricsListen = nil
        }
        var embedded = EmbeddedPostgres.Configuration()
        if let port = try arguments.value(of: Self.databasePort) {
            guard (1...65535).contains(port) else {
                throw UsageError.invalidValue(
                    for: Self.databasePort.definition, value: String(port), reason: "the port must be from 1 to 65535"
                )
            }
            if database.url != nil {
                throw UsageError.conflict(DatabaseOptions.databaseURL.definition, Self.databasePort.definition)
            }
            embedded.tcpPort = port
        }
        self.embedded = embedded
    }

    private static func parseListen(_ text: String?) throws(UsageError) -> ListenAddress {
        guard let text else { return ListenAddress.defaultValue }
        switch ListenAddress.parse(text) {
        case .success(let address): return address
        case .failure(let problem):
            throw UsageError.invalidValue(for: listen.definition, value: text, reason: problem.reason)
        }
    }

    func run(context: CommandContext) throws -> Int32 {
        let settings = try ServerSettings.resolve(
            listen: listenAddress, metrics: metricsListen, replicaURL: replicaURL, environment: context.environment)
        let signing = try SigningSettings.resolve(
            environment: context.environment, currentDirectory: context.currentDirectory)
        let notifications = try NotificationSettings.resolve(environment: context.environment)
        // Every line of the process in one format; once the server runs, warnings go through its log thread.
        let context = settings.http.logFormat == .json ? JSONLinesOutput.context(wrapping: context) : context
        let choice = try database.choose(context: context, embedded: embedded, creatingCluster: true)
        // Before anything starts a thread (choosing starts none), so the signals wait for us instead of killing
        // the process midway through starting or migrating.
        let signals = TerminationSignals.block()

        let opened = try choice.open(context: context)
        context.standardOutput.writeLine("Database: \(opened.summary).")
        do {
            try SchemaMigrator().migrate(opened, context: context)
            if loadsDemoCatalog {
                try SeedCommand.loadDemoCatalog(into: opened, context: context)
            }
        } catch {
            try? opened.close()
            throw error
        }

        let server: HTTPServer
        let pool: PostgresPool
        let services: NafidhaServices
        let replicaPool = settings.replicaURL.map { PostgresPool(conninfo: $0, configuration: settings.replicaPool) }
        do {
            pool = PostgresPool(conninfo: opened.conninfo, configuration: settings.pool)
            var servicesSettings = NafidhaServices.Settings()
            servicesSettings.replica = settings.replica
            servicesSettings.signer = signing.signer
            servicesSettings.uploadMaxBytes = settings.uploadMaxBytes
            services = NafidhaServices(pool: pool, replica: replicaPool, settings: servicesSettings)
            try services.catalogSnapshots.load()
            server = HTTPServer(
                configuration: settings.http, responder: APIRouter.make(services: services, settings: settings.api))
            let port = try server.start()
            context.standardOutput.writeLine(
                "Listening on http://\(ListenAddress(host: settings.http.host, port: port)).")
        } catch {
            try? opened.close()
            throw CommandFailure("cannot start the HTTP server on \(listenAddress): \(error)")
        }
        let metricsServer: HTTPServer?
        do {
            metricsServer = try Self.startMetricsServer(
                settings: settings, reporting: server, services: services, context: context)
        } catch {
            server.shutdown()
            pool.close()
            try? opened.close()
            throw error
        }
        let sweeper = EscalationSweeper(sweep: services.sweep) { [server] in
            server.log(.warning, "the SLA sweep failed and will run again: \(LoggedError($0))")
        }
        sweeper.start()
        let uploadSweeper = UploadSweeper(sweep: services.uploadSweep) { [server] in
            server.log(.warning, "the upload clean-up failed and will run again: \(LoggedError($0))")
        }
        uploadSweeper.start()
        let sequencer = AuditSequencerThread(conninfo: opened.conninfo) { [server] in
            server.log(.warning, "the audit sequencer failed and will try again: \(LoggedError($0))")
        }
        sequencer.start()
        services.reads.start()
        if replicaPool != nil {
            context.standardOutput.writeLine(
                "Reports, Open311 lists and the event feed read from the replica while it is at most "
                    + "\(settings.replica.maximumLag) behind.")
        }
        var checkpointer: AuditCheckpointerThread?
        if let signer = signing.signer {
            checkpointer = AuditCheckpointerThread(
                checkpointer: AuditCheckpointer(signer: signer), conninfo: opened.conninfo,
                settings: signing.checkpointer
            ) { [server] in
                server.log(.warning, "the audit checkpointer failed and will try again: \(LoggedError($0))")
            }
            checkpointer?.start()
            context.standardOutput.writeLine(
                "Signing the audit logs as \(signer.host)/audit/CODE with the public key "
                    + "\(Data(signer.publicKey.rawRepresentation).base64EncodedString()).")
        } else {
            // Written now, before "Ready;", rather than through the server's log thread, which would print it
            // whenever that thread next runs.
            context.standardError.writeLine(
                "Warning: \(SigningSettings.keyFileVariable) is not set: no checkpoint is signed, and decision "
                    + "documents and their verification answer 503 signing_not_configured.")
        }
        let dispatcher = notifications.channels.map { channels in
            NotificationDispatcher(
                conninfo: opened.conninfo, channels: channels, settings: notifications.dispatcher
            ) { [server] in
                server.log(.warning, "notification delivery failed and will try again: \(LoggedError($0))")
            }
        }
        dispatcher?.start()
        for line in notifications.summary { context.standardOutput.writeLine(line) }
        context.standardOutput.writeLine("Ready; stop with Ctrl-C (SIGINT) or SIGTERM.")
        let signal = signals.wait()
        context.standardOutput.writeLine("Received \(signal); stopping.")
        sweeper.stop()
        uploadSweeper.stop()
        services.reads.stop()

        // In-flight requests finish first, then deliveries in flight (bounded by their timeouts) and the sequencer's
        // batch, then the pool's connections close, then the database stops.
        metricsServer?.shutdown()
        server.shutdown()
        dispatcher?.stop()
        checkpointer?.stop()
        sequencer.stop()
        pool.close()
        replicaPool?.close()
        try opened.close()
        context.standardOutput.writeLine("Stopped.")
        return 0
    }
}
