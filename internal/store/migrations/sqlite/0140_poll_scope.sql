-- Article-only polls vs the site poll (issue 14). A poll's scope says where
-- readers see it: 'site' (the home page's poll, and beside every article
-- that has no poll of its own) or 'article' (only on the articles that
-- attach it). Before this, attaching a poll to one article made it the
-- site-wide poll; polls already attached to an article become article-only.
-- Which site poll the home page shows is a setting (home.poll).
ALTER TABLE polls ADD COLUMN scope TEXT NOT NULL DEFAULT 'site' CHECK (scope IN ('site', 'article'));
UPDATE polls SET scope = 'article'
	WHERE article_id IS NOT NULL OR EXISTS (SELECT 1 FROM articles a WHERE a.poll_id = polls.id);
CREATE INDEX polls_scope ON polls(scope, created_at);
