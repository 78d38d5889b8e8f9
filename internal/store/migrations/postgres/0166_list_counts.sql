-- Scale (issue 11): list totals without counting. How many articles each
-- channel holds per status, and how many published articles each tag has,
-- kept exact by triggers on every write (the editor, the API, the bulk
-- loader, tag merges and deletes alike). The channel pages, the API's
-- category list and totals, the newsroom dashboard and the tag list read a
-- row here instead of counting up to 10,001 index entries (about 80 ms for
-- the seven channels at 100,000 articles). docs/performance.md has the plans.
-- Inserts and deletes are counted per statement (a bulk load's multi-row
-- INSERT adds its rows in one step); an update only when it changes a
-- counted column (the views counter's updates skip the trigger).
CREATE TABLE article_counts (
	category_id BIGINT NOT NULL,
	status      TEXT NOT NULL,
	n           BIGINT NOT NULL,
	PRIMARY KEY (category_id, status)
);
INSERT INTO article_counts (category_id, status, n)
	SELECT category_id, status, COUNT(*) FROM articles GROUP BY category_id, status;

CREATE FUNCTION article_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO article_counts (category_id, status, n)
		SELECT category_id, status, COUNT(*) FROM new_rows GROUP BY category_id, status
		ON CONFLICT (category_id, status) DO UPDATE SET n = article_counts.n + excluded.n;
	RETURN NULL;
END $$;
CREATE FUNCTION article_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE article_counts c SET n = c.n - o.k
		FROM (SELECT category_id, status, COUNT(*) AS k FROM old_rows GROUP BY category_id, status) o
		WHERE c.category_id = o.category_id AND c.status = o.status;
	RETURN NULL;
END $$;
CREATE FUNCTION article_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE article_counts SET n = n - 1 WHERE category_id = OLD.category_id AND status = OLD.status;
	INSERT INTO article_counts (category_id, status, n) VALUES (NEW.category_id, NEW.status, 1)
		ON CONFLICT (category_id, status) DO UPDATE SET n = article_counts.n + 1;
	RETURN NULL;
END $$;
CREATE TRIGGER article_counts_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION article_counts_add();
CREATE TRIGGER article_counts_delete AFTER DELETE ON articles REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION article_counts_remove();
CREATE TRIGGER article_counts_update AFTER UPDATE OF category_id, status ON articles
	FOR EACH ROW WHEN (OLD.category_id <> NEW.category_id OR OLD.status <> NEW.status)
	EXECUTE FUNCTION article_counts_move();

-- A tag's published articles are its article_tags rows with pub_at set
-- (listing.go keeps pub_at).
CREATE TABLE tag_counts (
	tag_id    BIGINT PRIMARY KEY REFERENCES tags(id) ON DELETE CASCADE,
	published BIGINT NOT NULL
);
INSERT INTO tag_counts (tag_id, published)
	SELECT tag_id, COUNT(*) FROM article_tags WHERE pub_at IS NOT NULL GROUP BY tag_id;

CREATE FUNCTION tag_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO tag_counts (tag_id, published)
		SELECT tag_id, COUNT(*) FROM new_rows WHERE pub_at IS NOT NULL GROUP BY tag_id
		ON CONFLICT (tag_id) DO UPDATE SET published = tag_counts.published + excluded.published;
	RETURN NULL;
END $$;
CREATE FUNCTION tag_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE tag_counts c SET published = c.published - o.k
		FROM (SELECT tag_id, COUNT(*) AS k FROM old_rows WHERE pub_at IS NOT NULL GROUP BY tag_id) o
		WHERE c.tag_id = o.tag_id;
	RETURN NULL;
END $$;
CREATE FUNCTION tag_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.pub_at IS NOT NULL THEN
		UPDATE tag_counts SET published = published - 1 WHERE tag_id = OLD.tag_id;
	END IF;
	IF NEW.pub_at IS NOT NULL THEN
		INSERT INTO tag_counts (tag_id, published) VALUES (NEW.tag_id, 1)
			ON CONFLICT (tag_id) DO UPDATE SET published = tag_counts.published + 1;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER tag_counts_insert AFTER INSERT ON article_tags REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tag_counts_add();
CREATE TRIGGER tag_counts_delete AFTER DELETE ON article_tags REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tag_counts_remove();
CREATE TRIGGER tag_counts_update AFTER UPDATE OF pub_at, tag_id ON article_tags
	FOR EACH ROW WHEN ((OLD.pub_at IS NULL) <> (NEW.pub_at IS NULL) OR OLD.tag_id <> NEW.tag_id)
	EXECUTE FUNCTION tag_counts_move();
