import CSSL

/// A configured OpenSSL client context (`SSL_CTX`): TLS 1.2 or later, the server's certificate verified against
/// the system's trust store and the configuration's extra CA file. Loading the trust store is the costly part, so
/// make one context per configuration and share it between connections and threads.
///
/// `@unchecked Sendable`: OpenSSL allows one `SSL_CTX` to create connections on many threads at once as long as
/// nobody changes it, and nothing changes it after `init`.
public final class TLSContext: @unchecked Sendable {
    let pointer: OpaquePointer

    /// Makes a context from `configuration`; fails when the CA file cannot be read.
    public init(configuration: TLSConfiguration = TLSConfiguration()) throws(TransportError) {
        ERR_clear_error()
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            throw .tls("SSL_CTX_new", OpenSSLError.take())
        }
        // Every stored property is set before the first check below, so a throw frees the context in deinit.
        pointer = context
        guard nafidha_ssl_ctx_require_tls12(context) == 1 else {
            throw .tls("SSL_CTX_set_min_proto_version", OpenSSLError.take())
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        guard SSL_CTX_set_default_verify_paths(context) == 1 else {
            throw .configuration("cannot load the system's trust store: \(OpenSSLError.take())")
        }
        if let file = configuration.additionalCAFile {
            guard SSL_CTX_load_verify_locations(context, file, nil) == 1 else {
                throw .configuration("cannot read the CA file \(file): \(OpenSSLError.take())")
            }
        }
    }

    deinit {
        SSL_CTX_free(pointer)
    }
}
