-- Nafidha's whole current schema, for reading and review. The database is built by the numbered files in
-- migrations/ (nafidha migrate); a test checks that applying them gives exactly this schema.


-- ===== migrations/0001_foundation.sql =====

CREATE TABLE schema_migrations (
    version    integer     PRIMARY KEY CHECK (version > 0),
    name       text        NOT NULL CHECK (name <> ''),
    checksum   text        NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
    applied_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE schema_migrations IS
    'One row per applied file of migrations/, written in the same transaction as the migration itself.';
COMMENT ON COLUMN schema_migrations.checksum IS
    'SHA-256 (hex) of the migration text as applied; nafidha migrate refuses a file that changed since.';

-- ===== migrations/0002_single_window.sql =====
-- Issue 4, the single window: catalog, municipal overlays, requests, tasks (queues) and the audit chain.
-- Runs inside one transaction (the migrator wraps it). docs/state-machine.md and docs/audit.md explain the rules
-- these tables enforce; docs/glossary.md gives the words in Arabic, French and English.

-- ---------------------------------------------------------------------------------------------------------
-- Catalog: countries, holidays, municipalities, sectors, offices
-- ---------------------------------------------------------------------------------------------------------

CREATE TABLE countries (
    code                 text PRIMARY KEY CHECK (code ~ '^[A-Z]{2}$'),           -- ISO 3166-1 alpha-2
    name_ar              text NOT NULL CHECK (name_ar <> ''),
    name_fr              text NOT NULL CHECK (name_fr <> ''),
    name_en              text NOT NULL CHECK (name_en <> ''),
    -- IANA zone; the CHECK makes PostgreSQL refuse a zone name it does not know.
    time_zone            text NOT NULL CHECK (('2000-01-01 00:00:00+00'::timestamptz AT TIME ZONE time_zone) IS NOT NULL),
    -- ISO weekday numbers (1 = Monday ... 7 = Sunday); at least one working day must remain.
    weekend_days         smallint[] NOT NULL
        CHECK (weekend_days <@ ARRAY[1, 2, 3, 4, 5, 6, 7]::smallint[] AND cardinality(weekend_days) < 7),
    currency_code        text NOT NULL CHECK (currency_code ~ '^[A-Z]{3}$'),      -- ISO 4217
    phone_country_code   text NOT NULL CHECK (phone_country_code ~ '^[1-9][0-9]{0,2}$'),
    -- The national significant number (digits after the country code) as an anchored POSIX regex.
    phone_national_pattern text NOT NULL CHECK (phone_national_pattern ~ '^\^.*\$$'),
    -- National id rule as data: an anchored regex over ASCII digits (after Arabic-Indic digits are normalised)
    -- and, when the id embeds a birth year, its 1-based position (4 digits, between 1900 and the current year).
    national_id_pattern  text NOT NULL CHECK (national_id_pattern ~ '^\^.*\$$'),
    national_id_birth_year_position smallint CHECK (national_id_birth_year_position BETWEEN 1 AND 60),
    national_id_hint_ar  text NOT NULL,
    national_id_hint_fr  text NOT NULL,
    national_id_hint_en  text NOT NULL
);

CREATE TABLE public_holidays (
    country_code  text NOT NULL REFERENCES countries,
    holiday_date  date NOT NULL,
    name_ar       text NOT NULL CHECK (name_ar <> ''),
    name_fr       text NOT NULL CHECK (name_fr <> ''),
    name_en       text NOT NULL CHECK (name_en <> ''),
    -- Islamic holidays follow the moon sighting: the date is an estimate until the authorities announce it.
    estimated     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (country_code, holiday_date)
);

CREATE TABLE municipalities (
    code          text PRIMARY KEY CHECK (code ~ '^[A-Z]{3}$'),   -- also the tracking-number prefix
    country_code  text NOT NULL REFERENCES countries,
    name_ar       text NOT NULL CHECK (name_ar <> ''),
    name_fr       text NOT NULL CHECK (name_fr <> ''),
    name_en       text NOT NULL CHECK (name_en <> ''),
    capital       boolean NOT NULL DEFAULT false
);
CREATE INDEX municipalities_country ON municipalities (country_code);

CREATE TABLE sectors (
    code     text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$'),
    name_ar  text NOT NULL CHECK (name_ar <> ''),
    name_fr  text NOT NULL CHECK (name_fr <> ''),
    name_en  text NOT NULL CHECK (name_en <> '')
);

-- An office is where a queue is worked. A municipality has its own office per sector it serves ('municipal');
-- a 'special' office (e.g. a capital planning authority) may serve several municipalities and has none of its own.
CREATE TABLE offices (
    code               text PRIMARY KEY CHECK (code ~ '^[A-Z]{3}-[A-Z0-9_]{2,40}$'),
    kind               text NOT NULL CHECK (kind IN ('municipal', 'special')),
    country_code       text NOT NULL REFERENCES countries,
    municipality_code  text REFERENCES municipalities,
    sector_code        text NOT NULL REFERENCES sectors,
    name_ar            text NOT NULL CHECK (name_ar <> ''),
    name_fr            text NOT NULL CHECK (name_fr <> ''),
    name_en            text NOT NULL CHECK (name_en <> ''),
    CHECK ((kind = 'municipal') = (municipality_code IS NOT NULL))
);
-- The default routing target: a municipality's own office for a sector.
CREATE UNIQUE INDEX offices_municipal_sector ON offices (municipality_code, sector_code) WHERE kind = 'municipal';

-- ---------------------------------------------------------------------------------------------------------
-- Services: form fields, choices, documents, fees, workflow
-- ---------------------------------------------------------------------------------------------------------

CREATE TABLE services (
    code            text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{1,62}$'),
    sector_code     text NOT NULL REFERENCES sectors,              -- the owning sector
    name_ar         text NOT NULL CHECK (name_ar <> ''),
    name_fr         text NOT NULL CHECK (name_fr <> ''),
    name_en         text NOT NULL CHECK (name_en <> ''),
    description_ar  text NOT NULL,
    description_fr  text NOT NULL,
    description_en  text NOT NULL,
    sla_days        integer NOT NULL CHECK (sla_days BETWEEN 1 AND 365),   -- working days, whole request
    public_report   boolean NOT NULL DEFAULT false,                      -- offered through Open311 later
    keywords        text[] NOT NULL DEFAULT '{}'
);

-- Fees are per country because each country has its own currency (countries.currency_code); no row = free.
CREATE TABLE service_fees (
    service_code  text NOT NULL REFERENCES services,
    country_code  text NOT NULL REFERENCES countries,
    amount        numeric(12, 3) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (service_code, country_code)
);

CREATE TABLE service_fields (
    service_code  text NOT NULL REFERENCES services,
    position      smallint NOT NULL CHECK (position >= 1),
    code          text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,62}$'),
    datatype      text NOT NULL CHECK (datatype IN ('string', 'text', 'number', 'date', 'single_choice',
                                                    'multiple_choice', 'national_id', 'phone', 'email', 'location')),
    required      boolean NOT NULL,
    label_ar      text NOT NULL CHECK (label_ar <> ''),
    label_fr      text NOT NULL CHECK (label_fr <> ''),
    label_en      text NOT NULL CHECK (label_en <> ''),
    max_length    integer CHECK (max_length BETWEEN 1 AND 10000),       -- string and text only
    min_value     numeric,                                               -- number only
    max_value     numeric,
    PRIMARY KEY (service_code, code),
    UNIQUE (service_code, position),
    CHECK (max_length IS NULL OR datatype IN ('string', 'text')),
    CHECK ((min_value IS NULL AND max_value IS NULL) OR datatype = 'number'),
    CHECK (min_value IS NULL OR max_value IS NULL OR min_value <= max_value)
);

