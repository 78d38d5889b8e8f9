-- Newsroom: accounts, server-side sessions, API tokens, article ownership,
-- revisions, corrections/update notes and edit locks.
CREATE TABLE users (
	id            INTEGER PRIMARY KEY,
	email         TEXT NOT NULL UNIQUE,
	name          TEXT NOT NULL,
	role          TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'writer', 'moderator')),
	password_hash TEXT NOT NULL,
	author_id     INTEGER NULL REFERENCES authors(id) ON DELETE SET NULL,
	disabled      BOOLEAN NOT NULL DEFAULT FALSE,
	created_at    TIMESTAMP NOT NULL,
	updated_at    TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
	id           TEXT PRIMARY KEY, -- SHA-256 of the cookie value
	user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	csrf         TEXT NOT NULL,
	created_at   TIMESTAMP NOT NULL,
	last_seen_at TIMESTAMP NOT NULL,
	expires_at   TIMESTAMP NOT NULL,
	ip           TEXT NOT NULL DEFAULT '',
	user_agent   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE api_tokens (
	id           INTEGER PRIMARY KEY,
	user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	token_hash   TEXT NOT NULL UNIQUE,
	name         TEXT NOT NULL DEFAULT '',
	created_at   TIMESTAMP NOT NULL,
	last_used_at TIMESTAMP NULL,
	revoked_at   TIMESTAMP NULL
);
CREATE INDEX api_tokens_user ON api_tokens(user_id);

CREATE TABLE article_owners (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE
);
CREATE INDEX article_owners_user ON article_owners(user_id, article_id);

CREATE TABLE article_revisions (
	id          INTEGER PRIMARY KEY,
	article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	user_id     INTEGER NULL REFERENCES users(id) ON DELETE SET NULL,
	title       TEXT NOT NULL,
	slug        TEXT NOT NULL,
	excerpt     TEXT NOT NULL DEFAULT '',
	body_source TEXT NOT NULL DEFAULT '',
	status      TEXT NOT NULL,
	created_at  TIMESTAMP NOT NULL
);
CREATE INDEX article_revisions_article ON article_revisions(article_id, id DESC);

CREATE TABLE article_notes (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	kind       TEXT NOT NULL CHECK (kind IN ('correction', 'update')),
	body       TEXT NOT NULL,
	user_id    INTEGER NULL REFERENCES users(id) ON DELETE SET NULL,
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX article_notes_article ON article_notes(article_id, created_at);

CREATE TABLE edit_locks (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	expires_at TIMESTAMP NOT NULL
);
