#ifndef NAFIDHA_CLIBPQ_SHIM_H
#define NAFIDHA_CLIBPQ_SHIM_H
// The PostgreSQL client library; found through pkg-config (libpq-dev on Debian).
#include <libpq-fe.h>
#endif
