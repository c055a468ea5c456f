-- Placeholder on wip/decisions only: migration numbers must run without gaps, and this number is reserved for the
-- notifications' migration (wip/notify), which replaces this file when the branches merge (take theirs). It
-- changes nothing.
SELECT 1;
