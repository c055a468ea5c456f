-- Issue 4, after submission: what clerks and citizens write to each other about a request — the clerk's question,
-- the citizen's answer, the reason for a rejection or a forward. Kept here and not in the audit trail, which can
-- never be erased, because an answer may carry personal data; the audit event names the message by its id.
CREATE TABLE request_messages (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id   bigint NOT NULL REFERENCES requests,
    task_id      bigint REFERENCES tasks,
    kind         text NOT NULL CHECK (kind IN ('question', 'reply', 'rejection_reason', 'forward_reason')),
    author_kind  text NOT NULL CHECK (author_kind IN ('citizen', 'clerk')),
    author       text NOT NULL CHECK (char_length(author) BETWEEN 1 AND 200),
    public       boolean NOT NULL,                 -- shown to the citizen in the request's timeline
    body         text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
    fields       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(fields) = 'object'),
    created_at   timestamptz NOT NULL
);
CREATE INDEX request_messages_request ON request_messages (request_id, id);
