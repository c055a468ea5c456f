#ifndef NAFIDHA_CSSL_SHIM_H
#define NAFIDHA_CSSL_SHIM_H
// OpenSSL's libssl (libpq links it already) for TLS client connections: the Transport module's TLSStream.
// Found through pkg-config (openssl, Debian libssl-dev).
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/bio.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

// The three calls below are macros over SSL_ctrl, SSL_CTX_ctrl and BIO_ctrl, which Swift cannot import:
// each is wrapped once, under a prefixed name.

/// Sets the SNI host name sent in the ClientHello (RFC 6066 section 3).
static inline int nafidha_ssl_set_server_name(SSL *ssl, const char *name) {
    return (int)SSL_set_tlsext_host_name(ssl, name);
}

/// Refuses every protocol older than TLS 1.2 (RFC 8996 deprecates TLS 1.0 and 1.1).
static inline int nafidha_ssl_ctx_require_tls12(SSL_CTX *context) {
    return (int)SSL_CTX_set_min_proto_version(context, TLS1_2_VERSION);
}

/// Makes an empty memory BIO answer "retry" instead of end of file, so that SSL_read asks for more bytes.
static inline void nafidha_bio_retry_when_empty(BIO *bio) {
    (void)BIO_set_mem_eof_return(bio, -1);
}

#endif