CREATE TABLE service_field_choices (
    service_code  text NOT NULL,
    field_code    text NOT NULL,
    position      smallint NOT NULL CHECK (position >= 1),
    code          text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,62}$'),
    label_ar      text NOT NULL CHECK (label_ar <> ''),
    label_fr      text NOT NULL CHECK (label_fr <> ''),
    label_en      text NOT NULL CHECK (label_en <> ''),
    PRIMARY KEY (service_code, field_code, code),
    UNIQUE (service_code, field_code, position),
    FOREIGN KEY (service_code, field_code) REFERENCES service_fields (service_code, code)
);

CREATE TABLE service_documents (
    service_code  text NOT NULL REFERENCES services,
    position      smallint NOT NULL CHECK (position >= 1),
    code          text NOT NULL CHECK (code ~ '^[a-z][a-z0-9_]{0,62}$'),
    name_ar       text NOT NULL CHECK (name_ar <> ''),
    name_fr       text NOT NULL CHECK (name_fr <> ''),
    name_en       text NOT NULL CHECK (name_en <> ''),
    PRIMARY KEY (service_code, code),
    UNIQUE (service_code, position)
);

-- The national workflow: stages run in stage_no order; the steps of one stage run in parallel. A step names the
-- sector that acts and optionally an office (else the municipality's own office for that sector).
CREATE TABLE workflow_steps (
    service_code  text NOT NULL REFERENCES services,
    stage_no      smallint NOT NULL CHECK (stage_no BETWEEN 1 AND 50),
    step_no       smallint NOT NULL CHECK (step_no BETWEEN 1 AND 50),
    sector_code   text NOT NULL REFERENCES sectors,
    office_code   text REFERENCES offices,
    sla_days      integer NOT NULL CHECK (sla_days BETWEEN 1 AND 365),   -- working days once the step opens
    PRIMARY KEY (service_code, stage_no, step_no)
);

-- ---------------------------------------------------------------------------------------------------------
-- Municipal overlays, in force on the half-open interval [valid_from, valid_to) (valid_to NULL = open-ended).
-- Two overlays of the same kind for the same target never overlap (checked by triggers below), so resolution
-- at an instant finds at most one of each.
-- ---------------------------------------------------------------------------------------------------------

CREATE TABLE service_overlays (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_code       text NOT NULL REFERENCES services,
    municipality_code  text NOT NULL REFERENCES municipalities,
    valid_from         timestamptz NOT NULL,
    valid_to           timestamptz,
    enabled            boolean,                                             -- NULL: as the catalog (enabled)
    sla_days           integer CHECK (sla_days BETWEEN 1 AND 365),         -- NULL: as the catalog
    fee                numeric(12, 3) CHECK (fee >= 0),                     -- NULL: as the country's fee
    note               text NOT NULL DEFAULT '',                            -- the legal basis, for people
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK (enabled IS NOT NULL OR sla_days IS NOT NULL OR fee IS NOT NULL)
);
CREATE INDEX service_overlays_target ON service_overlays (service_code, municipality_code, valid_from);

CREATE TABLE step_overlays (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    service_code       text NOT NULL,
    municipality_code  text NOT NULL REFERENCES municipalities,
    stage_no           smallint NOT NULL,
    step_no            smallint NOT NULL,
    valid_from         timestamptz NOT NULL,
    valid_to           timestamptz,
    sector_code        text REFERENCES sectors,                             -- NULL: as the catalog
    office_code        text REFERENCES offices,                             -- NULL: as the catalog
    sla_days           integer CHECK (sla_days BETWEEN 1 AND 365),
    note               text NOT NULL DEFAULT '',
    FOREIGN KEY (service_code, stage_no, step_no) REFERENCES workflow_steps,
    CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK (sector_code IS NOT NULL OR office_code IS NOT NULL OR sla_days IS NOT NULL)
);
CREATE INDEX step_overlays_target ON step_overlays (service_code, municipality_code, valid_from);

CREATE FUNCTION refuse_overlapping_overlay() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Serialise writers on one target so two concurrent inserts cannot both pass the check.
    PERFORM pg_advisory_xact_lock(hashtext(TG_TABLE_NAME || ':' || NEW.service_code || ':' || NEW.municipality_code));
    IF TG_TABLE_NAME = 'service_overlays' THEN
        PERFORM 1 FROM service_overlays o
         WHERE o.service_code = NEW.service_code AND o.municipality_code = NEW.municipality_code AND o.id <> NEW.id
           AND tstzrange(o.valid_from, o.valid_to) && tstzrange(NEW.valid_from, NEW.valid_to);
    ELSE
        PERFORM 1 FROM step_overlays o
         WHERE o.service_code = NEW.service_code AND o.municipality_code = NEW.municipality_code AND o.id <> NEW.id
           AND o.stage_no = NEW.stage_no AND o.step_no = NEW.step_no
           AND tstzrange(o.valid_from, o.valid_to) && tstzrange(NEW.valid_from, NEW.valid_to);
    END IF;
    IF FOUND THEN
        RAISE EXCEPTION 'overlay overlaps another one for % in %', NEW.service_code, NEW.municipality_code
            USING ERRCODE = 'exclusion_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER service_overlays_no_overlap BEFORE INSERT OR UPDATE ON service_overlays
    FOR EACH ROW EXECUTE FUNCTION refuse_overlapping_overlay();
CREATE TRIGGER step_overlays_no_overlap BEFORE INSERT OR UPDATE ON step_overlays
    FOR EACH ROW EXECUTE FUNCTION refuse_overlapping_overlay();

-- The workflow of a service in a municipality at an instant, as the jsonb snapshot a request keeps, or NULL when
-- the service is not offered there then. Steps without an office go to the municipality's own office for the
-- (possibly rerouted) sector; a step whose office cannot be found makes the whole service unavailable.
CREATE FUNCTION resolve_service(p_service text, p_municipality text, p_at timestamptz) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    WITH m AS (
        SELECT m.code, m.country_code, c.currency_code FROM municipalities m JOIN countries c ON c.code = m.country_code
         WHERE m.code = p_municipality
    ), s AS (
        SELECT s.* FROM services s WHERE s.code = p_service
    ), o AS (
        SELECT o.* FROM service_overlays o
         WHERE o.service_code = p_service AND o.municipality_code = p_municipality
           AND o.valid_from <= p_at AND (o.valid_to IS NULL OR p_at < o.valid_to)
    ), steps AS (
        SELECT w.stage_no, w.step_no,
               coalesce(so.sector_code, w.sector_code) AS sector_code,
               coalesce(so.office_code, CASE WHEN so.sector_code IS NULL THEN w.office_code END) AS named_office,
               coalesce(so.sla_days, w.sla_days) AS sla_days, so.id AS overlay_id
          FROM workflow_steps w
          LEFT JOIN step_overlays so
            ON so.service_code = w.service_code AND so.stage_no = w.stage_no AND so.step_no = w.step_no
           AND so.municipality_code = p_municipality
           AND so.valid_from <= p_at AND (so.valid_to IS NULL OR p_at < so.valid_to)
         WHERE w.service_code = p_service
    ), routed AS (
        SELECT st.*, coalesce(st.named_office, own.code) AS office_code
          FROM steps st
          LEFT JOIN offices own
            ON own.kind = 'municipal' AND own.municipality_code = p_municipality AND own.sector_code = st.sector_code
    ), stages AS (
        SELECT dense_rank() OVER (ORDER BY stage_no) AS stage, stage_no,
               jsonb_agg(jsonb_build_object('step', step_no, 'sector', sector_code, 'office', office_code,
                                            'sla_days', sla_days, 'overlay', overlay_id)
                         ORDER BY step_no) AS steps
          FROM routed GROUP BY stage_no
    )
    SELECT jsonb_build_object(
               'service', s.code, 'municipality', m.code, 'resolved_at', p_at,
               'sla_days', coalesce(o.sla_days, s.sla_days),
               'fee', coalesce(o.fee, f.amount, 0), 'currency', m.currency_code,
               'overlay', o.id,
               'stages', (SELECT jsonb_agg(jsonb_build_object('stage', stage, 'steps', steps) ORDER BY stage_no)
                            FROM stages))
      FROM s CROSS JOIN m
      LEFT JOIN o ON true
      LEFT JOIN service_fees f ON f.service_code = s.code AND f.country_code = m.country_code
     WHERE coalesce(o.enabled, true)
       AND EXISTS (SELECT 1 FROM routed)
       AND NOT EXISTS (SELECT 1 FROM routed WHERE office_code IS NULL)
$$;

-- ---------------------------------------------------------------------------------------------------------
-- Requests and tasks (one task per step instance; open tasks form the queues)
-- ---------------------------------------------------------------------------------------------------------

CREATE TABLE requests (
    id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- e.g. TRP-7KQ4-M2XD: municipality code, then 8 Crockford base-32 characters, the last a check character.
    tracking_number         text NOT NULL UNIQUE
        CHECK (tracking_number ~ '^[A-Z]{3}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$'),
    access_token_hash       bytea NOT NULL CHECK (octet_length(access_token_hash) = 32),   -- SHA-256 of the token
    service_code            text NOT NULL REFERENCES services,
    municipality_code       text NOT NULL REFERENCES municipalities,
    applicant_name          text NOT NULL CHECK (char_length(applicant_name) BETWEEN 1 AND 200),
    applicant_national_id   text CHECK (applicant_national_id ~ '^[0-9]{1,30}$'),
    applicant_phone         text CHECK (applicant_phone ~ '^\+[1-9][0-9]{6,14}$'),            -- E.164
    applicant_email         text CHECK (char_length(applicant_email) <= 254 AND applicant_email ~ '^[^@\s]+@[^@\s]+$'),
    fields                  jsonb NOT NULL CHECK (jsonb_typeof(fields) = 'object'),
    description             text NOT NULL DEFAULT '' CHECK (char_length(description) <= 4000),
    status                  text NOT NULL DEFAULT 'submitted'
        CHECK (status IN ('submitted', 'in_review', 'awaiting_citizen', 'approved', 'rejected', 'cancelled')),
    channel                 text NOT NULL CHECK (channel IN ('api', 'open311', 'counter')),
    submitted_at            timestamptz NOT NULL DEFAULT now(),
    due_at                  timestamptz,                -- NULL while the clock is paused (docs/state-machine.md)
    closed_at               timestamptz,                -- when it became approved, rejected or cancelled
    workflow                jsonb NOT NULL CHECK (jsonb_typeof(workflow) = 'object'),   -- resolve_service() result
    -- Idempotent submission: the same key with the same body hash answers with this request.
    idempotency_key         text UNIQUE CHECK (char_length(idempotency_key) BETWEEN 1 AND 255),
    request_hash            bytea CHECK (octet_length(request_hash) = 32),
    version                 integer NOT NULL DEFAULT 1,
    CHECK ((idempotency_key IS NULL) = (request_hash IS NULL)),
    CHECK ((closed_at IS NOT NULL) = (status IN ('approved', 'rejected', 'cancelled')))
);
CREATE INDEX requests_municipality_submitted ON requests (municipality_code, submitted_at);
CREATE INDEX requests_open_due ON requests (municipality_code, due_at) WHERE closed_at IS NULL;

CREATE TABLE tasks (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id         bigint NOT NULL REFERENCES requests,
    stage_no           smallint NOT NULL CHECK (stage_no >= 1),   -- 1-based position in the resolved workflow
    step_no            smallint NOT NULL CHECK (step_no >= 1),
    -- The queue key. Forwarding changes sector and office; the municipality is always the request's.
    municipality_code  text NOT NULL REFERENCES municipalities,
    sector_code        text NOT NULL REFERENCES sectors,
    office_code        text NOT NULL REFERENCES offices,
    status             text NOT NULL CHECK (status IN ('waiting', 'open', 'claimed', 'awaiting_citizen',
                                                       'approved', 'rejected', 'cancelled')),
    assignee           text CHECK (char_length(assignee) BETWEEN 1 AND 100),   -- the clerk holding the claim
    priority           smallint NOT NULL DEFAULT 0 CHECK (priority BETWEEN 0 AND 9),   -- higher first
    sla_days           integer NOT NULL CHECK (sla_days BETWEEN 1 AND 365),
    opened_at          timestamptz,
    due_at             timestamptz,
    paused_since       timestamptz,                             -- set while awaiting the citizen
    paused_total       interval NOT NULL DEFAULT '0',           -- wall-clock time paused, closed pauses only
    claimed_at         timestamptz,
    closed_at          timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            integer NOT NULL DEFAULT 1,             -- optimistic concurrency: UPDATE ... WHERE version = $n
    UNIQUE (request_id, stage_no, step_no),
    CHECK ((status = 'awaiting_citizen') = (paused_since IS NOT NULL)),
    CHECK ((status IN ('claimed', 'awaiting_citizen')) <= (assignee IS NOT NULL)),
    CHECK ((status = 'waiting') = (opened_at IS NULL)),
    CHECK ((status IN ('approved', 'rejected', 'cancelled')) = (closed_at IS NOT NULL))
);
-- The queues: open tasks by queue key, most urgent first. Claims use FOR UPDATE SKIP LOCKED on this order.
CREATE INDEX tasks_queue ON tasks (municipality_code, sector_code, office_code, priority DESC, due_at)
    WHERE status = 'open';
-- A special office (e.g. a capital planning authority) works one queue across several municipalities.
CREATE INDEX tasks_office_queue ON tasks (office_code, priority DESC, due_at) WHERE status = 'open';
CREATE INDEX tasks_assignee ON tasks (assignee) WHERE status IN ('claimed', 'awaiting_citizen');
CREATE INDEX tasks_request ON tasks (request_id);

-- Every pause of a task's clock; the deadline engine needs the intervals, not only their sum.
CREATE TABLE task_pauses (
    task_id     bigint NOT NULL REFERENCES tasks,
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz CHECK (ended_at >= started_at),   -- NULL while still paused
    PRIMARY KEY (task_id, started_at)
);
CREATE UNIQUE INDEX task_pauses_one_open ON task_pauses (task_id) WHERE ended_at IS NULL;

-- ---------------------------------------------------------------------------------------------------------
-- Audit events: append-only, one hash chain per municipality (docs/audit.md is the specification)
-- ---------------------------------------------------------------------------------------------------------

CREATE TABLE audit_chain_heads (
    municipality_code  text PRIMARY KEY REFERENCES municipalities,
    last_seq           bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
    last_hash          bytea NOT NULL DEFAULT decode(repeat('00', 32), 'hex') CHECK (octet_length(last_hash) = 32),
    last_occurred_at   timestamptz
);

CREATE TABLE audit_events (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    municipality_code  text NOT NULL REFERENCES municipalities,
    seq                bigint NOT NULL CHECK (seq >= 1),            -- position in the municipality's chain
    occurred_at        timestamptz NOT NULL,                        -- when it joined the chain; never decreases
    actor_kind         text NOT NULL CHECK (actor_kind IN ('citizen', 'clerk', 'auditor', 'system')),
    actor              text NOT NULL CHECK (char_length(actor) BETWEEN 1 AND 200),
    action             text NOT NULL CHECK (action IN ('submitted', 'task_opened', 'claimed', 'released', 'approved',
                           'rejected', 'information_requested', 'citizen_replied', 'forwarded', 'escalated',
                           'cancelled', 'personal_data_viewed')),
    request_id         bigint REFERENCES requests,
    task_id            bigint REFERENCES tasks,
    details            text NOT NULL CHECK (octet_length(details) <= 16384),   -- canonical JSON text, as hashed
    prev_hash          bytea NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash               bytea NOT NULL CHECK (octet_length(hash) = 32),
    UNIQUE (municipality_code, seq),
    CHECK (task_id IS NULL OR request_id IS NOT NULL)
);
CREATE INDEX audit_events_request ON audit_events (request_id, seq) WHERE request_id IS NOT NULL;

-- Canonical JSON: keys sorted by code point, no whitespace, integers only (see docs/audit.md). Equal to Python's
-- json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False) for such values.
CREATE FUNCTION audit_canonical_json(v jsonb) RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT AS $$
BEGIN
    CASE jsonb_typeof(v)
    WHEN 'object' THEN
        RETURN '{' || coalesce((SELECT string_agg(to_jsonb(k)::text || ':' || audit_canonical_json(e), ','
                                                   ORDER BY k COLLATE "C")
                                  FROM jsonb_each(v) AS x (k, e)), '') || '}';
    WHEN 'array' THEN
        RETURN '[' || coalesce((SELECT string_agg(audit_canonical_json(e), ',' ORDER BY i)
                                  FROM jsonb_array_elements(v) WITH ORDINALITY AS x (e, i)), '') || ']';
    WHEN 'number' THEN
        IF v::numeric <> trunc(v::numeric) THEN
            RAISE EXCEPTION 'audit details allow integers only, not %', v USING ERRCODE = 'invalid_parameter_value';
        END IF;
        RETURN trunc(v::numeric)::text;
    ELSE
        RETURN v::text;   -- strings, true, false, null: PostgreSQL's escaping matches the specification
    END CASE;
