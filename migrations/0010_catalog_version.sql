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
