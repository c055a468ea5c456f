-- Issue 11, the writer's side of the audit trail. A writer states what happened (municipality, actor, action,
-- request, task, canonical details) with a plain INSERT naming only those columns; where the event sits in its
-- chain is not the writer's business (the placeholders below are replaced by whatever chains the event). The
-- event's request and task are tied to its municipality by foreign keys, which PostgreSQL checks when the
-- statement ends: so one statement may insert a request, its tasks and its events in data-modifying CTEs, which
-- do not see each other's rows and so cannot pass append_audit_event's EXISTS checks.
ALTER TABLE audit_events ALTER COLUMN seq SET DEFAULT 0;
ALTER TABLE audit_events ALTER COLUMN occurred_at SET DEFAULT clock_timestamp();
ALTER TABLE audit_events ALTER COLUMN prev_hash SET DEFAULT '\x';
ALTER TABLE audit_events ALTER COLUMN hash SET DEFAULT '\x';

ALTER TABLE requests ADD CONSTRAINT requests_id_municipality UNIQUE (id, municipality_code);
ALTER TABLE tasks ADD CONSTRAINT tasks_id_request UNIQUE (id, request_id);
ALTER TABLE audit_events ADD CONSTRAINT audit_events_request_in_municipality
    FOREIGN KEY (request_id, municipality_code) REFERENCES requests (id, municipality_code);
ALTER TABLE audit_events ADD CONSTRAINT audit_events_task_of_request
    FOREIGN KEY (task_id, request_id) REFERENCES tasks (id, request_id);
