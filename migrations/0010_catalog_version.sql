-- Placeholder on wip/audit only: migration numbers must run without gaps, and this number belongs to the write
-- path's migration (catalog_version), which replaces this file when the branches merge (take theirs). It changes
-- nothing.
SELECT 1;
