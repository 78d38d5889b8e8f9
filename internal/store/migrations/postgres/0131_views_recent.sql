-- Views per minute of the last few minutes (issue 14): the newsroom
-- dashboard's "dibaca sekarang" (read in the last 5 minutes). Each view
-- flush adds its views under the minute it writes them and removes the
-- minutes older than RecentViewsKeep, so the table holds a few minutes of
-- the articles being read, never the archive.
CREATE TABLE article_views_recent (
	article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	minute     TIMESTAMPTZ NOT NULL,
	views      BIGINT NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, minute)
);
CREATE INDEX article_views_recent_minute ON article_views_recent(minute, article_id);
