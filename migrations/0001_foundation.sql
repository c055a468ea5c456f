-- 0001 foundation: the record of which migrations ran; the domain tables arrive in 0002 and later.

CREATE TABLE schema_migrations (
    version    integer     PRIMARY KEY CHECK (version > 0),
    name       text        NOT NULL CHECK (name <> ''),
    checksum   text        NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
    applied_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE schema_migrations IS
    'One row per applied file of migrations/, written in the same transaction as the migration itself.';
COMMENT ON COLUMN schema_migrations.checksum IS
    'SHA-256 (hex) of the migration text as applied; nafidha migrate refuses a file that changed since.';