END $$;

-- UTC, always six fractional digits: 2026-03-01T08:15:00.000000Z.
CREATE FUNCTION audit_time_text(t timestamptz) RETURNS text LANGUAGE sql STABLE STRICT AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
$$;

-- One field: 4-byte big-endian length, then the UTF-8 bytes; NULL is the length 0xFFFFFFFF alone.
CREATE FUNCTION audit_field(t text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN t IS NULL THEN '\xffffffff'::bytea
                ELSE int4send(octet_length(convert_to(t, 'UTF8'))) || convert_to(t, 'UTF8') END
$$;

-- The canonical bytes of an event, the input of its hash after the previous hash.
CREATE FUNCTION audit_event_bytes(e audit_events) RETURNS bytea LANGUAGE sql STABLE AS $$
    SELECT audit_field('nafidha-audit-v1') || audit_field(e.municipality_code) || audit_field(e.seq::text)
        || audit_field(audit_time_text(e.occurred_at)) || audit_field(e.actor_kind) || audit_field(e.actor)
        || audit_field(e.action) || audit_field(e.request_id::text) || audit_field(e.task_id::text)
        || audit_field(e.details)
$$;

-- Every insert, however issued, is chained here: the head row lock serialises writers of one municipality until
-- they commit, so two transactions can never take the same seq or the same previous hash.
CREATE FUNCTION audit_events_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    head audit_chain_heads;
BEGIN
    IF NEW.details IS DISTINCT FROM audit_canonical_json(NEW.details::jsonb) THEN
        RAISE EXCEPTION 'audit details must be canonical JSON' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO audit_chain_heads (municipality_code) VALUES (NEW.municipality_code) ON CONFLICT DO NOTHING;
    SELECT * INTO head FROM audit_chain_heads WHERE municipality_code = NEW.municipality_code FOR UPDATE;
    NEW.seq := head.last_seq + 1;
    NEW.occurred_at := greatest(clock_timestamp(), head.last_occurred_at);
    NEW.prev_hash := head.last_hash;
    NEW.hash := sha256(NEW.prev_hash || audit_event_bytes(NEW));
    UPDATE audit_chain_heads SET last_seq = NEW.seq, last_hash = NEW.hash, last_occurred_at = NEW.occurred_at
     WHERE municipality_code = NEW.municipality_code;
    RETURN NEW;
END $$;
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION audit_events_chain();

CREATE FUNCTION refuse_audit_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on % is refused: the audit trail is append-only', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END $$;
-- A head starts at genesis and only moves forward one event at a time, from the chain trigger (hence the
-- trigger depth): a forged head cannot be inserted or wound back.
CREATE FUNCTION guard_chain_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' AND NEW.last_seq = 0 AND NEW.last_hash = decode(repeat('00', 32), 'hex')
       AND NEW.last_occurred_at IS NULL THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.municipality_code = OLD.municipality_code
       AND NEW.last_seq = OLD.last_seq + 1 THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit chain heads start at genesis and only move forward'
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_rewrite();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_rewrite();
CREATE TRIGGER audit_chain_heads_no_delete BEFORE DELETE ON audit_chain_heads
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_rewrite();
CREATE TRIGGER audit_chain_heads_forward_only BEFORE INSERT OR UPDATE ON audit_chain_heads
    FOR EACH ROW EXECUTE FUNCTION guard_chain_head();
CREATE TRIGGER audit_chain_heads_no_truncate BEFORE TRUNCATE ON audit_chain_heads
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_rewrite();

-- The one way the service layer writes the trail, inside its own transaction; returns the chained event.
CREATE FUNCTION append_audit_event(p_municipality text, p_actor_kind text, p_actor text, p_action text,
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
    INSERT INTO audit_events (municipality_code, seq, occurred_at, actor_kind, actor, action, request_id, task_id,
                              details, prev_hash, hash)
    VALUES (p_municipality, 0, clock_timestamp(), p_actor_kind, p_actor, p_action, p_request_id, p_task_id,
            audit_canonical_json(p_details), '\x', '\x')   -- placeholders the chain trigger replaces
    RETURNING * INTO ev;
    RETURN ev;
END $$;

-- Recomputes a municipality's chain and names the first broken link (NULLs when intact).
CREATE FUNCTION audit_verify_chain(p_municipality text)
RETURNS TABLE (intact boolean, events_checked bigint, broken_seq bigint, broken_event_id bigint, problem text)
LANGUAGE plpgsql STABLE AS $$
DECLARE
    ev audit_events;
    expected_seq bigint := 1;
    prev bytea := decode(repeat('00', 32), 'hex');
    head audit_chain_heads;
BEGIN
    FOR ev IN SELECT * FROM audit_events WHERE municipality_code = p_municipality ORDER BY seq, id LOOP
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

-- What an auditor exports to re-verify a chain outside the database (docs/audit.md).
CREATE VIEW audit_event_export AS
SELECT municipality_code, seq, audit_time_text(occurred_at) AS occurred_at, actor_kind, actor, action,
       request_id, task_id, details, encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash
  FROM audit_events;

-- Issue 4, intake: what an idempotent replay needs, without keeping the citizen's access token in plaintext.
-- requests.idempotency_key holds the lower-case hex SHA-256 of the client's Idempotency-Key (never the key itself)
-- and requests.request_hash the SHA-256 of the canonical submission body. docs/api-intake.md gives the scheme.

-- The 32 random bytes of the access token XOR a one-time pad the database cannot compute:
-- SHA-256("nafidha/idempotency-token" || key || 0x00 || SHA-256(body)), with the key in plaintext.
ALTER TABLE requests ADD COLUMN idempotency_token_cipher bytea CHECK (octet_length(idempotency_token_cipher) = 32);
-- The 201 answer as first sent, without the access token (canonical JSON text), so a replay answers the same.
ALTER TABLE requests ADD COLUMN idempotency_receipt text CHECK (octet_length(idempotency_receipt) <= 65536);
ALTER TABLE requests ADD CONSTRAINT requests_idempotency_complete
    CHECK ((idempotency_key IS NULL) = (idempotency_token_cipher IS NULL)
       AND (idempotency_key IS NULL) = (idempotency_receipt IS NULL));

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

-- Issue 7, the Open311 GeoReport v2 façade: API keys of client applications, and which application filed a request.
-- docs/open311.md explains the keys and the privacy rule (only services with public_report = true are served).

-- A client application's key is shown once at creation; only the SHA-256 of its UTF-8 text is kept.
CREATE TABLE api_keys (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 1 AND 100),
    key_hash    bytea NOT NULL UNIQUE CHECK (octet_length(key_hash) = 32),
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

-- The application that filed a request through Open311 (NULL for the other channels), and the photo link it sent.
ALTER TABLE requests ADD COLUMN api_key_id bigint REFERENCES api_keys;
ALTER TABLE requests ADD COLUMN media_url text CHECK (char_length(media_url) <= 2000);
-- GET requests.{fmt} lists public reports by service and submission date.
CREATE INDEX requests_service_submitted ON requests (service_code, submitted_at);
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

-- ===== migrations/0007_notes.sql =====
-- Issue 5, notes: a staff member's note on a request, internal (staff only) or public (shown on the citizen's
-- timeline). The text is a request message (personal data stays out of the permanent trail); the `note_added`
-- audit event names it by id.
ALTER TABLE request_messages DROP CONSTRAINT request_messages_kind_check;
ALTER TABLE request_messages ADD CONSTRAINT request_messages_kind_check
    CHECK (kind IN ('question', 'reply', 'rejection_reason', 'forward_reason', 'note'));

ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('submitted', 'task_opened', 'claimed', 'released', 'approved', 'rejected',
                      'information_requested', 'citizen_replied', 'forwarded', 'escalated', 'cancelled',
                      'personal_data_viewed', 'note_added'));

