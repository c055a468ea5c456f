-- Issue 14, notifications: the window speaks first (docs/notifications.md). Every citizen-visible change writes,
-- in its own transaction, one row per event (notification_events, the outbox and the integrators' feed) and one row
-- per message to send (notifications: an SMS, an e-mail or a webhook delivery). Nothing is sent inside a request's
-- transaction: delivery workers in `nafidha serve` claim due rows afterwards, send, and record every attempt.

-- The citizen's choices, kept with the request: the language of the texts, the channels, and whether Arabic texts
-- write digits as the applicant did (Arabic-Indic) or in ASCII.
ALTER TABLE requests
    ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('ar', 'fr', 'en')),
    ADD COLUMN notify_sms boolean NOT NULL DEFAULT false,
    ADD COLUMN notify_email boolean NOT NULL DEFAULT false,
    ADD COLUMN arabic_digits boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT requests_notify_sms_needs_phone CHECK (NOT notify_sms OR applicant_phone IS NOT NULL),
    ADD CONSTRAINT requests_notify_email_needs_address CHECK (NOT notify_email OR applicant_email IS NOT NULL);

-- Where supervisors and clerks hear of escalations and approaching deadlines (`nafidha admin set-contact`).
ALTER TABLE staff
    ADD COLUMN email text CHECK (char_length(email) <= 254 AND email ~ '^[^@\s]+@[^@\s]+$'),
    ADD COLUMN phone text CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    ADD COLUMN language text NOT NULL DEFAULT 'en' CHECK (language IN ('ar', 'fr', 'en'));

-- An integrator's subscription (`nafidha admin create-webhook`). The secret is the HMAC-SHA256 key of the Standard
-- Webhooks signature, so it is kept as it is (it is shown once, as whsec_ and its base64). Empty filters match
-- everything. A deleted subscription stays, so the deliveries made to it keep their history.
CREATE TABLE webhooks (
    id                     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    url                    text NOT NULL CHECK (url ~ '^https?://[^\s]+$' AND char_length(url) <= 2000),
    secret                 bytea NOT NULL CHECK (octet_length(secret) = 32),
    event_types            text[] NOT NULL DEFAULT '{}' CHECK (event_types <@ ARRAY[
                               'request.submitted', 'request.info_requested', 'request.reply_received',
                               'request.stage_completed', 'request.approved', 'request.rejected',
                               'request.cancelled', 'request.note_added', 'task.deadline_approaching',
                               'task.escalated']),
    municipalities         text[] NOT NULL DEFAULT '{}',
    sectors                text[] NOT NULL DEFAULT '{}',
    include_personal_data  boolean NOT NULL DEFAULT false,
    created_at             timestamptz NOT NULL DEFAULT now(),
    deleted_at             timestamptz
);
COMMENT ON TABLE webhooks IS
    'Integrators'' subscriptions; empty filters match every event type, municipality or sector.';

