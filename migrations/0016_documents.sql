-- Issue 15, supporting documents (docs/documents.md): the catalog's documents say whether they are required, which
-- media types they accept and how large they may be; citizens upload files first and separately, and a submission
-- (or a reply) names the uploads, which then belong to the request. The bytes live in large objects, one per upload.

ALTER TABLE service_documents
    ADD COLUMN required boolean NOT NULL DEFAULT false,
    ADD COLUMN media_types text[] NOT NULL DEFAULT ARRAY['application/pdf', 'image/jpeg', 'image/png'],
    ADD COLUMN max_bytes integer NOT NULL DEFAULT 20971520;
ALTER TABLE service_documents ADD CONSTRAINT service_documents_media_types CHECK (
    cardinality(media_types) BETWEEN 1 AND 4
    AND media_types <@ ARRAY['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);
ALTER TABLE service_documents ADD CONSTRAINT service_documents_max_bytes CHECK (max_bytes BETWEEN 1 AND 1073741824);

-- One uploaded file. Its bytes are the large object `content`, written piece by piece in short transactions while
-- the upload is `receiving` (so a slow client holds no database connection), then hashed and marked `complete`.
-- Only a complete upload, unexpired and not yet attached, can be named by a submission; attaching sets request_id
-- and document_type, and the upload is then one of the request's documents, deleted with it. The citizen's
-- upload_id is a 256-bit secret; only its SHA-256 is kept.
CREATE TABLE uploads (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    secret_hash    bytea NOT NULL UNIQUE CHECK (octet_length(secret_hash) = 32),
    content        oid NOT NULL UNIQUE,
    media_type     text NOT NULL
                   CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
    file_name      text CHECK (char_length(file_name) BETWEEN 1 AND 255),
    state          text NOT NULL DEFAULT 'receiving' CHECK (state IN ('receiving', 'complete')),
    size           bigint NOT NULL DEFAULT 0 CHECK (size >= 0),
    sha256         bytea CHECK (octet_length(sha256) = 32),
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    request_id     bigint REFERENCES requests ON DELETE CASCADE,
    document_type  text CHECK (document_type ~ '^[a-z][a-z0-9_]{0,62}$'),
    attached_at    timestamptz,
    CONSTRAINT uploads_complete_hashed CHECK (state = 'receiving' OR (sha256 IS NOT NULL AND size > 0)),
    CONSTRAINT uploads_attached CHECK (
        (request_id IS NULL) = (document_type IS NULL) AND (request_id IS NULL) = (attached_at IS NULL)
        AND (request_id IS NULL OR state = 'complete'))
);
CREATE INDEX uploads_request ON uploads (request_id, id) WHERE request_id IS NOT NULL;
CREATE INDEX uploads_unattached ON uploads (expires_at) WHERE request_id IS NULL;
COMMENT ON TABLE uploads IS
    'Uploaded files (docs/documents.md): bytes in the large object content; attached ones are a request''s documents.';

-- An upload's bytes go with its row, whoever deletes it (the clean-up job, or a request's deletion cascading).
CREATE FUNCTION uploads_unlink_content() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lo_unlink(OLD.content) FROM pg_largeobject_metadata WHERE oid = OLD.content;
    RETURN OLD;
END
$$;
CREATE TRIGGER uploads_unlink_content AFTER DELETE ON uploads
    FOR EACH ROW EXECUTE FUNCTION uploads_unlink_content();

ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('submitted', 'task_opened', 'claimed', 'released', 'approved', 'rejected',
                      'information_requested', 'citizen_replied', 'forwarded', 'escalated', 'cancelled',
                      'personal_data_viewed', 'note_added', 'webhook_created', 'webhook_deleted', 'decided',
                      'catalog_applied', 'document_attached'));
