-- Scale (issue 11): deep pages without OFFSET. How many published articles
-- each channel has per UTC day of their publish time (day = days since
-- 1970-01-01), kept exact by triggers on every write. A deep page of the
-- newest (or oldest) list sums these rows from today back to the day that
-- holds its first article, then cuts the page from that day on: page 5,000
-- of a million articles reads about 365 × 7 small rows and one day's index
-- entries instead of 99,980 (content_api.go, seekPage).
CREATE TABLE article_days (
	day         INTEGER NOT NULL,
	category_id INTEGER NOT NULL,
	n           INTEGER NOT NULL,
	PRIMARY KEY (day, category_id)
) WITHOUT ROWID;
CREATE INDEX article_days_category ON article_days(category_id, day, n);
INSERT INTO article_days (day, category_id, n)
	SELECT CAST(julianday(substr(published_at, 1, 10)) - 2440587.5 AS INTEGER), category_id, COUNT(*)
	FROM articles WHERE status = 'published' AND published_at IS NOT NULL GROUP BY 1, 2;

CREATE TRIGGER article_days_insert AFTER INSERT ON articles
	WHEN NEW.status = 'published' AND NEW.published_at IS NOT NULL BEGIN
	INSERT INTO article_days (day, category_id, n)
		VALUES (CAST(julianday(substr(NEW.published_at, 1, 10)) - 2440587.5 AS INTEGER), NEW.category_id, 1)
		ON CONFLICT (day, category_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER article_days_delete AFTER DELETE ON articles
	WHEN OLD.status = 'published' AND OLD.published_at IS NOT NULL BEGIN
	UPDATE article_days SET n = n - 1
		WHERE day = CAST(julianday(substr(OLD.published_at, 1, 10)) - 2440587.5 AS INTEGER) AND category_id = OLD.category_id;
END;
CREATE TRIGGER article_days_update AFTER UPDATE OF status, published_at, category_id ON articles
	WHEN OLD.status IS NOT NEW.status OR OLD.published_at IS NOT NEW.published_at OR OLD.category_id IS NOT NEW.category_id BEGIN
	UPDATE article_days SET n = n - 1
		WHERE OLD.status = 'published' AND OLD.published_at IS NOT NULL
		AND day = CAST(julianday(substr(OLD.published_at, 1, 10)) - 2440587.5 AS INTEGER) AND category_id = OLD.category_id;
	INSERT INTO article_days (day, category_id, n)
		SELECT CAST(julianday(substr(NEW.published_at, 1, 10)) - 2440587.5 AS INTEGER), NEW.category_id, 1
		WHERE NEW.status = 'published' AND NEW.published_at IS NOT NULL
		ON CONFLICT (day, category_id) DO UPDATE SET n = n + 1;
END;
