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
            audit log every NAFIDHA_CHECKPOINT_INTERVAL_SECONDS (60) under NAFIDHA_PUBLIC_HOST (localhost).
            """,
        arguments: [
            DatabaseOptions.databaseURL.definition, DatabaseOptions.dataDirectory.definition,
            listen.definition, databasePort.definition, demo.definition,
        ]
    )

    let database: DatabaseOptions
    let listenAddress: ListenAddress
    let embedded: EmbeddedPostgres.Configuration
    let loadsDemoCatalog: Bool

    init(parsing arguments: ParsedArguments) throws(UsageError) {
        database = try DatabaseOptions(parsing: arguments)
        loadsDemoCatalog = arguments.isSet(Self.demo)
        listenAddress = try Self.parseListen(arguments.value(of: Self.listen))
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

        let settings: ServerSettings
        let notifications: NotificationSettings
        let signing: SigningSettings
        let server: HTTPServer
        let pool: PostgresPool
        let services: NafidhaServices
        do {
            settings = try ServerSettings.resolve(listen: listenAddress, environment: context.environment)
            notifications = try NotificationSettings.resolve(environment: context.environment)
            signing = try SigningSettings.resolve(
                environment: context.environment, currentDirectory: context.currentDirectory)
        } catch {
            try? opened.close()
            throw error
        }
        do {
            pool = PostgresPool(conninfo: opened.conninfo, configuration: settings.pool)
            var serviceSettings = NafidhaServices.Settings()
            serviceSettings.signer = signing.signer
            services = NafidhaServices(pool: pool, settings: serviceSettings)
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
        let sweeper = EscalationSweeper(sweep: services.sweep) { [standardError = context.standardError] in
            standardError.writeLine("Warning: the SLA sweep failed and will run again: \(LoggedError($0))")
        }
        sweeper.start()
        let sequencer = AuditSequencerThread(conninfo: opened.conninfo) { [standardError = context.standardError] in
            standardError.writeLine("Warning: the audit sequencer failed and will try again: \(LoggedError($0))")
        }
        sequencer.start()
        var checkpointer: AuditCheckpointerThread?
        if let signer = signing.signer {
            checkpointer = AuditCheckpointerThread(
                checkpointer: AuditCheckpointer(signer: signer), conninfo: opened.conninfo,
                settings: signing.checkpointer
            ) { [standardError = context.standardError] in
                standardError.writeLine("Warning: the audit checkpointer failed and will try again: \($0)")
            }
            checkpointer?.start()
            context.standardOutput.writeLine(
                "Signing the audit logs as \(signer.host)/audit/CODE with the public key "
                    + "\(Data(signer.publicKey.rawRepresentation).base64EncodedString()).")
        } else {
            context.standardError.writeLine(
                "Warning: \(SigningSettings.keyFileVariable) is not set: no checkpoint is signed, and decision "
                    + "documents and their verification answer 503 signing_not_configured.")
        }
        let dispatcher = notifications.channels.map { channels in
            NotificationDispatcher(
                conninfo: opened.conninfo, channels: channels, settings: notifications.dispatcher
            ) { [standardError = context.standardError] in
                standardError.writeLine("Warning: notification delivery failed and will try again: \($0)")
            }
        }
        dispatcher?.start()
        for line in notifications.summary { context.standardOutput.writeLine(line) }
        context.standardOutput.writeLine("Ready; stop with Ctrl-C (SIGINT) or SIGTERM.")
        let signal = signals.wait()
        context.standardOutput.writeLine("Received \(signal); stopping.")
        sweeper.stop()

        // In-flight requests finish first, then deliveries in flight (bounded by their timeouts) and the sequencer's
        // batch, then the pool's connections close, then the database stops.
        server.shutdown()
        dispatcher?.stop()
        checkpointer?.stop()
        sequencer.stop()
        pool.close()
        try opened.close()
        context.standardOutput.writeLine("Stopped.")
        return 0
    }
}
