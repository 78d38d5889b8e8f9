-- The newsroom's article list (issue 14) filters by status and by channel,
-- most recently updated first: each filter is one range of its own index
-- instead of a walk of articles_updated that skips what does not match
-- (a few drafts among a million published articles).
CREATE INDEX articles_status_updated ON articles(status, updated_at DESC, id DESC);
CREATE INDEX articles_category_updated ON articles(category_id, updated_at DESC, id DESC);