-- ===== migrations/0008_audit_writer_contract.sql =====
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

-- ===== migrations/0009_audit_sequencer.sql =====
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

-- ===== migrations/0010_catalog_version.sql =====
-- The catalog in memory: servers keep one snapshot of the catalog (countries, holidays, municipalities,
-- offices, sectors, services, their fees, fields, choices, documents and workflow steps, and the overlays) and file
-- requests against it. catalog_version says which catalog a snapshot is: every statement that writes a catalog
-- table bumps it, and a submission's insert only happens while the version is still the one its snapshot was read
-- at (docs/architecture.md, "Catalog snapshot").

-- Exactly one row, never deleted: a missing row would make every submission look stale forever.
CREATE TABLE catalog_version (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version   bigint NOT NULL CHECK (version >= 1)
);
INSERT INTO catalog_version (version) VALUES (1);

CREATE FUNCTION refuse_catalog_version_removal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on catalog_version is refused: its one row says which catalog is current', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER catalog_version_no_delete BEFORE DELETE OR TRUNCATE ON catalog_version
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_catalog_version_removal();

-- Statement-level: a statement changing a thousand holidays bumps the version once. The row lock this takes makes
-- concurrent catalog writers take turns until they commit; catalog changes are rare, submissions only read it.
CREATE FUNCTION bump_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE catalog_version SET version = version + 1;
    RETURN NULL;
