-- Engagement: views per hour, reactions, comments, poll votes, moderation
-- lists and site settings.
CREATE TABLE settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

CREATE TABLE article_views_hourly (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	hour       TIMESTAMP NOT NULL,
	views      INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, hour)
);
CREATE INDEX article_views_hourly_hour ON article_views_hourly(hour, article_id);

CREATE TABLE reactions (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	reader     TEXT NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('like', 'dislike')),
	updated_at TIMESTAMP NOT NULL,
	PRIMARY KEY (article_id, reader)
);

CREATE TABLE comments (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	parent_id  INTEGER NULL REFERENCES comments(id) ON DELETE CASCADE,
	name       TEXT NOT NULL,
	email      TEXT NOT NULL DEFAULT '',
	body       TEXT NOT NULL,
	status     TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'spam')),
	reader     TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX comments_article ON comments(article_id, status, created_at);
CREATE INDEX comments_status ON comments(status, created_at);
CREATE INDEX comments_email ON comments(email, status);

CREATE TABLE poll_votes (
	poll_id    INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
	voter      TEXT NOT NULL,
	option_id  INTEGER NOT NULL REFERENCES poll_options(id) ON DELETE CASCADE,
	created_at TIMESTAMP NOT NULL,
	PRIMARY KEY (poll_id, voter)
);

CREATE TABLE banned_words (
	word       TEXT PRIMARY KEY,
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE blocked_readers (
	reader     TEXT PRIMARY KEY,
	reason     TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL
);
