#ifndef NAFIDHA_CCRYPTO_SHIM_H
#define NAFIDHA_CCRYPTO_SHIM_H
// OpenSSL's libcrypto (already linked by libpq): SHA-256 and the CSPRNG. Found through pkg-config (libssl-dev).
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>
#endif
