-- Scale (issue 11): deep pages of one tag without OFFSET, like 0180/0182 for
-- the whole list: how many published articles each tag has per UTC day and
-- per calendar month of their publish time (article_tags.pub_at, which
-- listing.go keeps), kept exact by triggers. Page 5,000 of the biggest tag
-- (345,721 articles at 1M) stepped over 99,980 article_tags_pub entries.
CREATE TABLE tag_days (
	tag_id INTEGER NOT NULL,
	day    INTEGER NOT NULL,
	n      INTEGER NOT NULL,
	PRIMARY KEY (tag_id, day)
) WITHOUT ROWID;
CREATE TABLE tag_months (
	tag_id INTEGER NOT NULL,
	month  INTEGER NOT NULL,
	n      INTEGER NOT NULL,
	PRIMARY KEY (tag_id, month)
) WITHOUT ROWID;
INSERT INTO tag_days (tag_id, day, n)
	SELECT tag_id, CAST(julianday(substr(pub_at, 1, 10)) - 2440587.5 AS INTEGER), COUNT(*) FROM article_tags WHERE pub_at IS NOT NULL GROUP BY 1, 2;
INSERT INTO tag_months (tag_id, month, n)
	SELECT tag_id, CAST(substr(pub_at, 1, 4) AS INTEGER) * 12 + CAST(substr(pub_at, 6, 2) AS INTEGER) - 1, COUNT(*) FROM article_tags WHERE pub_at IS NOT NULL GROUP BY 1, 2;

CREATE TRIGGER tag_days_insert AFTER INSERT ON article_tags WHEN NEW.pub_at IS NOT NULL BEGIN
	INSERT INTO tag_days (tag_id, day, n) VALUES (NEW.tag_id, CAST(julianday(substr(NEW.pub_at, 1, 10)) - 2440587.5 AS INTEGER), 1)
		ON CONFLICT (tag_id, day) DO UPDATE SET n = n + 1;
	INSERT INTO tag_months (tag_id, month, n) VALUES (NEW.tag_id, CAST(substr(NEW.pub_at, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.pub_at, 6, 2) AS INTEGER) - 1, 1)
		ON CONFLICT (tag_id, month) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER tag_days_delete AFTER DELETE ON article_tags WHEN OLD.pub_at IS NOT NULL BEGIN
	UPDATE tag_days SET n = n - 1 WHERE tag_id = OLD.tag_id AND day = CAST(julianday(substr(OLD.pub_at, 1, 10)) - 2440587.5 AS INTEGER);
	UPDATE tag_months SET n = n - 1 WHERE tag_id = OLD.tag_id AND month = CAST(substr(OLD.pub_at, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.pub_at, 6, 2) AS INTEGER) - 1;
END;
CREATE TRIGGER tag_days_update AFTER UPDATE OF pub_at, tag_id ON article_tags
	WHEN OLD.pub_at IS NOT NEW.pub_at OR OLD.tag_id <> NEW.tag_id BEGIN
	UPDATE tag_days SET n = n - 1 WHERE OLD.pub_at IS NOT NULL AND tag_id = OLD.tag_id AND day = CAST(julianday(substr(OLD.pub_at, 1, 10)) - 2440587.5 AS INTEGER);
	UPDATE tag_months SET n = n - 1 WHERE OLD.pub_at IS NOT NULL AND tag_id = OLD.tag_id AND month = CAST(substr(OLD.pub_at, 1, 4) AS INTEGER) * 12 + CAST(substr(OLD.pub_at, 6, 2) AS INTEGER) - 1;
	INSERT INTO tag_days (tag_id, day, n) SELECT NEW.tag_id, CAST(julianday(substr(NEW.pub_at, 1, 10)) - 2440587.5 AS INTEGER), 1 WHERE NEW.pub_at IS NOT NULL
		ON CONFLICT (tag_id, day) DO UPDATE SET n = n + 1;
	INSERT INTO tag_months (tag_id, month, n) SELECT NEW.tag_id, CAST(substr(NEW.pub_at, 1, 4) AS INTEGER) * 12 + CAST(substr(NEW.pub_at, 6, 2) AS INTEGER) - 1, 1 WHERE NEW.pub_at IS NOT NULL
		ON CONFLICT (tag_id, month) DO UPDATE SET n = n + 1;
END;
