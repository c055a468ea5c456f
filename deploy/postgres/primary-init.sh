#!/bin/sh
# Runs once, when the primary's data folder is created (/docker-entrypoint-initdb.d): the role the streaming
# replica connects as, and pg_hba's line letting it in from the compose network with a password.
set -eu
psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" \
    -v password="$NAFIDHA_REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'password';
SQL
echo "host replication replicator all scram-sha-256" >>"$PGDATA/pg_hba.conf"
