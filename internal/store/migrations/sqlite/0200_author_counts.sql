-- Scale (issue 11): the pages sitemap lists every author with published
-- articles, and their page's lastmod, without a probe per author: each
-- author keeps the publish time of their newest published article
-- (article_authors.pub_at, which listing.go keeps; NULL when they have
-- none), kept exactly as 0197 keeps tags.newest_pub_at. It may be ahead of
-- now (a scheduled article): the sitemap then probes that author for the
-- newest time already reached.
ALTER TABLE authors ADD COLUMN newest_pub_at TIMESTAMP NULL;
UPDATE authors SET newest_pub_at = (SELECT l.pub_at FROM article_authors l
	WHERE l.author_id = authors.id AND l.pub_at IS NOT NULL ORDER BY l.pub_at DESC LIMIT 1);

CREATE TRIGGER authors_newest_insert AFTER INSERT ON article_authors WHEN NEW.pub_at IS NOT NULL BEGIN
	UPDATE authors SET newest_pub_at = NEW.pub_at WHERE id = NEW.author_id AND (newest_pub_at IS NULL OR newest_pub_at < NEW.pub_at);
END;
CREATE TRIGGER authors_newest_delete AFTER DELETE ON article_authors WHEN OLD.pub_at IS NOT NULL BEGIN
	UPDATE authors SET newest_pub_at = (SELECT l.pub_at FROM article_authors l
		WHERE l.author_id = OLD.author_id AND l.pub_at IS NOT NULL ORDER BY l.pub_at DESC LIMIT 1)
		WHERE id = OLD.author_id AND (newest_pub_at IS NULL OR newest_pub_at <= OLD.pub_at);
END;
CREATE TRIGGER authors_newest_update AFTER UPDATE OF pub_at, author_id ON article_authors
	WHEN OLD.pub_at IS NOT NEW.pub_at OR OLD.author_id <> NEW.author_id BEGIN
	UPDATE authors SET newest_pub_at = (SELECT l.pub_at FROM article_authors l
		WHERE l.author_id = OLD.author_id AND l.pub_at IS NOT NULL ORDER BY l.pub_at DESC LIMIT 1)
		WHERE OLD.pub_at IS NOT NULL AND id = OLD.author_id AND (newest_pub_at IS NULL OR newest_pub_at <= OLD.pub_at);
	UPDATE authors SET newest_pub_at = NEW.pub_at
		WHERE NEW.pub_at IS NOT NULL AND id = NEW.author_id AND (newest_pub_at IS NULL OR newest_pub_at < NEW.pub_at);
END;

-- Each author's published articles (their article_authors rows with
-- pub_at set), one row an author like 0166's tag_counts: an author's
-- page total and the API's author list read one row an author instead
-- of summing about 120 author_months rows (0195) each.
CREATE TABLE author_counts (
	author_id INTEGER PRIMARY KEY REFERENCES authors(id) ON DELETE CASCADE,
	n         INTEGER NOT NULL
);
INSERT INTO author_counts (author_id, n)
	SELECT author_id, COUNT(*) FROM article_authors WHERE pub_at IS NOT NULL GROUP BY author_id;

CREATE TRIGGER author_counts_insert AFTER INSERT ON article_authors WHEN NEW.pub_at IS NOT NULL BEGIN
	INSERT INTO author_counts (author_id, n) VALUES (NEW.author_id, 1)
		ON CONFLICT (author_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER author_counts_delete AFTER DELETE ON article_authors WHEN OLD.pub_at IS NOT NULL BEGIN
	UPDATE author_counts SET n = n - 1 WHERE author_id = OLD.author_id;
END;
CREATE TRIGGER author_counts_update AFTER UPDATE OF pub_at, author_id ON article_authors
	WHEN (OLD.pub_at IS NULL) <> (NEW.pub_at IS NULL) OR OLD.author_id <> NEW.author_id BEGIN
	UPDATE author_counts SET n = n - 1 WHERE author_id = OLD.author_id AND OLD.pub_at IS NOT NULL;
	INSERT INTO author_counts (author_id, n) SELECT NEW.author_id, 1 WHERE NEW.pub_at IS NOT NULL
		ON CONFLICT (author_id) DO UPDATE SET n = n + 1;
END;
