-- Issue 5, clerks: staff accounts with roles and scopes, their API tokens, claim leases and escalation marks on
-- tasks. docs/clerks.md explains the rules; authorization itself lives in the service layer (NafidhaCore/Staff).

-- A staff member. `name` is the login handle the operator types (`nafidha admin issue-token NAME`) and the value a
-- claimed task's `assignee` holds. Clerks and supervisors are scoped to municipalities (and clerks to sectors);
-- an auditor or admin without municipalities is national.
CREATE TABLE staff (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
    role        text NOT NULL CHECK (role IN ('clerk', 'supervisor', 'auditor', 'admin')),
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE staff_municipalities (
    staff_id           bigint NOT NULL REFERENCES staff,
    municipality_code  text NOT NULL REFERENCES municipalities,
    PRIMARY KEY (staff_id, municipality_code)
);

CREATE TABLE staff_sectors (
    staff_id     bigint NOT NULL REFERENCES staff,
    sector_code  text NOT NULL REFERENCES sectors,
    PRIMARY KEY (staff_id, sector_code)
);

-- Bearer tokens: only the SHA-256 of the token text is kept; the token itself is shown once when issued.
CREATE TABLE staff_tokens (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    staff_id      bigint NOT NULL REFERENCES staff,
    token_hash    bytea NOT NULL UNIQUE CHECK (octet_length(token_hash) = 32),
    created_at    timestamptz NOT NULL DEFAULT now(),
    expires_at    timestamptz NOT NULL,
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    CHECK (expires_at > created_at)
);
CREATE INDEX staff_tokens_staff ON staff_tokens (staff_id);

-- A claim is a lease: without action it lapses at lease_expires_at and the sweep puts the task back in its queue
-- (the value means something only while the task is 'claimed'; other transitions need not clear it).
-- escalated_at marks a task the sweep found overdue, so each overdue task is escalated (and audited) once.
ALTER TABLE tasks ADD COLUMN lease_expires_at timestamptz;
ALTER TABLE tasks ADD COLUMN escalated_at timestamptz;
CREATE INDEX tasks_lease ON tasks (lease_expires_at) WHERE status = 'claimed';
CREATE INDEX tasks_not_escalated_due ON tasks (due_at)
    WHERE status IN ('open', 'claimed') AND escalated_at IS NULL;
-- claim-next probes each (municipality, sector) queue in claim order and stops at the first unlocked row.
CREATE INDEX tasks_claim_order ON tasks (municipality_code, sector_code, priority DESC, due_at, id) WHERE status = 'open';
