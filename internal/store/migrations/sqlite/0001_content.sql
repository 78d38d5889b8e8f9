-- Content model: categories, tags, authors, articles and polls, with the
-- counters that engagement fills.
CREATE TABLE categories (
	id          INTEGER PRIMARY KEY,
	slug        TEXT NOT NULL UNIQUE,
	name        TEXT NOT NULL,
	description TEXT NOT NULL DEFAULT '',
	position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE tags (
	id   INTEGER PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL
);

CREATE TABLE authors (
	id   INTEGER PRIMARY KEY,
	slug TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	bio  TEXT NOT NULL DEFAULT ''
);

CREATE TABLE polls (
	id         INTEGER PRIMARY KEY,
	question   TEXT NOT NULL,
	article_id INTEGER NULL,
	opens_at   TIMESTAMP NOT NULL,
	closes_at  TIMESTAMP NULL,
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE poll_options (
	id       INTEGER PRIMARY KEY,
	poll_id  INTEGER NOT NULL REFERENCES polls(id) ON DELETE CASCADE,
	label    TEXT NOT NULL,
	position INTEGER NOT NULL DEFAULT 0,
	votes    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX poll_options_poll ON poll_options(poll_id, position);

CREATE TABLE articles (
	id            INTEGER PRIMARY KEY,
	slug          TEXT NOT NULL UNIQUE,
	title         TEXT NOT NULL,
	excerpt       TEXT NOT NULL DEFAULT '',
	body_source   TEXT NOT NULL DEFAULT '',
	body_html     TEXT NOT NULL DEFAULT '',
	photo_url     TEXT NOT NULL DEFAULT '',
	photo_caption TEXT NOT NULL DEFAULT '',
	photo_credit  TEXT NOT NULL DEFAULT '',
	photo_width   INTEGER NOT NULL DEFAULT 0,
	photo_height  INTEGER NOT NULL DEFAULT 0,
	category_id   INTEGER NOT NULL REFERENCES categories(id),
	status        TEXT NOT NULL DEFAULT 'draft'
	              CHECK (status IN ('draft', 'review', 'scheduled', 'published', 'unpublished')),
	published_at  TIMESTAMP NULL,
	created_at    TIMESTAMP NOT NULL,
	updated_at    TIMESTAMP NOT NULL,
	breaking      BOOLEAN NOT NULL DEFAULT FALSE,
	featured      BOOLEAN NOT NULL DEFAULT FALSE,
	hot           BOOLEAN NOT NULL DEFAULT FALSE,
	poll_id       INTEGER NULL REFERENCES polls(id) ON DELETE SET NULL,
	views         INTEGER NOT NULL DEFAULT 0,
	likes         INTEGER NOT NULL DEFAULT 0,
	dislikes      INTEGER NOT NULL DEFAULT 0,
	comment_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_status_pub ON articles(status, published_at DESC);
CREATE INDEX articles_category_pub ON articles(category_id, status, published_at DESC);
CREATE INDEX articles_status_views ON articles(status, views DESC);

CREATE TABLE article_tags (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
	PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

CREATE TABLE article_authors (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	author_id  INTEGER NOT NULL REFERENCES authors(id) ON DELETE CASCADE,
	position   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (article_id, author_id)
);
CREATE INDEX article_authors_author ON article_authors(author_id, article_id);
