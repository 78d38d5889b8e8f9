-- Scale (issue 11): how many comments have each status, kept exact by
-- triggers on every write. The moderation queue's and the dashboard's
-- "menunggu moderasi" read one row here instead of counting up to 10,001
-- entries of comments_queue (and can say the exact number past 10,000).
CREATE TABLE comment_counts (
	status TEXT PRIMARY KEY,
	n      INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO comment_counts (status, n) SELECT status, COUNT(*) FROM comments GROUP BY status;

CREATE TRIGGER comment_counts_insert AFTER INSERT ON comments BEGIN
	INSERT INTO comment_counts (status, n) VALUES (NEW.status, 1)
		ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER comment_counts_delete AFTER DELETE ON comments BEGIN
	UPDATE comment_counts SET n = n - 1 WHERE status = OLD.status;
END;
CREATE TRIGGER comment_counts_update AFTER UPDATE OF status ON comments WHEN OLD.status <> NEW.status BEGIN
	UPDATE comment_counts SET n = n - 1 WHERE status = OLD.status;
	INSERT INTO comment_counts (status, n) VALUES (NEW.status, 1)
		ON CONFLICT (status) DO UPDATE SET n = n + 1;
END;
