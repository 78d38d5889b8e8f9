-- Scale (issue 11): deep pages without OFFSET. How many published articles
-- each channel has per UTC day of their publish time (day = days since
-- 1970-01-01), kept exact by triggers on every write. A deep page of the
-- newest (or oldest) list sums these rows from today back to the day that
-- holds its first article, then cuts the page from that day on: page 5,000
-- of a million articles reads about 365 × 7 small rows and one day's index
-- entries instead of 99,980 (content_api.go, seekPage).
-- Inserts and deletes are counted per statement (a bulk load's multi-row
-- INSERT adds its rows in one step); an update only when it changes a
-- counted column (the views counter's updates skip the trigger).
CREATE FUNCTION article_day(t TIMESTAMPTZ) RETURNS BIGINT LANGUAGE sql STABLE AS
	$$ SELECT floor(extract(epoch FROM t) / 86400)::bigint $$;
CREATE TABLE article_days (
	day         BIGINT NOT NULL,
	category_id BIGINT NOT NULL,
	n           BIGINT NOT NULL,
	PRIMARY KEY (day, category_id) INCLUDE (n) -- covering: the whole list reads it backwards, no sort
);
CREATE INDEX article_days_category ON article_days(category_id, day, n);
INSERT INTO article_days (day, category_id, n)
	SELECT article_day(published_at), category_id, COUNT(*)
	FROM articles WHERE status = 'published' AND published_at IS NOT NULL GROUP BY 1, 2;

CREATE FUNCTION article_days_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO article_days (day, category_id, n)
		SELECT article_day(published_at), category_id, COUNT(*) FROM new_rows
		WHERE status = 'published' AND published_at IS NOT NULL GROUP BY 1, 2
		ON CONFLICT (day, category_id) DO UPDATE SET n = article_days.n + excluded.n;
	RETURN NULL;
END $$;
CREATE FUNCTION article_days_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE article_days d SET n = d.n - o.k
		FROM (SELECT article_day(published_at) AS day, category_id, COUNT(*) AS k FROM old_rows
			WHERE status = 'published' AND published_at IS NOT NULL GROUP BY 1, 2) o
		WHERE d.day = o.day AND d.category_id = o.category_id;
	RETURN NULL;
END $$;
CREATE FUNCTION article_days_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.status = 'published' AND OLD.published_at IS NOT NULL THEN
		UPDATE article_days SET n = n - 1 WHERE day = article_day(OLD.published_at) AND category_id = OLD.category_id;
	END IF;
	IF NEW.status = 'published' AND NEW.published_at IS NOT NULL THEN
		INSERT INTO article_days (day, category_id, n) VALUES (article_day(NEW.published_at), NEW.category_id, 1)
			ON CONFLICT (day, category_id) DO UPDATE SET n = article_days.n + 1;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER article_days_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION article_days_add();
CREATE TRIGGER article_days_delete AFTER DELETE ON articles REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION article_days_remove();
CREATE TRIGGER article_days_update AFTER UPDATE OF status, published_at, category_id ON articles
	FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at
		OR OLD.category_id IS DISTINCT FROM NEW.category_id)
	EXECUTE FUNCTION article_days_move();