END $$;

CREATE TRIGGER countries_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON countries
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER public_holidays_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON public_holidays
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER municipalities_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER sectors_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sectors
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER offices_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON offices
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER services_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON services
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER service_fees_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_fees
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER service_fields_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_fields
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER service_field_choices_catalog_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_field_choices
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER service_documents_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_documents
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER workflow_steps_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON workflow_steps
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER service_overlays_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON service_overlays
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();
CREATE TRIGGER step_overlays_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON step_overlays
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();

-- ===== migrations/0011_audit_checkpoints.sql =====
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

-- ===== migrations/0012_request_search.sql =====
-- Requests found by their applicant at the counter (GET /v1/staff/requests, nafidha search; docs/clerks.md,
-- "Search"). National ids and phones are stored normalized (ASCII digits; E.164, by intake), so the search
-- normalizes what the clerk typed the same way and an exact match on a btree index finds them. Names are matched
-- by substring on their normalized form, request_search_name(), through a trigram index (pg_trgm, a trusted
-- extension of PostgreSQL's contrib: the migrating role needs CREATE on the database, not superuser).
-- The indexes are built over the rows already there, so existing requests are found at once: nothing to backfill.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- A name as the search compares it: decomposed (NFD) and stripped of combining marks, so that Latin accents,
-- Arabic harakat (U+064B-U+065F, U+0670, Quranic marks) and the hamza or madda on alef, waw and yeh (أ إ آ ؤ ئ)
-- drop out; tatweel (U+0640) removed; alef wasla ٱ read as ا, ta marbuta ة as ه, alef maqsura ى as ي; lower case;
-- runs of white space as one space. The query's text goes through the same function, so both sides agree.
CREATE FUNCTION request_search_name(name text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN btrim(regexp_replace(lower(translate(
        regexp_replace(normalize(name, NFD),
                       '[\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]', '', 'g'),
        U&'\0629\0649\0671', U&'\0647\064A\0627')), '\s+', ' ', 'g'));

CREATE INDEX requests_applicant_name_search ON requests USING gin (request_search_name(applicant_name) gin_trgm_ops);
CREATE INDEX requests_applicant_national_id ON requests (applicant_national_id);
CREATE INDEX requests_applicant_phone ON requests (applicant_phone);

-- ===== migrations/0013_notifications.sql =====
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

-- ===== migrations/0014_transparency_log.sql =====
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

-- ===== migrations/0015_catalog_versions.sql =====
-- Issue 20, the catalog as code: the catalog is applied from one reviewed JSON file (docs/catalog.md), each apply
-- recorded as a numbered catalog version; a service that requests name is disabled rather than removed; a country
-- declares the years its public holidays cover.

-- A service removed from the catalog file while requests name it cannot be deleted (requests reference it and keep
-- their workflow snapshot): it is disabled instead. A disabled service resolves nowhere (resolve_service below,
-- CatalogSnapshot.resolveWorkflow), so it is neither listed nor filed; putting it back in the file enables it again.
ALTER TABLE services ADD COLUMN active boolean NOT NULL DEFAULT true;
COMMENT ON COLUMN services.active IS
    'false: removed from the catalog file while requests name it (docs/catalog.md); offered nowhere.';

-- The years a country's public holidays are declared for, both included: a holiday outside them is refused by the
-- catalog file's validation. NULL for a country written by hand since; existing ones cover their holidays' years.
ALTER TABLE countries ADD COLUMN holiday_first_year smallint, ADD COLUMN holiday_last_year smallint;
UPDATE countries c
   SET holiday_first_year = coalesce(
           (SELECT min(extract(year FROM h.holiday_date)) FROM public_holidays h WHERE h.country_code = c.code),
           extract(year FROM now()))::smallint,
       holiday_last_year = coalesce(
           (SELECT max(extract(year FROM h.holiday_date)) FROM public_holidays h WHERE h.country_code = c.code),
           extract(year FROM now()))::smallint;
ALTER TABLE countries ADD CONSTRAINT countries_holiday_years CHECK (
    (holiday_first_year IS NULL) = (holiday_last_year IS NULL)
    AND holiday_first_year BETWEEN 1900 AND 2200
    AND holiday_last_year BETWEEN holiday_first_year AND holiday_first_year + 99);

-- As in 0002, with disabled services offered nowhere.
CREATE OR REPLACE FUNCTION resolve_service(p_service text, p_municipality text, p_at timestamptz) RETURNS jsonb
LANGUAGE sql STABLE AS $$
    WITH m AS (
        SELECT m.code, m.country_code, c.currency_code FROM municipalities m JOIN countries c ON c.code = m.country_code
         WHERE m.code = p_municipality
    ), s AS (
        SELECT s.* FROM services s WHERE s.code = p_service AND s.active
    ), o AS (
        SELECT o.* FROM service_overlays o
         WHERE o.service_code = p_service AND o.municipality_code = p_municipality
           AND o.valid_from <= p_at AND (o.valid_to IS NULL OR p_at < o.valid_to)
    ), steps AS (
        SELECT w.stage_no, w.step_no,
               coalesce(so.sector_code, w.sector_code) AS sector_code,
               coalesce(so.office_code, CASE WHEN so.sector_code IS NULL THEN w.office_code END) AS named_office,
               coalesce(so.sla_days, w.sla_days) AS sla_days, so.id AS overlay_id
          FROM workflow_steps w
          LEFT JOIN step_overlays so
            ON so.service_code = w.service_code AND so.stage_no = w.stage_no AND so.step_no = w.step_no
           AND so.municipality_code = p_municipality
           AND so.valid_from <= p_at AND (so.valid_to IS NULL OR p_at < so.valid_to)
         WHERE w.service_code = p_service
    ), routed AS (
        SELECT st.*, coalesce(st.named_office, own.code) AS office_code
          FROM steps st
          LEFT JOIN offices own
            ON own.kind = 'municipal' AND own.municipality_code = p_municipality AND own.sector_code = st.sector_code
    ), stages AS (
        SELECT dense_rank() OVER (ORDER BY stage_no) AS stage, stage_no,
               jsonb_agg(jsonb_build_object('step', step_no, 'sector', sector_code, 'office', office_code,
                                            'sla_days', sla_days, 'overlay', overlay_id)
                         ORDER BY step_no) AS steps
          FROM routed GROUP BY stage_no
    )
    SELECT jsonb_build_object(
               'service', s.code, 'municipality', m.code, 'resolved_at', p_at,
               'sla_days', coalesce(o.sla_days, s.sla_days),
               'fee', coalesce(o.fee, f.amount, 0), 'currency', m.currency_code,
               'overlay', o.id,
               'stages', (SELECT jsonb_agg(jsonb_build_object('stage', stage, 'steps', steps) ORDER BY stage_no)
                            FROM stages))
      FROM s CROSS JOIN m
      LEFT JOIN o ON true
      LEFT JOIN service_fees f ON f.service_code = s.code AND f.country_code = m.country_code
     WHERE coalesce(o.enabled, true)
       AND EXISTS (SELECT 1 FROM routed)
       AND NOT EXISTS (SELECT 1 FROM routed WHERE office_code IS NULL)
$$;

-- One row per apply of a catalog file (docs/catalog.md, "Versions"), numbered 1, 2, 3, ... `revision` is the value of
-- catalog_version (0010), the counter every catalog write bumps and caches key on, when the apply committed: when
-- catalog_version has moved past the last row's revision, the catalog was changed since by other means than a file.
CREATE TABLE catalog_versions (
    number       bigint PRIMARY KEY CHECK (number >= 1),
    applied_at   timestamptz NOT NULL DEFAULT now(),
    applied_by   text NOT NULL CHECK (char_length(applied_by) BETWEEN 1 AND 200),   -- a staff login, an OS user
    applied_via  text NOT NULL CHECK (applied_via IN ('cli', 'api', 'seed')),
    file_sha256  bytea NOT NULL CHECK (octet_length(file_sha256) = 32),             -- of the file's bytes as sent
    summary      jsonb NOT NULL CHECK (jsonb_typeof(summary) = 'object'),           -- how many added, changed, ...
    revision     bigint NOT NULL CHECK (revision >= 1)
);

-- The history is a record: its rows never change or go.
CREATE FUNCTION refuse_catalog_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% on catalog_versions is refused: the catalog history is append-only', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER catalog_versions_append_only BEFORE UPDATE OR DELETE ON catalog_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_catalog_history_rewrite();
CREATE TRIGGER catalog_versions_no_truncate BEFORE TRUNCATE ON catalog_versions
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_catalog_history_rewrite();

-- Each apply is an audit event in the chain of every municipality that existed before it (docs/catalog.md, "Audit").
ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('submitted', 'task_opened', 'claimed', 'released', 'approved', 'rejected',
                      'information_requested', 'citizen_replied', 'forwarded', 'escalated', 'cancelled',
                      'personal_data_viewed', 'note_added', 'webhook_created', 'webhook_deleted', 'decided',
                      'catalog_applied'));

-- ===== migrations/0016_documents.sql =====
-- Issue 15, supporting documents (docs/documents.md): the catalog's documents say whether they are required, which
-- media types they accept and how large they may be; citizens upload files first and separately, and a submission
-- (or a reply) names the uploads, which then belong to the request. The bytes live in large objects, one per upload.

ALTER TABLE service_documents
    ADD COLUMN required boolean NOT NULL DEFAULT false,
    ADD COLUMN media_types text[] NOT NULL DEFAULT ARRAY['application/pdf', 'image/jpeg', 'image/png'],
    ADD COLUMN max_bytes integer NOT NULL DEFAULT 20971520;
ALTER TABLE service_documents ADD CONSTRAINT service_documents_media_types CHECK (
    cardinality(media_types) BETWEEN 1 AND 4
    AND media_types <@ ARRAY['application/pdf', 'image/jpeg', 'image/png', 'image/webp']);
ALTER TABLE service_documents ADD CONSTRAINT service_documents_max_bytes CHECK (max_bytes BETWEEN 1 AND 1073741824);

-- One uploaded file. Its bytes are the large object `content`, written piece by piece in short transactions while
-- the upload is `receiving` (so a slow client holds no database connection), then hashed and marked `complete`.
-- Only a complete upload, unexpired and not yet attached, can be named by a submission; attaching sets request_id
-- and document_type, and the upload is then one of the request's documents, deleted with it. The citizen's
-- upload_id is a 256-bit secret; only its SHA-256 is kept.
CREATE TABLE uploads (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    secret_hash    bytea NOT NULL UNIQUE CHECK (octet_length(secret_hash) = 32),
    content        oid NOT NULL UNIQUE,
    media_type     text NOT NULL
                   CHECK (media_type IN ('application/pdf', 'image/jpeg', 'image/png', 'image/webp')),
    file_name      text CHECK (char_length(file_name) BETWEEN 1 AND 255),
    state          text NOT NULL DEFAULT 'receiving' CHECK (state IN ('receiving', 'complete')),
    size           bigint NOT NULL DEFAULT 0 CHECK (size >= 0),
    sha256         bytea CHECK (octet_length(sha256) = 32),
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL,
    request_id     bigint REFERENCES requests ON DELETE CASCADE,
    document_type  text CHECK (document_type ~ '^[a-z][a-z0-9_]{0,62}$'),
    attached_at    timestamptz,
    CONSTRAINT uploads_complete_hashed CHECK (state = 'receiving' OR (sha256 IS NOT NULL AND size > 0)),
    CONSTRAINT uploads_attached CHECK (
        (request_id IS NULL) = (document_type IS NULL) AND (request_id IS NULL) = (attached_at IS NULL)
        AND (request_id IS NULL OR state = 'complete'))
);
CREATE INDEX uploads_request ON uploads (request_id, id) WHERE request_id IS NOT NULL;
CREATE INDEX uploads_unattached ON uploads (expires_at) WHERE request_id IS NULL;
COMMENT ON TABLE uploads IS
    'Uploaded files (docs/documents.md): bytes in the large object content; attached ones are a request''s documents.';

-- An upload's bytes go with its row, whoever deletes it (the clean-up job, or a request's deletion cascading).
CREATE FUNCTION uploads_unlink_content() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM lo_unlink(OLD.content) FROM pg_largeobject_metadata WHERE oid = OLD.content;
    RETURN OLD;
