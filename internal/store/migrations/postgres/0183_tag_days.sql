-- Scale (issue 11): deep pages of one tag without OFFSET, like 0180/0182 for
-- the whole list: how many published articles each tag has per UTC day and
-- per calendar month of their publish time (article_tags.pub_at, which
-- listing.go keeps), kept exact by triggers: per statement for INSERT and
-- DELETE, per changed row for UPDATE.
CREATE TABLE tag_days (
	tag_id BIGINT NOT NULL,
	day    BIGINT NOT NULL,
	n      BIGINT NOT NULL,
	PRIMARY KEY (tag_id, day) INCLUDE (n)
);
CREATE TABLE tag_months (
	tag_id BIGINT NOT NULL,
	month  BIGINT NOT NULL,
	n      BIGINT NOT NULL,
	PRIMARY KEY (tag_id, month) INCLUDE (n)
);
INSERT INTO tag_days (tag_id, day, n)
	SELECT tag_id, article_day(pub_at), COUNT(*) FROM article_tags WHERE pub_at IS NOT NULL GROUP BY 1, 2;
INSERT INTO tag_months (tag_id, month, n)
	SELECT tag_id, article_month(pub_at), COUNT(*) FROM article_tags WHERE pub_at IS NOT NULL GROUP BY 1, 2;

CREATE FUNCTION tag_days_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO tag_days (tag_id, day, n)
		SELECT tag_id, article_day(pub_at), COUNT(*) FROM new_rows WHERE pub_at IS NOT NULL GROUP BY 1, 2
		ON CONFLICT (tag_id, day) DO UPDATE SET n = tag_days.n + excluded.n;
	INSERT INTO tag_months (tag_id, month, n)
		SELECT tag_id, article_month(pub_at), COUNT(*) FROM new_rows WHERE pub_at IS NOT NULL GROUP BY 1, 2
		ON CONFLICT (tag_id, month) DO UPDATE SET n = tag_months.n + excluded.n;
	RETURN NULL;
END $$;
CREATE FUNCTION tag_days_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE tag_days d SET n = d.n - o.k
		FROM (SELECT tag_id, article_day(pub_at) AS day, COUNT(*) AS k FROM old_rows WHERE pub_at IS NOT NULL GROUP BY 1, 2) o
		WHERE d.tag_id = o.tag_id AND d.day = o.day;
	UPDATE tag_months m SET n = m.n - o.k
		FROM (SELECT tag_id, article_month(pub_at) AS month, COUNT(*) AS k FROM old_rows WHERE pub_at IS NOT NULL GROUP BY 1, 2) o
		WHERE m.tag_id = o.tag_id AND m.month = o.month;
	RETURN NULL;
END $$;
CREATE FUNCTION tag_days_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.pub_at IS NOT NULL THEN
		UPDATE tag_days SET n = n - 1 WHERE tag_id = OLD.tag_id AND day = article_day(OLD.pub_at);
		UPDATE tag_months SET n = n - 1 WHERE tag_id = OLD.tag_id AND month = article_month(OLD.pub_at);
	END IF;
	IF NEW.pub_at IS NOT NULL THEN
		INSERT INTO tag_days (tag_id, day, n) VALUES (NEW.tag_id, article_day(NEW.pub_at), 1)
			ON CONFLICT (tag_id, day) DO UPDATE SET n = tag_days.n + 1;
		INSERT INTO tag_months (tag_id, month, n) VALUES (NEW.tag_id, article_month(NEW.pub_at), 1)
			ON CONFLICT (tag_id, month) DO UPDATE SET n = tag_months.n + 1;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER tag_days_insert AFTER INSERT ON article_tags REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tag_days_add();
CREATE TRIGGER tag_days_delete AFTER DELETE ON article_tags REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tag_days_remove();
CREATE TRIGGER tag_days_update AFTER UPDATE OF pub_at, tag_id ON article_tags
	FOR EACH ROW WHEN (OLD.pub_at IS DISTINCT FROM NEW.pub_at OR OLD.tag_id <> NEW.tag_id)
	EXECUTE FUNCTION tag_days_move();
