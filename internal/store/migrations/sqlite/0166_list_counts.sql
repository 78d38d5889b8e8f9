-- Scale (issue 11): list totals without counting. How many articles each
-- channel holds per status, and how many published articles each tag has,
-- kept exact by triggers on every write (the editor, the API, the bulk
-- loader, tag merges and deletes alike). The channel pages, the API's
-- category list and totals, the newsroom dashboard and the tag list read a
-- row here instead of counting up to 10,001 index entries (about 80 ms for
-- the seven channels at 100,000 articles). docs/performance.md has the plans.
CREATE TABLE article_counts (
	category_id INTEGER NOT NULL,
	status      TEXT NOT NULL,
	n           INTEGER NOT NULL,
	PRIMARY KEY (category_id, status)
) WITHOUT ROWID;
INSERT INTO article_counts (category_id, status, n)
	SELECT category_id, status, COUNT(*) FROM articles GROUP BY category_id, status;

CREATE TRIGGER article_counts_insert AFTER INSERT ON articles BEGIN
	INSERT INTO article_counts (category_id, status, n) VALUES (NEW.category_id, NEW.status, 1)
		ON CONFLICT (category_id, status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER article_counts_delete AFTER DELETE ON articles BEGIN
	UPDATE article_counts SET n = n - 1 WHERE category_id = OLD.category_id AND status = OLD.status;
END;
CREATE TRIGGER article_counts_update AFTER UPDATE OF category_id, status ON articles
	WHEN OLD.category_id <> NEW.category_id OR OLD.status <> NEW.status BEGIN
	UPDATE article_counts SET n = n - 1 WHERE category_id = OLD.category_id AND status = OLD.status;
	INSERT INTO article_counts (category_id, status, n) VALUES (NEW.category_id, NEW.status, 1)
		ON CONFLICT (category_id, status) DO UPDATE SET n = n + 1;
END;

-- A tag's published articles are its article_tags rows with pub_at set
-- (listing.go keeps pub_at).
CREATE TABLE tag_counts (
	tag_id    INTEGER PRIMARY KEY REFERENCES tags(id) ON DELETE CASCADE,
	published INTEGER NOT NULL
);
INSERT INTO tag_counts (tag_id, published)
	SELECT tag_id, COUNT(*) FROM article_tags WHERE pub_at IS NOT NULL GROUP BY tag_id;

CREATE TRIGGER tag_counts_insert AFTER INSERT ON article_tags WHEN NEW.pub_at IS NOT NULL BEGIN
	INSERT INTO tag_counts (tag_id, published) VALUES (NEW.tag_id, 1)
		ON CONFLICT (tag_id) DO UPDATE SET published = published + 1;
END;
CREATE TRIGGER tag_counts_delete AFTER DELETE ON article_tags WHEN OLD.pub_at IS NOT NULL BEGIN
	UPDATE tag_counts SET published = published - 1 WHERE tag_id = OLD.tag_id;
END;
CREATE TRIGGER tag_counts_update AFTER UPDATE OF pub_at, tag_id ON article_tags
	WHEN (OLD.pub_at IS NULL) <> (NEW.pub_at IS NULL) OR OLD.tag_id <> NEW.tag_id BEGIN
	UPDATE tag_counts SET published = published - 1 WHERE tag_id = OLD.tag_id AND OLD.pub_at IS NOT NULL;
	INSERT INTO tag_counts (tag_id, published) SELECT NEW.tag_id, 1 WHERE NEW.pub_at IS NOT NULL
		ON CONFLICT (tag_id) DO UPDATE SET published = published + 1;
END;
