-- Issue 18, the citizen's side: phone sign-in with "my requests", ratings (docs/citizens.md), and the moderation
-- of public text (docs/open311.md).

-- A sign-in code sent by SMS (POST /v1/citizen/codes). Only a salted SHA-256 of the six digits is kept. A code is
-- live for 10 minutes, until used, until a newer code for the same phone replaces it, or until 5 wrong tries lock
-- it. `client` is the address the request came from (an IPv6 client by its /64), so that the per-phone and
-- per-address limits hold across every server of the database.
CREATE TABLE citizen_sign_in_codes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone       text NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    client      text NOT NULL CHECK (char_length(client) BETWEEN 1 AND 100),
    salt        bytea NOT NULL CHECK (octet_length(salt) = 16),
    code_hash   bytea NOT NULL CHECK (octet_length(code_hash) = 32),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL CHECK (expires_at > created_at),
    attempts    integer NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 5),
    -- When it stopped being usable: used for a session, or replaced by a newer code.
    closed_at   timestamptz
);
CREATE INDEX citizen_sign_in_codes_phone ON citizen_sign_in_codes (phone, created_at);
CREATE INDEX citizen_sign_in_codes_client ON citizen_sign_in_codes (client, created_at);

-- A citizen's session: the requests whose applicant phone is `phone`. Only the SHA-256 of the token is kept.
CREATE TABLE citizen_sessions (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_hash  bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    phone       text NOT NULL CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL CHECK (expires_at > created_at),
    revoked_at  timestamptz
);
CREATE INDEX citizen_sessions_phone ON citizen_sessions (phone, created_at);

-- A sign-in code's SMS belongs to no request and no event: the notification carries its text, rendered when the
-- code was issued (`body`), and the text is erased as soon as the message is sent or dead-lettered, so no live code
-- stays readable in the outbox. It is given up when the code expires.
ALTER TABLE notifications
    ALTER COLUMN event_id DROP NOT NULL,
    ALTER COLUMN request_id DROP NOT NULL,
    ADD COLUMN body text CHECK (char_length(body) <= 1000),
    ADD CONSTRAINT notifications_body_while_pending CHECK (body IS NULL OR state = 'pending'),
    ADD CONSTRAINT notifications_event_or_body CHECK (
        (event_id IS NOT NULL AND request_id IS NOT NULL)
        OR (event_id IS NULL AND request_id IS NULL AND channel = 'sms' AND (body IS NOT NULL OR state <> 'pending')));

-- The applicant's rating of a decided request (POST /v1/requests/{tracking}/rating): once, 1 to 5, with an optional
-- comment that only supervisors read.
CREATE TABLE request_ratings (
    request_id  bigint PRIMARY KEY REFERENCES requests,
    score       smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment     text CHECK (char_length(comment) BETWEEN 1 AND 1000),
    rated_at    timestamptz NOT NULL
);
CREATE INDEX request_ratings_rated_at ON request_ratings (rated_at);

-- Moderation of public text (docs/open311.md, "Moderation"). A request's description is public in the Open311 views
-- (for public-report services) unless held, hidden or redacted; a public note shows on the citizen's timeline
-- unless hidden or redacted. A description that looks like it holds a national id or a phone number is held when
-- filed, until a clerk releases, redacts or hides it. The redacted text replaces the original in public views; the
-- original stays for staff.
ALTER TABLE requests
    ADD COLUMN description_moderation text NOT NULL DEFAULT 'public'
        CHECK (description_moderation IN ('public', 'held', 'hidden', 'redacted')),
    ADD COLUMN description_redacted text CHECK (char_length(description_redacted) <= 4000),
    ADD CONSTRAINT requests_description_redacted CHECK (
        (description_moderation = 'redacted') = (description_redacted IS NOT NULL));
ALTER TABLE request_messages
    ADD COLUMN moderation text NOT NULL DEFAULT 'public' CHECK (moderation IN ('public', 'hidden', 'redacted')),
    ADD COLUMN redacted_body text CHECK (char_length(redacted_body) BETWEEN 1 AND 4000),
    ADD CONSTRAINT request_messages_redacted CHECK ((moderation = 'redacted') = (redacted_body IS NOT NULL)),
    ADD CONSTRAINT request_messages_moderated_public CHECK (moderation = 'public' OR (kind = 'note' AND public));

-- Every moderation, with its reason: the audit event `moderated` names the row, so the trail holds no free text.
CREATE TABLE request_moderations (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id   bigint NOT NULL REFERENCES requests,
    message_id   bigint REFERENCES request_messages,
    action       text NOT NULL CHECK (action IN ('release', 'hide', 'redact')),
    reason       text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
    staff        text NOT NULL CHECK (char_length(staff) BETWEEN 1 AND 200),
    created_at   timestamptz NOT NULL
);
CREATE INDEX request_moderations_request ON request_moderations (request_id, id);

ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('submitted', 'task_opened', 'claimed', 'released', 'approved', 'rejected',
                      'information_requested', 'citizen_replied', 'forwarded', 'escalated', 'cancelled',
                      'personal_data_viewed', 'note_added', 'webhook_created', 'webhook_deleted', 'decided',
                      'catalog_applied', 'document_attached', 'bill_created', 'bill_paid', 'receipt_cancelled',
                      'refund_due', 'refunded', 'callback_rejected', 'bill_cancelled', 'rated', 'moderated'));