END
$$;
CREATE TRIGGER uploads_unlink_content AFTER DELETE ON uploads
    FOR EACH ROW EXECUTE FUNCTION uploads_unlink_content();

ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('submitted', 'task_opened', 'claimed', 'released', 'approved', 'rejected',
                      'information_requested', 'citizen_replied', 'forwarded', 'escalated', 'cancelled',
                      'personal_data_viewed', 'note_added', 'webhook_created', 'webhook_deleted', 'decided',
                      'catalog_applied', 'document_attached'));

-- ===== migrations/0017_payments.sql =====
-- Issue 16, fees and payments (docs/payments.md): a request whose service has a fee gets a bill at submission and
-- waits, in status 'awaiting_payment' with no step open and its clock not started, until the bill is paid at a
-- counter (a cashier's receipt, numbered without gaps per municipality and year) or by a payment provider's signed
-- callback. Amounts are integers in the currency's minor units (LYD 3 decimals, DJF none), never floating point.

ALTER TABLE requests DROP CONSTRAINT requests_status_check;
ALTER TABLE requests ADD CONSTRAINT requests_status_check
    CHECK (status IN ('awaiting_payment', 'submitted', 'in_review', 'awaiting_citizen', 'approved', 'rejected',
                      'cancelled'));

-- Cashiers take payments in their municipalities.
ALTER TABLE staff DROP CONSTRAINT staff_role_check;
ALTER TABLE staff ADD CONSTRAINT staff_role_check
    CHECK (role IN ('clerk', 'supervisor', 'auditor', 'admin', 'cashier'));

-- The municipalities that collect fees through Nafidha (`nafidha admin collect-fees`): only there does a service
-- with a fee get a bill at submission and wait for its payment; elsewhere the fee is shown and collected as before.
-- A municipality switches on when its counters or providers are ready. `bill_due_days`: working days to pay.
CREATE TABLE fee_collection (
    municipality_code  text PRIMARY KEY REFERENCES municipalities,
    bill_due_days      smallint NOT NULL DEFAULT 10 CHECK (bill_due_days BETWEEN 1 AND 90),
    since              timestamptz NOT NULL DEFAULT now()
);
-- The submissions' catalog snapshot holds it, so changing it makes the snapshot stale like any catalog change.
CREATE TRIGGER fee_collection_catalog_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON fee_collection
    FOR EACH STATEMENT EXECUTE FUNCTION bump_catalog_version();

CREATE TABLE bills (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- TRP-4821730955-7: the municipality, 10 random digits, an ISO 7064 MOD 11-2 check character (BillNumber).
    number             text NOT NULL UNIQUE CHECK (number ~ '^[A-Z]{3}-[0-9]{10}-[0-9X]$'),
    request_id         bigint NOT NULL UNIQUE REFERENCES requests,
    municipality_code  text NOT NULL REFERENCES municipalities,
    amount_minor       bigint NOT NULL CHECK (amount_minor > 0),
    currency           text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status             text NOT NULL DEFAULT 'unpaid'
        CHECK (status IN ('unpaid', 'paid', 'cancelled', 'refund_due', 'refunded')),
    created_at         timestamptz NOT NULL,
    due_at             timestamptz NOT NULL CHECK (due_at > created_at),
    paid_at            timestamptz,            -- set while paid, refund due or refunded
    CHECK ((paid_at IS NOT NULL) = (status IN ('paid', 'refund_due', 'refunded'))),
    FOREIGN KEY (request_id, municipality_code) REFERENCES requests (id, municipality_code)
);
-- The unpaid-bill sweep reads the bills past due.
CREATE INDEX bills_unpaid_due ON bills (due_at) WHERE status = 'unpaid';

-- A payment provider (`nafidha admin create-payment-provider`). Its secret verifies callbacks' HMAC-SHA256, so it
-- is kept as it is (an HMAC verifier needs the secret itself, a hash would not do); only the server reads this table.
CREATE TABLE payment_providers (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    secret      bytea NOT NULL CHECK (octet_length(secret) = 32),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Gap-free receipt numbers: one counter per municipality and year, its row locked by the paying transaction (the
-- increment is undone with it), so numbers are given in commit order without holes.
CREATE TABLE receipt_counters (
    municipality_code  text NOT NULL REFERENCES municipalities,
    year               smallint NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    last_number        integer NOT NULL CHECK (last_number >= 1),
    PRIMARY KEY (municipality_code, year)
);

-- Every payment of a bill: at a counter (a receipt, numbered) or by a provider (its transaction). At most one valid
-- payment per bill; a cancelled counter receipt keeps its number and row.
CREATE TABLE payments (
    id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bill_id              bigint NOT NULL REFERENCES bills,
    municipality_code    text NOT NULL REFERENCES municipalities,
    amount_minor         bigint NOT NULL CHECK (amount_minor > 0),
    currency             text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    method               text NOT NULL CHECK (method IN ('cash', 'card', 'transfer', 'provider')),
    reference            text CHECK (char_length(reference) BETWEEN 1 AND 100),
    paid_at              timestamptz NOT NULL,
    -- Counter payments: TRP-2026-000042, from receipt_counters.
    receipt_number       text UNIQUE CHECK (receipt_number ~ '^[A-Z]{3}-[0-9]{4}-[0-9]{6,}$'),
    cashier              text CHECK (char_length(cashier) BETWEEN 1 AND 100),
    cancelled_at         timestamptz,
    cancelled_by         text CHECK (char_length(cancelled_by) BETWEEN 1 AND 100),
    cancellation_reason  text CHECK (char_length(cancellation_reason) BETWEEN 1 AND 1000),
    -- Provider payments.
    provider_id          bigint REFERENCES payment_providers,
    transaction_id       text CHECK (char_length(transaction_id) BETWEEN 1 AND 100),
    UNIQUE (provider_id, transaction_id),
    CHECK ((method = 'provider') = (provider_id IS NOT NULL AND transaction_id IS NOT NULL)),
    CHECK ((method = 'provider') = (receipt_number IS NULL AND cashier IS NULL)),
    CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL AND cancellation_reason IS NULL)),
    CHECK (method <> 'provider' OR cancelled_at IS NULL)
);
-- Two cashiers paying one bill at once: the second insert waits for the first and fails.
CREATE UNIQUE INDEX payments_one_valid ON payments (bill_id) WHERE cancelled_at IS NULL;
CREATE INDEX payments_municipality_paid ON payments (municipality_code, paid_at);

