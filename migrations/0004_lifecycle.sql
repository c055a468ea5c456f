-- Placeholder on wip/open311 only: migration numbers must run without gaps, and this number is reserved for the
-- lifecycle helper's migration, which replaces this file when the branches merge (take theirs). It changes nothing.
SELECT 1;
