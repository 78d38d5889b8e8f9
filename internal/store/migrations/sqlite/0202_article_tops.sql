-- Scale (issue 11): each article's approved top-level comments, one row an
-- article, kept exact by triggers on every write (as 0181's comment_counts).
-- A page of comments (the article page, its comment pages, the API's
-- comment list) reads its total here instead of counting the article's
-- range of comments_top: 10,500 entries on the scale archive's hot article.
-- A table of its own, not a column of articles: adding one rewrites every
-- wide article row on SQLite. Articles without such comments have no row.
CREATE TABLE article_tops (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	n          INTEGER NOT NULL
);
INSERT INTO article_tops (article_id, n)
	SELECT article_id, COUNT(*) FROM comments WHERE parent_id IS NULL AND status = 'approved' GROUP BY article_id;

CREATE TRIGGER article_tops_insert AFTER INSERT ON comments
	WHEN NEW.parent_id IS NULL AND NEW.status = 'approved' BEGIN
	INSERT INTO article_tops (article_id, n) VALUES (NEW.article_id, 1)
		ON CONFLICT (article_id) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER article_tops_delete AFTER DELETE ON comments
	WHEN OLD.parent_id IS NULL AND OLD.status = 'approved' BEGIN
	UPDATE article_tops SET n = n - 1 WHERE article_id = OLD.article_id;
END;
CREATE TRIGGER article_tops_update AFTER UPDATE OF status, parent_id, article_id ON comments
	WHEN (OLD.parent_id IS NULL AND OLD.status = 'approved') <> (NEW.parent_id IS NULL AND NEW.status = 'approved')
		OR (OLD.article_id <> NEW.article_id AND NEW.parent_id IS NULL AND NEW.status = 'approved') BEGIN
	UPDATE article_tops SET n = n - 1 WHERE article_id = OLD.article_id AND OLD.parent_id IS NULL AND OLD.status = 'approved';
	INSERT INTO article_tops (article_id, n) SELECT NEW.article_id, 1 WHERE NEW.parent_id IS NULL AND NEW.status = 'approved'
		ON CONFLICT (article_id) DO UPDATE SET n = n + 1;
END;
