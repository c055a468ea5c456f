-- Issue 11, the audit sequencer: writers append without waiting, a sequencer chains afterwards (docs/audit.md).
-- Until now every insert locked its municipality's chain head until COMMIT, so no two writes of a municipality
-- could overlap. Now a writer inserts its event unchained (seq, prev_hash and hash NULL) and takes no lock on any
-- shared row; a sequencer, one at a time, gives committed events their place in the chain in batches and moves
-- the head. Events chained before this migration stay exactly as they are.
ALTER TABLE audit_events
    ALTER COLUMN seq DROP NOT NULL, ALTER COLUMN seq DROP DEFAULT,
    ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN prev_hash DROP DEFAULT,
    ALTER COLUMN hash DROP NOT NULL, ALTER COLUMN hash DROP DEFAULT,
    ADD CONSTRAINT audit_events_chained_whole
        CHECK ((seq IS NULL) = (prev_hash IS NULL) AND (seq IS NULL) = (hash IS NULL));
COMMENT ON COLUMN audit_events.seq IS
    'Position in the municipality''s chain, from 1; NULL until the sequencer chains the event (with prev_hash, hash).';
COMMENT ON COLUMN audit_events.occurred_at IS
    'The writer''s clock at insert, raised when chained to the previous event''s time if earlier: never decreases '
    'along a chain.';

-- What the sequencer polls: stays small (about a second of writes), however long the trail.
CREATE INDEX audit_events_unchained ON audit_events (id) WHERE seq IS NULL;

-- A writer states what happened; where the event sits in its chain is not the writer's business, and when it was
-- written is the database's clock, not the writer's say.
DROP TRIGGER audit_events_chain ON audit_events;
DROP FUNCTION audit_events_chain();
CREATE FUNCTION audit_events_admit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.seq IS NOT NULL OR NEW.prev_hash IS NOT NULL OR NEW.hash IS NOT NULL THEN
        RAISE EXCEPTION 'audit events are inserted unchained: only the sequencer gives seq, prev_hash and hash'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.details IS DISTINCT FROM audit_canonical_json(NEW.details::jsonb) THEN
        RAISE EXCEPTION 'audit details must be canonical JSON' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    NEW.occurred_at := clock_timestamp();
    RETURN NEW;
END $$;
CREATE TRIGGER audit_events_admit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_admit();

-- One field of the canonical bytes, exactly as before; declared STABLE like convert_to, which lets PostgreSQL
-- inline it into audit_event_bytes (an IMMUTABLE function calling a STABLE one is called, not inlined): hashing
-- an event (twice when chained, once at every verification) costs about half as much.
CREATE OR REPLACE FUNCTION audit_field(t text) RETURNS bytea LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN t IS NULL THEN '\xffffffff'::bytea
                ELSE int4send(octet_length(convert_to(t, 'UTF8'))) || convert_to(t, 'UTF8') END
$$;

-- The one change an event may ever undergo: unchained events get their place in their chain, in the four
-- chaining columns only, exactly where the head says. Checked once per statement over all the rows it changed
-- (the sequencer chains a whole batch in one UPDATE; a trigger per row cost more than the update itself): per
-- municipality, in seq order, the k-th event must have seq = last_seq + k, prev_hash = the hash before it (the
-- head's for the first), occurred_at = its own raised to the time before it, and hash = SHA-256(prev_hash ||
-- canonical bytes); then the head moves to the last one. Whoever issues the UPDATE, nothing else passes: a chained
-- event never changes, and a forged link is refused. The transition tables carry no statistics: a nested loop over
-- them would compare every old row with every new one (a 16,000-event batch took 80 s), hence no nested loops.
CREATE FUNCTION audit_events_link() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off AS $$
DECLARE
    bad record;
