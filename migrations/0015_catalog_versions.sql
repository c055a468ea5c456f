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
