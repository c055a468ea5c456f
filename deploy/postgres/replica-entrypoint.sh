#!/bin/sh
# The streaming replica's entrypoint: on first start, copies the primary with pg_basebackup -R (which writes
# standby.signal and primary_conninfo) through a replication slot of its own, then runs PostgreSQL as the image
# does. Later starts find the folder and stream from where they stopped.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    until pg_isready -h "$NAFIDHA_PRIMARY_HOST" -p 5432 -q; do
        echo "replica: waiting for the primary at $NAFIDHA_PRIMARY_HOST" >&2
        sleep 2
    done
    mkdir -p "$PGDATA"
    chown postgres:postgres "$PGDATA"
    chmod 700 "$PGDATA"
    PGPASSWORD=$NAFIDHA_REPLICATION_PASSWORD gosu postgres pg_basebackup -h "$NAFIDHA_PRIMARY_HOST" -p 5432 \
        -U replicator -D "$PGDATA" -R -X stream -C -S nafidha_replica --checkpoint=fast --progress
fi
exec docker-entrypoint.sh postgres
