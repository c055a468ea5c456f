#ifndef NAFIDHA_CCRYPTO_SHIM_H
#define NAFIDHA_CCRYPTO_SHIM_H
// OpenSSL's libcrypto (already linked by libpq): SHA-256, HMAC-SHA256 (webhook signatures), the CSPRNG, Ed25519
// through the EVP interface, PEM (PKCS#8) key files, and the error queue. Found through pkg-config (libssl-dev).
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>
#include <openssl/crypto.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#endif
