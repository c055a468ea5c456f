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
-- an event (when chained, and at every verification) costs about half as much.
CREATE OR REPLACE FUNCTION audit_field(t text) RETURNS bytea LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN t IS NULL THEN '\xffffffff'::bytea
                ELSE int4send(octet_length(convert_to(t, 'UTF8'))) || convert_to(t, 'UTF8') END
$$;

-- The one change an event may ever undergo: an unchained event gets its place in the chain, in the chaining
-- columns only, exactly where the head says (seq = last_seq + 1, prev_hash = last_hash, occurred_at raised to the
-- head's time), its hash is computed here over the result (a hash given must be that one), and the head moves to
-- it. Whoever issues the UPDATE, nothing else passes: a chained event never changes, a forged link is refused.
CREATE FUNCTION audit_events_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head audit_chain_heads;
    computed bytea;
BEGIN
    IF OLD.seq IS NOT NULL THEN
        RAISE EXCEPTION 'UPDATE on audit_events is refused: a chained audit event never changes'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- Every column but the four chaining ones (a test proves this list covers the table).
    IF (NEW.id, NEW.municipality_code, NEW.actor_kind, NEW.actor, NEW.action, NEW.request_id, NEW.task_id,
        NEW.details) IS DISTINCT FROM (OLD.id, OLD.municipality_code, OLD.actor_kind, OLD.actor, OLD.action,
        OLD.request_id, OLD.task_id, OLD.details) THEN
        RAISE EXCEPTION 'UPDATE on audit_events is refused: only the chaining columns of an unchained event change'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO head FROM audit_chain_heads WHERE municipality_code = NEW.municipality_code FOR UPDATE;
    IF NOT FOUND THEN
        INSERT INTO audit_chain_heads (municipality_code) VALUES (NEW.municipality_code) ON CONFLICT DO NOTHING;
        SELECT * INTO head FROM audit_chain_heads WHERE municipality_code = NEW.municipality_code FOR UPDATE;
    END IF;
    computed := sha256(NEW.prev_hash || audit_event_bytes(NEW));
    IF NEW.seq IS DISTINCT FROM head.last_seq + 1
       OR NEW.prev_hash IS DISTINCT FROM head.last_hash
       OR NEW.occurred_at IS DISTINCT FROM greatest(OLD.occurred_at, head.last_occurred_at)
       OR coalesce(NEW.hash, computed) <> computed THEN
        RAISE EXCEPTION 'audit event % can only be chained as % seq %, after the head', OLD.id,
            NEW.municipality_code, head.last_seq + 1 USING ERRCODE = 'insufficient_privilege';
    END IF;
    NEW.hash := computed;
    UPDATE audit_chain_heads SET last_seq = NEW.seq, last_hash = NEW.hash, last_occurred_at = NEW.occurred_at
     WHERE municipality_code = NEW.municipality_code;
    RETURN NEW;
END $$;
DROP TRIGGER audit_events_append_only ON audit_events;
CREATE TRIGGER audit_events_append_only BEFORE DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_rewrite();
CREATE TRIGGER audit_events_link BEFORE UPDATE ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_link();

-- The sequencer: chains up to p_limit committed, unchained events (the oldest ids first), each municipality's in
-- id order after its head, in the caller's transaction. Returns how many it chained, or NULL when another
-- sequencer holds the lock (transaction-scoped, so a crash or a rollback frees it with the batch undone).
-- Commit order: what one call sees is what had committed when it started; a transaction that commits later is
-- chained by a later call, after everything chained before it.
CREATE FUNCTION audit_chain_pending(p_limit integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    ev audit_events;
    head audit_chain_heads;
    chained integer := 0;
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('nafidha:audit-sequencer')) THEN
        RETURN NULL;
    END IF;
    FOR ev IN SELECT e.* FROM audit_events e
               WHERE e.id IN (SELECT id FROM audit_events WHERE seq IS NULL ORDER BY id LIMIT p_limit)
               ORDER BY e.municipality_code, e.id LOOP
        IF head.municipality_code IS DISTINCT FROM ev.municipality_code THEN
            INSERT INTO audit_chain_heads (municipality_code) VALUES (ev.municipality_code) ON CONFLICT DO NOTHING;
            SELECT * INTO head FROM audit_chain_heads WHERE municipality_code = ev.municipality_code FOR UPDATE;
        END IF;
        ev.seq := head.last_seq + 1;
        ev.prev_hash := head.last_hash;
        ev.occurred_at := greatest(ev.occurred_at, head.last_occurred_at);
        -- The link trigger checks this link and computes the hash.
        UPDATE audit_events SET seq = ev.seq, prev_hash = ev.prev_hash, occurred_at = ev.occurred_at
         WHERE id = ev.id RETURNING hash INTO ev.hash;
        head.last_seq := ev.seq;
        head.last_hash := ev.hash;
        head.last_occurred_at := ev.occurred_at;
        chained := chained + 1;
    END LOOP;
    RETURN chained;
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
