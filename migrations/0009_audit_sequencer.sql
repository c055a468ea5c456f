-- Placeholder on wip/writepath only: migration numbers must run without gaps, and this number is reserved for the
-- audit sequencer's migration, which replaces this file when the branches merge (take theirs). It changes nothing.
SELECT 1;