-- One row per event, written in the transaction of the change it reports. `data` never holds personal data (the
-- applicant's name, ids or contacts, or what anybody wrote): the texts are referenced (message_id) and read only to
-- render a message for the citizen, or for a subscription that includes personal data. `feed_position` is given
-- after commit, in commit order, by one publisher at a time (notification_publish_pending): the feed pages by it.
CREATE TABLE notification_events (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    type               text NOT NULL CHECK (type IN (
                           'request.submitted', 'request.info_requested', 'request.reply_received',
                           'request.stage_completed', 'request.approved', 'request.rejected', 'request.cancelled',
                           'request.note_added', 'task.deadline_approaching', 'task.escalated')),
    request_id         bigint NOT NULL REFERENCES requests,
    task_id            bigint REFERENCES tasks,
    message_id         bigint REFERENCES request_messages,
    municipality_code  text NOT NULL REFERENCES municipalities,
    -- The sectors concerned: the task's for a task event, every task's for a request event.
    sectors            text[] NOT NULL,
    occurred_at        timestamptz NOT NULL,
    -- The deadline a task.deadline_approaching event announces: each task's deadline is announced once.
    due_at             timestamptz,
    data               jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object'),
    feed_position      bigint UNIQUE CHECK (feed_position >= 1),
    CHECK ((type = 'task.deadline_approaching') = (due_at IS NOT NULL)),
    CHECK (type NOT LIKE 'task.%' OR task_id IS NOT NULL)
);
CREATE INDEX notification_events_unpublished ON notification_events (id) WHERE feed_position IS NULL;
CREATE UNIQUE INDEX notification_events_deadline_once ON notification_events (task_id, due_at)
    WHERE type = 'task.deadline_approaching';

-- One message to send: an SMS or an e-mail to `recipient` (the citizen, or a staff member), or a delivery to a
-- webhook. `message_id` is its stable identity, sent with every attempt so receivers can drop duplicates. A pending
-- row is due at `next_attempt_at`; a worker that claims it moves that instant past its lease, so a worker that dies
-- mid-delivery leaves the row pending and due again when the lease ends (at least once). Retries stop at
-- `give_up_at` (24 h after creation or redelivery) and the row is dead-lettered.
CREATE TABLE notifications (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id        uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    event_id          bigint NOT NULL REFERENCES notification_events,
    request_id        bigint NOT NULL REFERENCES requests,
    channel           text NOT NULL CHECK (channel IN ('sms', 'email', 'webhook')),
    recipient         text CHECK (char_length(recipient) <= 254),
    webhook_id        bigint REFERENCES webhooks,
    staff_id          bigint REFERENCES staff,
    language          text NOT NULL CHECK (language IN ('ar', 'fr', 'en')),
    state             text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dead')),
    attempts          integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at        timestamptz NOT NULL,
    next_attempt_at   timestamptz NOT NULL,
    give_up_at        timestamptz NOT NULL,
    last_attempt_at   timestamptz,
    sent_at           timestamptz,
    last_status_code  integer,
    last_error        text CHECK (char_length(last_error) <= 500),
    CHECK ((channel = 'webhook') = (webhook_id IS NOT NULL)),
    CHECK ((channel = 'webhook') = (recipient IS NULL)),
    CHECK ((state = 'sent') = (sent_at IS NOT NULL))
);
-- What the workers poll, per channel: only pending rows, however long the history.
CREATE INDEX notifications_due ON notifications (channel, next_attempt_at, id) WHERE state = 'pending';
-- A request's messages in order: `nafidha show`, and the rule that a message waits for the earlier ones of the same
-- request, channel and recipient (delivery in order).
CREATE INDEX notifications_request ON notifications (request_id, id);
CREATE INDEX notifications_dead ON notifications (last_attempt_at) WHERE state = 'dead';

-- Every attempt: when, what came back, and what was decided.
CREATE TABLE notification_attempts (
    notification_id  bigint NOT NULL REFERENCES notifications,
    attempt          integer NOT NULL CHECK (attempt >= 1),
    started_at       timestamptz NOT NULL,
    finished_at      timestamptz NOT NULL,
    outcome          text NOT NULL CHECK (outcome IN ('sent', 'retry', 'failed')),
    status_code      integer,
    error            text CHECK (char_length(error) <= 500),
    PRIMARY KEY (notification_id, attempt)
);

-- The subscriptions an event goes to. A SQL function the planner inlines, so every writer applies one rule.
CREATE FUNCTION notification_subscribers(p_type text, p_municipality text, p_sectors text[])
RETURNS SETOF webhooks LANGUAGE sql STABLE AS $$
    SELECT w.* FROM webhooks w
     WHERE w.deleted_at IS NULL
       AND (w.event_types = '{}' OR p_type = ANY (w.event_types))
       AND (w.municipalities = '{}' OR p_municipality = ANY (w.municipalities))
       AND (w.sectors = '{}' OR w.sectors && p_sectors)
$$;

-- The feed's publisher: gives up to p_limit committed, unpublished events their feed_position, the oldest ids
-- first, after the last position given. Returns how many, or NULL when another publisher holds the lock
-- (transaction-scoped: a crash or rollback frees it and undoes the batch). What one call sees is what had committed
-- when it started, and the next call cannot start before this one commits: positions are never seen out of order.
CREATE FUNCTION notification_publish_pending(p_limit integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    published integer;
BEGIN
    IF NOT pg_try_advisory_xact_lock(hashtext('nafidha:notification-feed')) THEN
        RETURN NULL;
    END IF;
    WITH next AS (
        SELECT id, row_number() OVER (ORDER BY id) AS n
          FROM (SELECT id FROM notification_events WHERE feed_position IS NULL ORDER BY id LIMIT p_limit) u
    )
    UPDATE notification_events e
       SET feed_position = (SELECT coalesce(max(feed_position), 0) FROM notification_events) + next.n
      FROM next
     WHERE e.id = next.id;
    GET DIAGNOSTICS published = ROW_COUNT;
    RETURN published;
END $$;

-- Subscriptions that include personal data are recorded in the audit trail when created and deleted.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('submitted', 'task_opened', 'claimed', 'released', 'approved', 'rejected',
                      'information_requested', 'citizen_replied', 'forwarded', 'escalated', 'cancelled',
                      'personal_data_viewed', 'note_added', 'webhook_created', 'webhook_deleted'));
