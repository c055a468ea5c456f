-- Placeholder on wip/cli only: migration numbers must run without gaps, and this number is reserved for the
-- catalog snapshot's migration (wip/writepath), which replaces this file when the branches merge (take theirs).
-- It changes nothing.
SELECT 1;
