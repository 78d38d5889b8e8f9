-- An article sitemap file reads one id range of published articles. The
-- row of an article holds its body before its status and times, so reading
-- them from the table walks every body (280 ms for 10,000 articles on
-- SQLite); this index covers the file's columns.
CREATE INDEX articles_sitemap ON articles(status, id, published_at, updated_at, slug);

-- A reader's own top-level comments waiting for moderation, shown to them
-- among the approved ones: found without reading the article's other
-- pending comments.
CREATE INDEX comments_own_pending ON comments(article_id, reader, created_at, id) WHERE parent_id IS NULL AND status = 'pending';

-- Whether a poll hangs on an article (every article page asks, for the open
-- polls): without it each question read the whole articles table.
CREATE INDEX articles_poll ON articles(poll_id) WHERE poll_id IS NOT NULL;
