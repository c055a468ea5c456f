-- Issue 17, verifiable decisions (docs/verification.md): each municipality's audit chain becomes the leaves of an
-- RFC 9162 Merkle tree, kept beside the chain (which stays), whose heads the server signs as checkpoints; and a
-- decided request leaves a `decided` event whose details are the decision's facts, the leaf a decision document
-- proves.

-- A request's decision, as one audit event: what the decision document shows and its inclusion proof covers.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('submitted', 'task_opened', 'claimed', 'released', 'approved', 'rejected',
                      'information_requested', 'citizen_replied', 'forwarded', 'escalated', 'cancelled',
                      'personal_data_viewed', 'note_added', 'webhook_created', 'webhook_deleted', 'decided'));

-- One decision per request, and the way to find it.
CREATE UNIQUE INDEX audit_events_decision ON audit_events (request_id) WHERE action = 'decided';

-- The facts of a decided (approved or rejected) request, NULL for any other: its tracking number, outcome and
-- time, its municipality and service with their names in ar/fr/en as they are now, and every step's sector (named
-- likewise), office, decision and time, in workflow order. No personal data: the trail keeps it out
-- (docs/audit.md). Times are UTC to the second.
CREATE FUNCTION decision_facts(p_request bigint) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object(
               'tracking_number', r.tracking_number,
               'outcome', r.status,
               'decided_at', to_char(r.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               'municipality', jsonb_build_object(
                   'code', m.code, 'name', jsonb_build_object('ar', m.name_ar, 'fr', m.name_fr, 'en', m.name_en)),
               'service', jsonb_build_object(
                   'code', s.code, 'name', jsonb_build_object('ar', s.name_ar, 'fr', s.name_fr, 'en', s.name_en)),
               'decisions', (SELECT jsonb_agg(jsonb_build_object(
                                        'stage', t.stage_no, 'step', t.step_no, 'office', t.office_code,
                                        'sector', jsonb_build_object(
                                            'code', c.code,
                                            'name', jsonb_build_object('ar', c.name_ar, 'fr', c.name_fr,
                                                                       'en', c.name_en)),
                                        'decision', t.status,
                                        'decided_at',
                                        to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                                    ORDER BY t.stage_no, t.step_no)
                               FROM tasks t JOIN sectors c ON c.code = t.sector_code
                              WHERE t.request_id = r.id))
      FROM requests r
      JOIN municipalities m ON m.code = r.municipality_code
      JOIN services s ON s.code = r.service_code
     WHERE r.id = p_request AND r.status IN ('approved', 'rejected')
$$;

-- Appends the `decided` event of request p_request (unchained, like every writer's event) and returns its id. The
-- workflow engine calls it in the transaction that decides the request, after that change's other events.
CREATE FUNCTION append_decision_event(p_request bigint) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    facts jsonb := decision_facts(p_request);
    event_id bigint;
BEGIN
    IF facts IS NULL THEN
        RAISE EXCEPTION 'request % is not decided', p_request USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO audit_events (municipality_code, actor_kind, actor, action, request_id, task_id, details)
    SELECT r.municipality_code, 'system', 'nafidha', 'decided', r.id, NULL, audit_canonical_json(facts)
      FROM requests r WHERE r.id = p_request
    RETURNING id INTO event_id;
    RETURN event_id;
END $$;

-- Requests decided before this migration get their decision event now, oldest decision first.
INSERT INTO audit_events (municipality_code, actor_kind, actor, action, request_id, task_id, details)
SELECT r.municipality_code, 'system', 'nafidha', 'decided', r.id, NULL, audit_canonical_json(decision_facts(r.id))
  FROM requests r
 WHERE r.status IN ('approved', 'rejected')
 ORDER BY r.closed_at, r.id;

-- The Merkle tree of each municipality's chain (RFC 9162 §2.1): level 0 holds the leaf hashes, leaf i being
-- SHA-256(0x00 ‖ audit_event_bytes(the event of seq i + 1)); level k > 0 holds the hash of every complete subtree of
-- 2^k leaves, the one at `position` p covering leaves p·2^k to (p + 1)·2^k − 1. A complete subtree never changes,
-- so a proof over any tree size reads O(log n) stored hashes. Derived data: anyone can recompute it from the
-- chain, and verifiers trust only the signed checkpoints, never these rows.
CREATE TABLE audit_log_nodes (
    municipality_code  text     NOT NULL REFERENCES municipalities,
    level              smallint NOT NULL CHECK (level BETWEEN 0 AND 63),
    position           bigint   NOT NULL CHECK (position >= 0),
    hash               bytea    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (municipality_code, level, position)
);
COMMENT ON TABLE audit_log_nodes IS
    'Per municipality, the leaf hashes (level 0) and complete subtree hashes (level k: 2^k leaves) of the audit '
    'log''s Merkle tree; filled by audit_log_extend, append-only.';

-- The signed tree heads, every one kept: old checkpoints are served and proven consistent with newer ones.
CREATE TABLE audit_log_checkpoints (
    id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_code  text        NOT NULL REFERENCES municipalities,
    tree_size          bigint      NOT NULL CHECK (tree_size >= 1),
    root_hash          bytea       NOT NULL CHECK (octet_length(root_hash) = 32),
    signed_at          timestamptz NOT NULL,
    public_key         bytea       NOT NULL CHECK (octet_length(public_key) = 32),
    note               text        NOT NULL CHECK (octet_length(note) BETWEEN 1 AND 131072),
    UNIQUE (municipality_code, tree_size)
);
COMMENT ON TABLE audit_log_checkpoints IS
    'Signed checkpoints (c2sp.org/tlog-checkpoint signed notes) of each municipality''s audit log; append-only.';
COMMENT ON COLUMN audit_log_checkpoints.note IS
    'The signed note exactly as served: origin, tree size, base64 root hash, Timestamp line, signature line.';

CREATE FUNCTION refuse_audit_log_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is refused: the audit log is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_nodes_append_only BEFORE UPDATE OR DELETE ON audit_log_nodes
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_log_rewrite();
CREATE TRIGGER audit_log_nodes_no_truncate BEFORE TRUNCATE ON audit_log_nodes
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_log_rewrite();
CREATE TRIGGER audit_log_checkpoints_append_only BEFORE UPDATE OR DELETE ON audit_log_checkpoints
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_log_rewrite();
CREATE TRIGGER audit_log_checkpoints_no_truncate BEFORE TRUNCATE ON audit_log_checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_log_rewrite();

-- The number of leaves of p_municipality's log: its last leaf's position plus one (the primary key's last entry).
CREATE FUNCTION audit_log_size(p_municipality text) RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT coalesce((SELECT position + 1 FROM audit_log_nodes
                      WHERE municipality_code = p_municipality AND level = 0
                      ORDER BY position DESC LIMIT 1), 0)
$$;

-- Adds to p_municipality's log up to p_limit chained events after its last leaf, in seq order, with every subtree
-- they complete, and returns the log's new size. Extenders of one municipality take turns (a transaction-scoped
-- advisory lock), so the tree grows by whole batches; a batch is part of the caller's transaction.
CREATE FUNCTION audit_log_extend(p_municipality text, p_limit integer) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    old_size bigint;
    new_size bigint;
    added bigint;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('nafidha:audit-log'), hashtext(p_municipality));
    old_size := audit_log_size(p_municipality);
    -- The chain has no gap (docs/audit.md), so the next seqs are the next leaves.
    INSERT INTO audit_log_nodes (municipality_code, level, position, hash)
    SELECT e.municipality_code, 0, e.seq - 1, sha256('\x00'::bytea || audit_event_bytes(e))
      FROM audit_events e
     WHERE e.municipality_code = p_municipality AND e.seq > old_size AND e.seq <= old_size + p_limit
     ORDER BY e.seq;
    GET DIAGNOSTICS added = ROW_COUNT;
    new_size := old_size + added;
    -- Level k gains the subtrees from position old_size >> k to new_size >> k (exclusive); once a level gains
    -- none, no level above it does.
    FOR k IN 1..63 LOOP
        EXIT WHEN new_size >> k = old_size >> k;
        INSERT INTO audit_log_nodes (municipality_code, level, position, hash)
        SELECT p_municipality, k, l.position / 2, sha256('\x01'::bytea || l.hash || r.hash)
          FROM audit_log_nodes l
          JOIN audit_log_nodes r
            ON r.municipality_code = l.municipality_code AND r.level = l.level AND r.position = l.position + 1
         WHERE l.municipality_code = p_municipality AND l.level = k - 1
           AND l.position >= 2 * (old_size >> k) AND l.position < 2 * (new_size >> k) AND l.position % 2 = 0;
    END LOOP;
    RETURN new_size;
END $$;