-- Every provider callback whose signature was good, as first received, for reconciliation: `outcome` says what it
-- did; a replay of the same provider and transaction id only counts in `replays`.
CREATE TABLE payment_callbacks (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_id       bigint NOT NULL REFERENCES payment_providers,
    transaction_id    text NOT NULL CHECK (char_length(transaction_id) BETWEEN 1 AND 100),
    bill_number       text NOT NULL CHECK (char_length(bill_number) BETWEEN 1 AND 64),
    bill_id           bigint REFERENCES bills,
    municipality_code text REFERENCES municipalities,
    amount_minor      bigint NOT NULL,
    currency          text NOT NULL CHECK (char_length(currency) BETWEEN 1 AND 8),
    paid_at           timestamptz NOT NULL,
    received_at       timestamptz NOT NULL,
    body_hash         bytea NOT NULL CHECK (octet_length(body_hash) = 32),
    outcome           text NOT NULL CHECK (outcome IN ('matched', 'mismatched', 'unknown_bill', 'not_payable')),
    replays           integer NOT NULL DEFAULT 0 CHECK (replays >= 0),
    UNIQUE (provider_id, transaction_id),
    CHECK ((bill_id IS NULL) = (outcome = 'unknown_bill')),
    CHECK ((bill_id IS NULL) = (municipality_code IS NULL))
);
CREATE INDEX payment_callbacks_received ON payment_callbacks (received_at);

