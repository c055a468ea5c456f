-- Issue 18, appeals (docs/appeals.md): within a per-service number of working days after a rejection the applicant
-- may appeal once; a supervisor of the municipality upholds the rejection or grants the appeal, which reopens the
-- rejected stage. (Assisted filing at the counter needs no schema change: channel 'counter' exists since 0002.)

-- Working days after a rejection during which the applicant may appeal; NULL: the default, 15.
ALTER TABLE services ADD COLUMN appeal_window_days integer CHECK (appeal_window_days BETWEEN 1 AND 365);
COMMENT ON COLUMN services.appeal_window_days IS
    'Working days after a rejection during which the applicant may appeal (docs/appeals.md); NULL: 15.';

-- The appellant's reason and the supervisor's decision are kept as messages, like a rejection's reason.
ALTER TABLE request_messages DROP CONSTRAINT request_messages_kind_check;
ALTER TABLE request_messages ADD CONSTRAINT request_messages_kind_check
    CHECK (kind IN ('question', 'reply', 'rejection_reason', 'forward_reason', 'note', 'appeal_reason',
                    'appeal_decision'));

-- One appeal per request (UNIQUE request_id: "once", even after a granted appeal and a second rejection). It waits
-- in the municipality's `appeals` queue, ordered by due_at, until a supervisor decides it.
CREATE TABLE appeals (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id           bigint NOT NULL UNIQUE REFERENCES requests,
    task_id              bigint NOT NULL REFERENCES tasks,            -- the rejected step
    municipality_code    text NOT NULL REFERENCES municipalities,
    sector_code          text NOT NULL REFERENCES sectors,            -- the sector that rejected
    status               text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'upheld', 'granted')),
    reason_message_id    bigint NOT NULL REFERENCES request_messages,
    filed_at             timestamptz NOT NULL,
    due_at               timestamptz NOT NULL,
    decided_at           timestamptz,
    decided_by           text CHECK (char_length(decided_by) BETWEEN 1 AND 100),
    decision_message_id  bigint REFERENCES request_messages,
    CHECK ((status = 'pending') = (decided_at IS NULL)),
    CHECK ((status = 'pending') = (decided_by IS NULL)),
    CHECK ((status = 'pending') = (decision_message_id IS NULL))
);
CREATE INDEX appeals_queue ON appeals (municipality_code, due_at, id) WHERE status = 'pending';
CREATE INDEX appeals_filed ON appeals (municipality_code, filed_at);

-- A granted appeal reopens a rejected request, which is decided again later: a request may now have several
-- `decided` events (0014 allowed one). The decision document is the latest one's.
DROP INDEX audit_events_decision;
CREATE INDEX audit_events_decision ON audit_events (request_id, id) WHERE action = 'decided';

ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('submitted', 'task_opened', 'claimed', 'released', 'approved', 'rejected',
                      'information_requested', 'citizen_replied', 'forwarded', 'escalated', 'cancelled',
                      'personal_data_viewed', 'note_added', 'webhook_created', 'webhook_deleted', 'decided',
                      'catalog_applied', 'document_attached', 'bill_created', 'bill_paid', 'receipt_cancelled',
                      'refund_due', 'refunded', 'callback_rejected', 'bill_cancelled', 'rated', 'moderated', 'appealed',
                      'appeal_upheld', 'appeal_granted'));

-- A queue nobody watches (docs/clerks.md, "Unwatched queues"): how many clerks could claim the tasks of a
-- municipality's sector now: active clerks of that municipality and sector, each with a token neither revoked nor
-- expired. Supervisors may claim any task of their municipality, but the alert is theirs: they do not count. Open
-- tasks in a queue with none wait for nobody.
CREATE FUNCTION queue_claimants(p_municipality text, p_sector text) RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT count(*)
      FROM staff s
     WHERE s.active AND s.role = 'clerk'
       AND EXISTS (SELECT 1 FROM staff_municipalities m WHERE m.staff_id = s.id AND m.municipality_code = p_municipality)
       AND EXISTS (SELECT 1 FROM staff_sectors c WHERE c.staff_id = s.id AND c.sector_code = p_sector)
       AND EXISTS (SELECT 1 FROM staff_tokens k
                    WHERE k.staff_id = s.id AND k.revoked_at IS NULL AND k.expires_at > now())
$$;