BEGIN
    INSERT INTO audit_chain_heads (municipality_code)
    SELECT DISTINCT municipality_code FROM new_events ORDER BY 1 ON CONFLICT DO NOTHING;
    PERFORM 1 FROM audit_chain_heads WHERE municipality_code IN (SELECT municipality_code FROM new_events)
      ORDER BY municipality_code FOR UPDATE;
    -- Every column but the four chaining ones is compared (a test pins the table's columns to this list).
    SELECT l.id, l.problem INTO bad FROM (
        SELECT n.id,
               CASE
                   WHEN o.seq IS NOT NULL THEN 'a chained audit event never changes'
                   WHEN (n.municipality_code, n.actor_kind, n.actor, n.action, n.request_id, n.task_id, n.details)
                        IS DISTINCT FROM (o.municipality_code, o.actor_kind, o.actor, o.action, o.request_id,
                                          o.task_id, o.details)
                       THEN 'only the chaining columns of an unchained event may change'
                   WHEN n.seq IS DISTINCT FROM h.last_seq + row_number() OVER w
                        OR n.prev_hash IS DISTINCT FROM coalesce(lag(n.hash) OVER w, h.last_hash)
                        OR n.occurred_at IS DISTINCT FROM
                           greatest(o.occurred_at, coalesce(lag(n.occurred_at) OVER w, h.last_occurred_at))
                        OR n.hash IS DISTINCT FROM sha256(n.prev_hash || audit_event_bytes(n::audit_events))
                       THEN 'not the link its chain head dictates'
               END AS problem
          FROM new_events n
          JOIN old_events o ON o.id = n.id
          JOIN audit_chain_heads h ON h.municipality_code = n.municipality_code
        WINDOW w AS (PARTITION BY n.municipality_code ORDER BY n.seq)
    ) l
     WHERE l.problem IS NOT NULL
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'UPDATE on audit_events is refused (event %): %', bad.id, bad.problem
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (SELECT count(*) FROM old_events) <> (SELECT count(*) FROM new_events n JOIN old_events o ON o.id = n.id) THEN
        RAISE EXCEPTION 'UPDATE on audit_events is refused: an event''s id never changes'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE audit_chain_heads h SET last_seq = t.seq, last_hash = t.hash, last_occurred_at = t.occurred_at
      FROM (SELECT DISTINCT ON (municipality_code) municipality_code, seq, hash, occurred_at
              FROM new_events ORDER BY municipality_code, seq DESC) t
     WHERE h.municipality_code = t.municipality_code;
    RETURN NULL;
END $$;
DROP TRIGGER audit_events_append_only ON audit_events;
CREATE TRIGGER audit_events_append_only BEFORE DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_rewrite();
CREATE TRIGGER audit_events_link AFTER UPDATE ON audit_events
    REFERENCING OLD TABLE AS old_events NEW TABLE AS new_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_link();

-- A head starts at genesis and only moves forward, from the link trigger (hence the trigger depth), which has
-- checked every link up to where it moves: a forged head cannot be inserted or wound back.
CREATE OR REPLACE FUNCTION guard_chain_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' AND NEW.last_seq = 0 AND NEW.last_hash = decode(repeat('00', 32), 'hex')
       AND NEW.last_occurred_at IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.municipality_code = OLD.municipality_code
       AND NEW.last_seq > OLD.last_seq THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit chain heads start at genesis and only move forward'
        USING ERRCODE = 'insufficient_privilege';
END $$;

-- The sequencer: chains up to p_limit committed, unchained events (the oldest ids first), each municipality's in
-- id order after its head, in one UPDATE in the caller's transaction. Returns how many it chained, or NULL when
-- another sequencer holds the lock (transaction-scoped, so a crash or a rollback frees it with the batch undone).
-- Commit order: what one call sees is what had committed when it started; a transaction that commits later is
-- chained by a later call, after everything chained before it.
CREATE FUNCTION audit_chain_pending(p_limit integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    ev audit_events;
    head audit_chain_heads;
    ids bigint[] := '{}';
    seqs bigint[] := '{}';
    prev_hashes bytea[] := '{}';
    times timestamptz[] := '{}';
    hashes bytea[] := '{}';
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('nafidha:audit-sequencer')) THEN
        RETURN NULL;
    END IF;
    -- Both statements reach the events through the partial index of unchained ones, never the whole table.
    FOR ev IN SELECT b.* FROM (SELECT * FROM audit_events WHERE seq IS NULL ORDER BY id LIMIT p_limit) b
               ORDER BY b.municipality_code, b.id LOOP
        IF head.municipality_code IS DISTINCT FROM ev.municipality_code THEN
            INSERT INTO audit_chain_heads (municipality_code) VALUES (ev.municipality_code) ON CONFLICT DO NOTHING;
            SELECT * INTO head FROM audit_chain_heads WHERE municipality_code = ev.municipality_code FOR UPDATE;
        END IF;
        ev.seq := head.last_seq + 1;
        ev.prev_hash := head.last_hash;
        ev.occurred_at := greatest(ev.occurred_at, head.last_occurred_at);
        ev.hash := sha256(ev.prev_hash || audit_event_bytes(ev));
        ids := ids || ev.id;
        seqs := seqs || ev.seq;
        prev_hashes := prev_hashes || ev.prev_hash;
        times := times || ev.occurred_at;
        hashes := hashes || ev.hash;
        head.last_seq := ev.seq;
        head.last_hash := ev.hash;
        head.last_occurred_at := ev.occurred_at;
    END LOOP;
    UPDATE audit_events e SET seq = v.seq, prev_hash = v.prev_hash, occurred_at = v.occurred_at, hash = v.hash
      FROM unnest(ids, seqs, prev_hashes, times, hashes) AS v (id, seq, prev_hash, occurred_at, hash)
     WHERE e.id = v.id AND e.seq IS NULL;
    RETURN cardinality(ids);
END $$;

-- Same signature and checks as before; the event returned is unchained (seq, prev_hash and hash NULL).
CREATE OR REPLACE FUNCTION append_audit_event(p_municipality text, p_actor_kind text, p_actor text, p_action text,
                                              p_request_id bigint, p_task_id bigint, p_details jsonb)
RETURNS audit_events LANGUAGE plpgsql AS $$
DECLARE
    ev audit_events;
BEGIN
    IF p_details IS NULL OR jsonb_typeof(p_details) <> 'object' THEN
        RAISE EXCEPTION 'audit details must be a JSON object' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_request_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM requests WHERE id = p_request_id AND municipality_code = p_municipality) THEN
        RAISE EXCEPTION 'request % is not in municipality %', p_request_id, p_municipality
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF p_task_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM tasks WHERE id = p_task_id AND request_id = p_request_id) THEN
        RAISE EXCEPTION 'task % is not a step of request %', p_task_id, p_request_id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    INSERT INTO audit_events (municipality_code, actor_kind, actor, action, request_id, task_id, details)
    VALUES (p_municipality, p_actor_kind, p_actor, p_action, p_request_id, p_task_id, audit_canonical_json(p_details))
    RETURNING * INTO ev;
    RETURN ev;
