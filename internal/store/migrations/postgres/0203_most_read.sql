-- Terpopuler kept ready (issue 11): the reader site's most-read lists,
-- ranked once a minute by the discovery job (Store.RefreshMostRead) from
-- the hourly view counts, so a front page reads a few rows by key instead
-- of summing every hourly row of the window: a portal's week holds
-- millions of them. One row a window (keyed by its start, truncated to the
-- hour) tells when it was ranked and how many articles its list holds;
-- the list is its best articles in order with the views that ranked them.
CREATE TABLE most_read_windows (
	since       TIMESTAMPTZ PRIMARY KEY,
	computed_at TIMESTAMPTZ NOT NULL,
	size        INTEGER NOT NULL
);
CREATE TABLE most_read (
	since      TIMESTAMPTZ NOT NULL REFERENCES most_read_windows(since) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	views      BIGINT NOT NULL,
	PRIMARY KEY (since, position)
);
CREATE INDEX most_read_article ON most_read(article_id);
