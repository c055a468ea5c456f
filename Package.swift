// swift-tools-version:6.0
import PackageDescription

// Nafidha depends on no Swift package: only system C libraries (libpq) and small C shims of our own.
let package = Package(
    name: "nafidha",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "nafidha", targets: ["nafidha"])
    ],
    targets: [
        // libpq, the PostgreSQL client library, as a system module.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // OpenSSL's libcrypto (libpq links it already): SHA-256, secure random bytes and Ed25519.
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // OpenSSL's libssl (libpq links it already) for TLS client connections.
        .systemLibrary(
            name: "CSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        // Linux calls Swift cannot reach directly (epoll, eventfd, signals, accept4).
        .target(
            name: "CNafidhaLinux",
            cSettings: [.define("_GNU_SOURCE")]
        ),
        // A safe wrapper over libpq, a connection pool and an embedded PostgreSQL cluster.
        .target(name: "Postgres", dependencies: ["CLibPQ"]),
        // An HTTP/1.1 server that knows nothing of municipalities.
        .target(name: "HTTP", dependencies: ["CNafidhaLinux"]),
        // Blocking client byte streams, plain TCP and TLS behind one protocol (SMTP now, an HTTP client later).
        .target(name: "Transport", dependencies: ["CSSL"]),
        // E-mail: MIME messages and an SMTP client (STARTTLS, implicit TLS, AUTH); nothing of the domain.
        .target(name: "Mail", dependencies: ["Transport"]),
        // The typed contract between the server and its clients: vocabulary enums, error codes, bodies, routes.
        .target(name: "NafidhaContract"),
        // Pure building blocks of verifiable decisions: Merkle proofs, Ed25519, signed notes, QR codes.
        .target(name: "Transparency", dependencies: ["CCrypto"]),
        // The domain, its service layer and its SQL.
        .target(
            name: "NafidhaCore",
            dependencies: ["NafidhaContract", "Postgres", "CCrypto", "Transparency", "Transport", "Mail"]),
        // HTTP routes over the service layer.
        .target(name: "NafidhaAPI", dependencies: ["NafidhaContract", "NafidhaCore", "HTTP"]),
        // A small command-line argument parser in the style of swift-argument-parser (which we may not depend on).
        .target(name: "ArgumentParsing"),
        // The `nafidha` commands (server, operator and clerk commands).
        .target(
            name: "NafidhaCLI",
            dependencies: [
                "ArgumentParsing", "NafidhaContract", "NafidhaCore", "NafidhaAPI", "HTTP", "Postgres", "Transparency",
            ]),
        // The thin executable.
        .executableTarget(name: "nafidha", dependencies: ["NafidhaCLI"]),

        .target(
            name: "TestSupport", dependencies: ["Postgres", "NafidhaContract", "NafidhaCore", "HTTP", "Transparency"],
            path: "Tests/TestSupport"
        ),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "TestSupport"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
        .testTarget(
            name: "NafidhaCoreTests",
            dependencies: ["NafidhaContract", "NafidhaCore", "TestSupport", "Transparency", "Transport"]),
        .testTarget(
            name: "NafidhaAPITests", dependencies: ["NafidhaContract", "NafidhaAPI", "TestSupport", "Transparency"]),
        .testTarget(name: "NafidhaContractTests", dependencies: ["NafidhaContract", "Postgres", "TestSupport"]),
        .testTarget(name: "ArgumentParsingTests", dependencies: ["ArgumentParsing"]),
        .testTarget(name: "NafidhaCLITests", dependencies: ["NafidhaCLI", "TestSupport", "Transparency"]),
        .testTarget(name: "TransparencyTests", dependencies: ["Transparency"]),
        // Support/smtp_server.py is the aiosmtpd server the tests run (found beside its Swift caller, not bundled).
        .testTarget(name: "MailTests", dependencies: ["Mail", "Transport"], exclude: ["Support/smtp_server.py"]),
    ],
    swiftLanguageModes: [.v6]
)
