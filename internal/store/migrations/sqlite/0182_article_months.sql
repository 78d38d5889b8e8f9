-- Scale (issue 11): the per-day counts of 0180 summed per calendar month
-- (UTC; month = year * 12 + month - 1), kept by triggers like them. A deep
-- page walks months first, then the days of one month: at most about 120
-- + 31 sums instead of one row per day and channel over ten years (25,000
-- rows, 20-50 ms in pure-Go SQLite).
CREATE TABLE article_months (
	month       INTEGER NOT NULL,
	category_id INTEGER NOT NULL,
	n           INTEGER NOT NULL,
	PRIMARY KEY (month, category_id)
) WITHOUT ROWID;
CREATE INDEX article_months_category ON article_months(category_id, month, n);
INSERT INTO article_months (month, category_id, n)
	SELECT CAST(substr(published_at, 1, 4) AS INTEGER) * 12 + CAST(substr(published_at, 6, 2) AS INTEGER) - 1, category_id, COUNT(*)
	FROM articles WHERE status = 'published' AND published_at IS NOT NULL GROUP BY 1, 2;

CREATE TRIGGER article_months_insert AFTER INSERT ON articles
	WHEN NEW.status = 'published' AND NEW.published_at IS NOT NULL BEGIN
	INSERT INTO article_months (month, category_id, n)
		VALUES (CAST(substr(NEW.published_at, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.published_at, 6, 2) AS INTEGER) - 1, NEW.category_id, 1)
		ON CONFLICT (month, category_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER article_months_delete AFTER DELETE ON articles
	WHEN OLD.status = 'published' AND OLD.published_at IS NOT NULL BEGIN
	UPDATE article_months SET n = n - 1
		WHERE month = CAST(substr(OLD.published_at, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.published_at, 6, 2) AS INTEGER) - 1
		AND category_id = OLD.category_id;
END;
CREATE TRIGGER article_months_update AFTER UPDATE OF status, published_at, category_id ON articles
	WHEN OLD.status IS NOT NEW.status OR OLD.published_at IS NOT NEW.published_at OR OLD.category_id IS NOT NEW.category_id BEGIN
	UPDATE article_months SET n = n - 1
		WHERE OLD.status = 'published' AND OLD.published_at IS NOT NULL
		AND month = CAST(substr(OLD.published_at, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.published_at, 6, 2) AS INTEGER) - 1
		AND category_id = OLD.category_id;
	INSERT INTO article_months (month, category_id, n)
		SELECT CAST(substr(NEW.published_at, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.published_at, 6, 2) AS INTEGER) - 1, NEW.category_id, 1
		WHERE NEW.status = 'published' AND NEW.published_at IS NOT NULL
		ON CONFLICT (month, category_id) DO UPDATE SET n = n + 1;
END;
