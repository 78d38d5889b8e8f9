-- Optimistic concurrency for article saves: version counts the edits made
-- by people (newsroom, admin API); a save made from an older version is
-- refused with 409 instead of overwriting. The trending job and the
-- scheduler write only their own columns and leave it alone. Each revision
-- records the version it saved, so a conflict can show what changed since.
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE article_revisions ADD COLUMN article_version INTEGER NOT NULL DEFAULT 0;
