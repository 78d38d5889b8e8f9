-- Scale (issue 11): the pages sitemap lists every author with published
-- articles, and their page's lastmod, without a probe per author: each
-- author keeps the publish time of their newest published article
-- (article_authors.pub_at, which listing.go keeps; NULL when they have
-- none), kept exactly as 0197 keeps tags.newest_pub_at (per statement for INSERT
-- and DELETE, per changed row for UPDATE; a probe runs after the author's
-- row is locked). It may be ahead of
-- now (a scheduled article): the sitemap then probes that author for the
-- newest time already reached.
ALTER TABLE authors ADD COLUMN newest_pub_at TIMESTAMPTZ NULL;
UPDATE authors SET newest_pub_at = (SELECT l.pub_at FROM article_authors l
	WHERE l.author_id = authors.id AND l.pub_at IS NOT NULL ORDER BY l.pub_at DESC LIMIT 1);

CREATE FUNCTION authors_newest_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE authors au SET newest_pub_at = n.m
		FROM (SELECT author_id, MAX(pub_at) AS m FROM new_rows WHERE pub_at IS NOT NULL GROUP BY 1) n
		WHERE au.id = n.author_id AND (au.newest_pub_at IS NULL OR au.newest_pub_at < n.m);
	RETURN NULL;
END $$;
CREATE FUNCTION authors_newest_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM 1 FROM authors au
		WHERE au.id IN (SELECT author_id FROM old_rows o WHERE o.pub_at IS NOT NULL AND (au.newest_pub_at IS NULL OR au.newest_pub_at <= o.pub_at))
		ORDER BY au.id FOR UPDATE;
	UPDATE authors au SET newest_pub_at = (SELECT l.pub_at FROM article_authors l
			WHERE l.author_id = au.id AND l.pub_at IS NOT NULL ORDER BY l.pub_at DESC LIMIT 1)
		FROM (SELECT author_id, MAX(pub_at) AS m FROM old_rows WHERE pub_at IS NOT NULL GROUP BY 1) o
		WHERE au.id = o.author_id AND (au.newest_pub_at IS NULL OR au.newest_pub_at <= o.m);
	RETURN NULL;
END $$;
CREATE FUNCTION authors_newest_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.pub_at IS NOT NULL THEN
		PERFORM 1 FROM authors WHERE id = OLD.author_id AND (newest_pub_at IS NULL OR newest_pub_at <= OLD.pub_at) FOR UPDATE;
		IF FOUND THEN
			UPDATE authors SET newest_pub_at = (SELECT l.pub_at FROM article_authors l
				WHERE l.author_id = OLD.author_id AND l.pub_at IS NOT NULL ORDER BY l.pub_at DESC LIMIT 1)
				WHERE id = OLD.author_id;
		END IF;
	END IF;
	IF NEW.pub_at IS NOT NULL THEN
		UPDATE authors SET newest_pub_at = NEW.pub_at
			WHERE id = NEW.author_id AND (newest_pub_at IS NULL OR newest_pub_at < NEW.pub_at);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER authors_newest_insert AFTER INSERT ON article_authors REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION authors_newest_add();
CREATE TRIGGER authors_newest_delete AFTER DELETE ON article_authors REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION authors_newest_remove();
CREATE TRIGGER authors_newest_update AFTER UPDATE OF pub_at, author_id ON article_authors
	FOR EACH ROW WHEN (OLD.pub_at IS DISTINCT FROM NEW.pub_at OR OLD.author_id <> NEW.author_id)
	EXECUTE FUNCTION authors_newest_move();

-- Each author's published articles (their article_authors rows with
-- pub_at set), one row an author like 0166's tag_counts: an author's
-- page total and the API's author list read one row an author instead
-- of summing about 120 author_months rows (0195) each.
CREATE TABLE author_counts (
	author_id BIGINT PRIMARY KEY REFERENCES authors(id) ON DELETE CASCADE,
	n         BIGINT NOT NULL
);
INSERT INTO author_counts (author_id, n)
	SELECT author_id, COUNT(*) FROM article_authors WHERE pub_at IS NOT NULL GROUP BY author_id;

CREATE FUNCTION author_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO author_counts (author_id, n)
		SELECT author_id, COUNT(*) FROM new_rows WHERE pub_at IS NOT NULL GROUP BY author_id
		ON CONFLICT (author_id) DO UPDATE SET n = author_counts.n + excluded.n;
	RETURN NULL;
END $$;
CREATE FUNCTION author_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE author_counts c SET n = c.n - o.k
		FROM (SELECT author_id, COUNT(*) AS k FROM old_rows WHERE pub_at IS NOT NULL GROUP BY author_id) o
		WHERE c.author_id = o.author_id;
	RETURN NULL;
END $$;
CREATE FUNCTION author_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.pub_at IS NOT NULL THEN
		UPDATE author_counts SET n = n - 1 WHERE author_id = OLD.author_id;
	END IF;
	IF NEW.pub_at IS NOT NULL THEN
		INSERT INTO author_counts (author_id, n) VALUES (NEW.author_id, 1)
			ON CONFLICT (author_id) DO UPDATE SET n = author_counts.n + 1;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER author_counts_insert AFTER INSERT ON article_authors REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION author_counts_add();
CREATE TRIGGER author_counts_delete AFTER DELETE ON article_authors REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION author_counts_remove();
CREATE TRIGGER author_counts_update AFTER UPDATE OF pub_at, author_id ON article_authors
	FOR EACH ROW WHEN ((OLD.pub_at IS NULL) <> (NEW.pub_at IS NULL) OR OLD.author_id <> NEW.author_id)
	EXECUTE FUNCTION author_counts_move();