-- A refund recorded by a cashier for a bill whose request was rejected or cancelled after payment.
CREATE TABLE refunds (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    bill_id      bigint NOT NULL UNIQUE REFERENCES bills,
    municipality_code text NOT NULL REFERENCES municipalities,
    amount_minor bigint NOT NULL CHECK (amount_minor > 0),
    currency     text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    method       text NOT NULL CHECK (method IN ('cash', 'card', 'transfer')),
    reference    text CHECK (char_length(reference) BETWEEN 1 AND 100),
    cashier      text NOT NULL CHECK (char_length(cashier) BETWEEN 1 AND 100),
    refunded_at  timestamptz NOT NULL
);
CREATE INDEX refunds_municipality_refunded ON refunds (municipality_code, refunded_at);

-- Every money movement is an audit event in the chain.
ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check;
ALTER TABLE audit_events ADD CONSTRAINT audit_events_action_check
    CHECK (action IN ('submitted', 'task_opened', 'claimed', 'released', 'approved', 'rejected',
                      'information_requested', 'citizen_replied', 'forwarded', 'escalated', 'cancelled',
                      'personal_data_viewed', 'note_added', 'webhook_created', 'webhook_deleted', 'decided',
                      'catalog_applied', 'document_attached', 'bill_created', 'bill_paid', 'receipt_cancelled',
                      'refund_due', 'refunded', 'callback_rejected', 'bill_cancelled'));

-- ===== migrations/0018_citizen.sql =====
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

-- ===== migrations/0019_counter_appeals.sql =====
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
