-- Scale (issue 11): the per-day counts of 0180 summed per calendar month
-- (UTC; month = year * 12 + month - 1), kept by triggers like them. A deep
-- page walks months first, then the days of one month: at most about 120
-- + 31 sums instead of one row per day and channel over ten years.
CREATE FUNCTION article_month(t TIMESTAMPTZ) RETURNS BIGINT LANGUAGE sql STABLE AS
	$$ SELECT (extract(year FROM t AT TIME ZONE 'UTC') * 12 + extract(month FROM t AT TIME ZONE 'UTC') - 1)::bigint $$;
CREATE TABLE article_months (
	month       BIGINT NOT NULL,
	category_id BIGINT NOT NULL,
	n           BIGINT NOT NULL,
	PRIMARY KEY (month, category_id) INCLUDE (n)
);
CREATE INDEX article_months_category ON article_months(category_id, month, n);
INSERT INTO article_months (month, category_id, n)
	SELECT article_month(published_at), category_id, COUNT(*)
	FROM articles WHERE status = 'published' AND published_at IS NOT NULL GROUP BY 1, 2;

CREATE FUNCTION article_months_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO article_months (month, category_id, n)
		SELECT article_month(published_at), category_id, COUNT(*) FROM new_rows
		WHERE status = 'published' AND published_at IS NOT NULL GROUP BY 1, 2
		ON CONFLICT (month, category_id) DO UPDATE SET n = article_months.n + excluded.n;
	RETURN NULL;
END $$;
CREATE FUNCTION article_months_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE article_months m SET n = m.n - o.k
		FROM (SELECT article_month(published_at) AS month, category_id, COUNT(*) AS k FROM old_rows
			WHERE status = 'published' AND published_at IS NOT NULL GROUP BY 1, 2) o
		WHERE m.month = o.month AND m.category_id = o.category_id;
	RETURN NULL;
END $$;
CREATE FUNCTION article_months_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.status = 'published' AND OLD.published_at IS NOT NULL THEN
		UPDATE article_months SET n = n - 1 WHERE month = article_month(OLD.published_at) AND category_id = OLD.category_id;
	END IF;
	IF NEW.status = 'published' AND NEW.published_at IS NOT NULL THEN
		INSERT INTO article_months (month, category_id, n) VALUES (article_month(NEW.published_at), NEW.category_id, 1)
			ON CONFLICT (month, category_id) DO UPDATE SET n = article_months.n + 1;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER article_months_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION article_months_add();
CREATE TRIGGER article_months_delete AFTER DELETE ON articles REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION article_months_remove();
CREATE TRIGGER article_months_update AFTER UPDATE OF status, published_at, category_id ON articles
	FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at
		OR OLD.category_id IS DISTINCT FROM NEW.category_id)
	EXECUTE FUNCTION article_months_move();
