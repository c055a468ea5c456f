/// How a TLS client decides to trust a server.
///
/// Verification is always on: the server's chain must end at a trusted certificate authority and its certificate
/// must name the host connected to. There is deliberately no setting to skip either check; a private or test
/// server is trusted by adding its CA (or its self-signed certificate) with `additionalCAFile`.
public struct TLSConfiguration: Sendable, Hashable {
    /// A PEM file of CA certificates trusted besides the system's trust store (OpenSSL's default paths, Debian's
    /// ca-certificates), for private deployments and tests. `nil` trusts the system's store alone.
    public var additionalCAFile: String?

    /// The system's trust store, plus the CA certificates in `additionalCAFile` when given.
    public init(additionalCAFile: String? = nil) {
        self.additionalCAFile = additionalCAFile
    }
}
