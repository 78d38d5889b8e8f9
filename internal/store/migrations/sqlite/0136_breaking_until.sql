-- Breaking news with an end (issue 14): the site-wide ticker shows a
-- published article flagged breaking until breaking_until passes; NULL
-- (articles flagged before this migration, or by the demo) has no end.
ALTER TABLE articles ADD COLUMN breaking_until TIMESTAMP NULL;
CREATE INDEX articles_breaking ON articles(published_at DESC) WHERE breaking = TRUE;
