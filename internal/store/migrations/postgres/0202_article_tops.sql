-- Scale (issue 11): each article's approved top-level comments, one row an
-- article, kept exact by triggers on every write (as 0181's comment_counts;
-- inserts and deletes per statement, so a bulk INSERT or an article's
-- cascade adds or takes its rows in one step). A page of comments (the
-- article page, its comment pages, the API's comment list) reads its total
-- here instead of counting the article's range of comments_top: 10,500
-- entries on the scale archive's hot article. A table of its own, as on
-- SQLite (where a column of articles rewrites every wide article row).
-- Articles without such comments have no row.
CREATE TABLE article_tops (
	article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	n          BIGINT NOT NULL
);
INSERT INTO article_tops (article_id, n)
	SELECT article_id, COUNT(*) FROM comments WHERE parent_id IS NULL AND status = 'approved' GROUP BY article_id;

CREATE FUNCTION article_tops_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO article_tops (article_id, n)
		SELECT article_id, COUNT(*) FROM new_rows WHERE parent_id IS NULL AND status = 'approved' GROUP BY article_id
		ON CONFLICT (article_id) DO UPDATE SET n = article_tops.n + excluded.n;
	RETURN NULL;
END $$;
CREATE FUNCTION article_tops_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE article_tops c SET n = c.n - o.k
		FROM (SELECT article_id, COUNT(*) AS k FROM old_rows WHERE parent_id IS NULL AND status = 'approved' GROUP BY article_id) o
		WHERE c.article_id = o.article_id;
	RETURN NULL;
END $$;
CREATE FUNCTION article_tops_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.parent_id IS NULL AND OLD.status = 'approved' THEN
		UPDATE article_tops SET n = n - 1 WHERE article_id = OLD.article_id;
	END IF;
	IF NEW.parent_id IS NULL AND NEW.status = 'approved' THEN
		INSERT INTO article_tops (article_id, n) VALUES (NEW.article_id, 1)
			ON CONFLICT (article_id) DO UPDATE SET n = article_tops.n + 1;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER article_tops_insert AFTER INSERT ON comments REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION article_tops_add();
CREATE TRIGGER article_tops_delete AFTER DELETE ON comments REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION article_tops_remove();
CREATE TRIGGER article_tops_update AFTER UPDATE OF status, parent_id, article_id ON comments
	FOR EACH ROW WHEN ((OLD.parent_id IS NULL AND OLD.status = 'approved') IS DISTINCT FROM (NEW.parent_id IS NULL AND NEW.status = 'approved')
		OR (OLD.article_id <> NEW.article_id AND NEW.parent_id IS NULL AND NEW.status = 'approved'))
	EXECUTE FUNCTION article_tops_move();
