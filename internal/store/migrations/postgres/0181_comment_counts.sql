-- Scale (issue 11): how many comments have each status, kept exact by
-- triggers on every write. The moderation queue's and the dashboard's
-- "menunggu moderasi" read one row here instead of counting up to 10,001
-- entries of comments_queue (and can say the exact number past 10,000).
-- Inserts and deletes are counted per statement (a bulk load's multi-row
-- INSERT or an article's cascade adds or takes its rows in one step).
CREATE TABLE comment_counts (
	status TEXT PRIMARY KEY,
	n      BIGINT NOT NULL
);
INSERT INTO comment_counts (status, n) SELECT status, COUNT(*) FROM comments GROUP BY status;

CREATE FUNCTION comment_counts_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO comment_counts (status, n) SELECT status, COUNT(*) FROM new_rows GROUP BY status
		ON CONFLICT (status) DO UPDATE SET n = comment_counts.n + excluded.n;
	RETURN NULL;
END $$;
CREATE FUNCTION comment_counts_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE comment_counts c SET n = c.n - o.k
		FROM (SELECT status, COUNT(*) AS k FROM old_rows GROUP BY status) o WHERE c.status = o.status;
	RETURN NULL;
END $$;
CREATE FUNCTION comment_counts_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE comment_counts SET n = n - 1 WHERE status = OLD.status;
	INSERT INTO comment_counts (status, n) VALUES (NEW.status, 1)
		ON CONFLICT (status) DO UPDATE SET n = comment_counts.n + 1;
	RETURN NULL;
END $$;
CREATE TRIGGER comment_counts_insert AFTER INSERT ON comments REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION comment_counts_add();
CREATE TRIGGER comment_counts_delete AFTER DELETE ON comments REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION comment_counts_remove();
CREATE TRIGGER comment_counts_update AFTER UPDATE OF status ON comments
	FOR EACH ROW WHEN (OLD.status <> NEW.status)
	EXECUTE FUNCTION comment_counts_move();
