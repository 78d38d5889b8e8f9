-- Live reports (issue 14): an article marked live carries timestamped
-- updates added by the newsroom. seq counts every change to a report (an
-- update added, edited or deleted, the report ended or reopened); each
-- update keeps the seq of its last change and status_seq that of the last
-- end or reopen, so a reader's stream resumes from the last change it saw
-- (Server-Sent Events, Last-Event-ID). A deleted update stays as an empty
-- row (deleted = TRUE) so a resuming stream learns it is gone.
CREATE TABLE live_reports (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL DEFAULT 0,
	status_seq INTEGER NOT NULL DEFAULT 0,
	started_at TIMESTAMP NOT NULL,
	ended_at   TIMESTAMP NULL
);
CREATE TABLE live_updates (
	id          INTEGER PRIMARY KEY,
	article_id  INTEGER NOT NULL REFERENCES live_reports(article_id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	title       TEXT NOT NULL DEFAULT '',
	body_source TEXT NOT NULL DEFAULT '',
	body_html   TEXT NOT NULL DEFAULT '',
	user_id     INTEGER NULL REFERENCES users(id) ON DELETE SET NULL,
	created_at  TIMESTAMP NOT NULL,
	updated_at  TIMESTAMP NOT NULL,
	deleted     BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX live_updates_seq ON live_updates(article_id, seq);
CREATE INDEX live_updates_time ON live_updates(article_id, created_at DESC, id DESC) WHERE deleted = FALSE;
