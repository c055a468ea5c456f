-- Placeholder on wip/clerks only: migration numbers must run without gaps, and this number is reserved for the
-- catalog helper's migration, which replaces this file when the branches merge (take theirs). It changes nothing.
SELECT 1;