END $$;

-- Verifies the chained events only; unchained ones are not part of the chain yet.
CREATE OR REPLACE FUNCTION audit_verify_chain(p_municipality text)
RETURNS TABLE (intact boolean, events_checked bigint, broken_seq bigint, broken_event_id bigint, problem text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    ev audit_events;
    expected_seq bigint := 1;
    prev bytea := decode(repeat('00', 32), 'hex');
    head audit_chain_heads;
BEGIN
    FOR ev IN SELECT * FROM audit_events WHERE municipality_code = p_municipality AND seq IS NOT NULL
               ORDER BY seq, id LOOP
        problem := CASE
            WHEN ev.seq <> expected_seq THEN 'sequence_gap'
            WHEN ev.prev_hash <> prev THEN 'previous_hash_mismatch'
            WHEN ev.hash <> sha256(ev.prev_hash || audit_event_bytes(ev)) THEN 'hash_mismatch'
        END;
        IF problem IS NOT NULL THEN
            RETURN QUERY SELECT false, expected_seq - 1, ev.seq, ev.id, problem;
            RETURN;
        END IF;
        expected_seq := expected_seq + 1;
        prev := ev.hash;
    END LOOP;
    SELECT * INTO head FROM audit_chain_heads WHERE municipality_code = p_municipality;
    IF coalesce(head.last_seq, 0) <> expected_seq - 1 OR coalesce(head.last_hash, prev) <> prev THEN
        RETURN QUERY SELECT false, expected_seq - 1, head.last_seq, NULL::bigint, 'head_mismatch';
        RETURN;
    END IF;
    RETURN QUERY SELECT true, expected_seq - 1, NULL::bigint, NULL::bigint, NULL::text;
END $$;

-- What an auditor exports to re-verify a chain: chained events only.
CREATE OR REPLACE VIEW audit_event_export AS
SELECT municipality_code, seq, audit_time_text(occurred_at) AS occurred_at, actor_kind, actor, action,
       request_id, task_id, details, encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash
  FROM audit_events
 WHERE seq IS NOT NULL;
