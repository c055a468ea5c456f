-- The auditor's trail over the API (docs/audit.md): live verification that walks only what is new since the last
-- intact verification, and exports streamed by the server whose manifest the client fetches afterwards.

-- Where each chain was last found intact: the position and hash of the last event verified. A normal verification
-- starts after it and walks only the events chained since; `full=true` walks from genesis again, and when it finds
-- a break at or before the checkpoint it deletes the checkpoint, so that every later verification walks from
-- genesis and meets the break too. A checkpoint is a convenience, not evidence: it lives in the database it
-- vouches for, which is why auditors keep their own anchors and verify in full from time to time.
CREATE TABLE audit_checkpoints (
    municipality_code text        PRIMARY KEY REFERENCES municipalities (code),
    seq               bigint      NOT NULL CHECK (seq >= 1),
    hash              bytea       NOT NULL CHECK (octet_length(hash) = 32),
    verified_at       timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE audit_checkpoints IS
    'Per chain, the last event (seq, hash) a verification found intact; the next one starts after it.';

-- A checkpoint always names a chained event with exactly that hash: it cannot point past the chain or at a hash
-- the chain never had.
CREATE FUNCTION guard_audit_checkpoint() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM audit_events
                    WHERE municipality_code = NEW.municipality_code AND seq = NEW.seq AND hash = NEW.hash) THEN
        RAISE EXCEPTION 'an audit checkpoint must name a chained event of its municipality and that event''s hash'
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_checkpoints_on_chain BEFORE INSERT OR UPDATE ON audit_checkpoints
    FOR EACH ROW EXECUTE FUNCTION guard_audit_checkpoint();

-- Verifies p_municipality's chained events after position p_after_seq, whose hash must be p_after_hash (0 and 32
-- zero bytes: from genesis), then that the chain ends at its head. Problems as audit_verify_chain(text);
-- events_checked counts the events walked before the first broken link; last_seq and last_hash name the last event
-- verified when intact (where the next checkpoint goes). STABLE: every statement reads the caller's snapshot, so
-- events and head agree. The walk is one pass in seq order, not a loop: each event's position, link and hash are
-- compared with what the event before it (the window's previous row, or the starting point) dictates.
CREATE FUNCTION audit_verify_chain(p_municipality text, p_after_seq bigint, p_after_hash bytea)
RETURNS TABLE (intact boolean, events_checked bigint, broken_seq bigint, broken_event_id bigint, problem text,
               last_seq bigint, last_hash bytea)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    bad record;
    tail record;
    head audit_chain_heads;
    walked bigint := 0;
    verified_seq bigint := p_after_seq;
    verified_hash bytea := p_after_hash;
BEGIN
    SELECT w.n, w.seq, w.id, w.problem INTO bad FROM (
        SELECT e.id, e.seq, row_number() OVER w AS n,
               CASE WHEN e.seq <> p_after_seq + row_number() OVER w THEN 'sequence_gap'
                    WHEN e.prev_hash <> coalesce(lag(e.hash) OVER w, p_after_hash) THEN 'previous_hash_mismatch'
                    WHEN e.hash <> sha256(e.prev_hash || audit_event_bytes(e)) THEN 'hash_mismatch'
               END AS problem
          FROM audit_events e
         WHERE e.municipality_code = p_municipality AND e.seq > p_after_seq
        WINDOW w AS (ORDER BY e.seq)
    ) w
     WHERE w.problem IS NOT NULL
     ORDER BY w.n
     LIMIT 1;
    IF FOUND THEN
        RETURN QUERY SELECT false, bad.n - 1, bad.seq, bad.id, bad.problem, NULL::bigint, NULL::bytea;
        RETURN;
    END IF;
    -- Intact: the events walked are exactly p_after_seq + 1 .. the last one, without a gap.
    SELECT e.seq, e.hash INTO tail FROM audit_events e
     WHERE e.municipality_code = p_municipality AND e.seq > p_after_seq ORDER BY e.seq DESC LIMIT 1;
    IF FOUND THEN
        walked := tail.seq - p_after_seq;
        verified_seq := tail.seq;
        verified_hash := tail.hash;
    END IF;
    SELECT * INTO head FROM audit_chain_heads WHERE municipality_code = p_municipality;
    IF coalesce(head.last_seq, 0) <> verified_seq OR coalesce(head.last_hash, verified_hash) <> verified_hash THEN
        RETURN QUERY SELECT false, walked, head.last_seq, NULL::bigint, 'head_mismatch', NULL::bigint, NULL::bytea;
        RETURN;
    END IF;
    RETURN QUERY SELECT true, walked, NULL::bigint, NULL::bigint, NULL::text, verified_seq, verified_hash;
END $$;

-- The whole chain from genesis, as before (same columns), through the single pass above.
CREATE OR REPLACE FUNCTION audit_verify_chain(p_municipality text)
RETURNS TABLE (intact boolean, events_checked bigint, broken_seq bigint, broken_event_id bigint, problem text)
LANGUAGE sql STABLE AS $$
    SELECT v.intact, v.events_checked, v.broken_seq, v.broken_event_id, v.problem
      FROM audit_verify_chain(p_municipality, 0, decode(repeat('00', 32), 'hex')) v
$$;

-- The manifest of each export streamed by GET /v1/audit/export, kept under a random id the response announces
-- (Nafidha-Export-Id) so that the client fetches it once the stream ended (GET /v1/audit/export/manifest). It is
-- written when the last byte has been handed over, so an export cut short has none. No personal data: range,
-- counts, chain bounds and heads, the file's SHA-256. Kept a day; every new export deletes the older ones.
CREATE TABLE audit_export_manifests (
    export_id  text        PRIMARY KEY CHECK (export_id ~ '^[0-9a-f]{32}$'),
    staff_id   bigint      NOT NULL REFERENCES staff (id),
    manifest   text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_export_manifests_created ON audit_export_manifests (created_at);
COMMENT ON TABLE audit_export_manifests IS
    'Manifests of exports streamed through the API, for their exporter to fetch after the stream; kept one day.';
