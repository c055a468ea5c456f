-- Placeholder on wip/catalog only: migration numbers must run without gaps, and this number is reserved for work in
-- flight on another branch, whose migration replaces this file when the branches merge (take theirs). It changes
-- nothing.
SELECT 1;
