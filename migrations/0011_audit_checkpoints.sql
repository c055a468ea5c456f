-- Placeholder on wip/cli only: migration numbers must run without gaps, and this number is reserved for the audit
-- checkpoints' migration (wip/audit), which replaces this file when the branches merge (take theirs). It changes
-- nothing.
SELECT 1;
