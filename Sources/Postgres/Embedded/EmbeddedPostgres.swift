import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A private PostgreSQL cluster in a data folder: created on first use when the configuration allows it (only
/// `nafidha serve` does), started or reused, and stopped by the last process using it (`ClusterUseLock`).
///
/// Every process using the cluster holds a shared lock on its folder. When one is done (`stop()`), it stops the
/// server only if no other process holds the lock: two `nafidha serve` on one folder share the server, and the last
/// one out stops it. A server whose users all died (a `kill -9`) is adopted by the next process like any running
/// server, and stopped when that one is done.
///
/// The cluster listens on a Unix socket inside its data folder (trust authentication there only) and on TCP only
/// when a port is asked for. Every method blocks on child processes: call them from threads you own.
public final class EmbeddedPostgres: Sendable {
    /// The longest Unix socket path the kernel accepts (`sun_path` is 108 bytes with its terminating zero).
    public static let maximumSocketPathLength = 107

    /// The data folder, absolute.
    public let dataDirectory: String
    /// A libpq connection string (key=value form) for the cluster's Nafidha database over the Unix socket.
    public let conninfo: String
    /// Whether this process started the server (rather than finding it running). Whoever is last out stops it.
    public let startedByThisProcess: Bool

    private let binaries: PostgresBinaries
    private let owner: ClusterOwner
    private let stopTimeoutSeconds: Int
    private let use: ClusterUseLock

    private init(
        dataDirectory: String, conninfo: String, startedByThisProcess: Bool,
        binaries: PostgresBinaries, owner: ClusterOwner, stopTimeoutSeconds: Int, use: ClusterUseLock
    ) {
        self.dataDirectory = dataDirectory
        self.conninfo = conninfo
        self.startedByThisProcess = startedByThisProcess
        self.binaries = binaries
        self.owner = owner
        self.stopTimeoutSeconds = stopTimeoutSeconds
        self.use = use
    }

    /// Prepares the data folder, runs `initdb` on first use (when `configuration.createsCluster` allows it; otherwise a
    /// folder without a cluster is refused before anything is created), and starts the server or reuses the one
    /// already running.
    /// - Parameters:
    ///   - configuration: the folder, ports, timeouts and binary search path.
    ///   - currentDirectory: what a relative data folder is relative to.
    public static func start(
        _ configuration: Configuration, currentDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(EmbeddedPostgresError) -> EmbeddedPostgres {
        let directory = URL(
            fileURLWithPath: configuration.dataDirectory, relativeTo: URL(fileURLWithPath: currentDirectory)
        )
        .standardizedFileURL.path
        if directory.contains(where: { "\"'\\$`\n".contains($0) }) { throw .unsupportedPath(directory) }
        let socketPath = "\(directory)/.s.PGSQL.\(configuration.port)"
        if socketPath.utf8.count > maximumSocketPathLength {
            throw .socketPathTooLong(path: socketPath, limit: maximumSocketPathLength)
        }
        if !configuration.createsCluster && !FileManager.default.fileExists(atPath: "\(directory)/PG_VERSION") {
            throw .noCluster(directory)
        }
        let binaries = try PostgresBinaries.locate(configuration.binarySearch)
        let owner = try ClusterOwner.forCurrentProcess(osUserWhenRoot: configuration.osUserWhenRoot)
        // Checked before creating anything, and again after: new parents get the umask's permissions.
        try checkTraversable(directory, owner: owner)
        try prepareFolder(directory, owner: owner)
        try checkTraversable(directory, owner: owner)
        let cluster = ClusterFolder(directory: directory, binaries: binaries, owner: owner)
        if !cluster.isInitialised {
            try cluster.initialise(user: configuration.user)
        }

        // While this process holds the shared lock, no other one stops the server (stopping takes it exclusively).
        let use = try ClusterUseLock.acquireShared(
            directory: directory, timeoutSeconds: configuration.stopTimeoutSeconds + 5)
        var startedHere = false
        if !cluster.isRunning() {
            try cluster.writeSettings(tcpPort: configuration.tcpPort, port: configuration.port)
            do {
                try cluster.start(timeoutSeconds: configuration.startTimeoutSeconds)
                startedHere = true
            } catch {
                // Another Nafidha may have started it between our check and our start: then we reuse it. (On a
                // real failure the lock goes with `use`.)
                guard cluster.isRunning() else { throw error }
            }
        }
        let port = cluster.runningPort() ?? configuration.port
        let embedded = EmbeddedPostgres(
            dataDirectory: directory,
            conninfo:
                "host='\(directory)' port=\(port) user='\(configuration.user)' dbname='\(configuration.database)'",
            startedByThisProcess: startedHere,
            binaries: binaries,
            owner: owner,
            stopTimeoutSeconds: configuration.stopTimeoutSeconds,
            use: use
        )
        do {
            try cluster.createDatabaseIfMissing(configuration.database, user: configuration.user, port: port)
        } catch {
            try? embedded.stop()
            throw error
        }
        return embedded
    }

    /// Ends this process's use of the cluster, and stops the server with a fast shutdown when no other process uses
    /// it (whoever started it). Does nothing the second time.
    public func stop() throws(EmbeddedPostgresError) {
        try use.release { () throws(EmbeddedPostgresError) in
            let cluster = ClusterFolder(directory: dataDirectory, binaries: binaries, owner: owner)
            if cluster.isRunning() { try cluster.stop(timeoutSeconds: stopTimeoutSeconds) }
        }
    }

    /// Refuses a folder whose parents the cluster's owner cannot enter (only a concern when we switch user).
    private static func checkTraversable(_ directory: String, owner: ClusterOwner) throws(EmbeddedPostgresError) {
        if owner.needsSwitch, let blocked = owner.firstUntraversableAncestor(of: directory) {
            throw .notTraversable(directory: blocked, user: owner.name)
        }
    }

    /// Creates the folder for `owner`, or checks that an existing one is theirs (an empty one is handed over).
    private static func prepareFolder(_ directory: String, owner: ClusterOwner) throws(EmbeddedPostgresError) {
        let files = FileManager.default
        var isDirectory: ObjCBool = false
        if files.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .notADirectory(directory) }
            var info = stat()
            guard stat(directory, &info) == 0 else {
                throw .fileSystem(path: directory, message: String(cString: strerror(errno)))
            }
            if info.st_uid == owner.uid { return }
            let isEmpty = ((try? files.contentsOfDirectory(atPath: directory)) ?? ["?"]).isEmpty
            guard owner.needsSwitch, isEmpty else {
                let ownerName = ClusterOwner.userName(of: info.st_uid) ?? "uid \(info.st_uid)"
                throw .ownedBySomeoneElse(path: directory, owner: ownerName, expected: owner.name)
            }
        } else {
            do {
                try files.createDirectory(atPath: directory, withIntermediateDirectories: true)
            } catch {
                throw .fileSystem(path: directory, message: error.localizedDescription)
            }
        }
        // PostgreSQL insists on a data folder only its owner can read.
        guard chown(directory, owner.uid, owner.gid) == 0, chmod(directory, 0o700) == 0 else {
            throw .fileSystem(path: directory, message: String(cString: strerror(errno)))
        }
    }
}
