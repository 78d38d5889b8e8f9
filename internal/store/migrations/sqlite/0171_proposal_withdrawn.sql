-- A writer may withdraw their own pending correction proposal (or an editor
-- for them): status 'withdrawn', with who withdrew it and when in
-- decided_by / decided_at, so the newsroom keeps the record. SQLite cannot
-- change a CHECK constraint in place: the table is built again with the new
-- one (proposals are few: a copy of a small table), its rows and indexes as
-- they were. No table refers to correction_proposals.
CREATE TABLE correction_proposals_0171 (
	id              INTEGER PRIMARY KEY,
	article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	user_id         INTEGER NULL REFERENCES users(id) ON DELETE SET NULL,
	article_version INTEGER NOT NULL,
	title           TEXT NULL,
	excerpt         TEXT NULL,
	body_source     TEXT NULL,
	photo_caption   TEXT NULL,
	photo_credit    TEXT NULL,
	reason          TEXT NOT NULL,
	status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected', 'withdrawn')),
	created_at      TIMESTAMP NOT NULL,
	decided_by      INTEGER NULL REFERENCES users(id) ON DELETE SET NULL,
	decided_at      TIMESTAMP NULL,
	decision        TEXT NOT NULL DEFAULT '',
	note_id         INTEGER NULL REFERENCES article_notes(id) ON DELETE SET NULL
);
INSERT INTO correction_proposals_0171 (id, article_id, user_id, article_version, title, excerpt, body_source, photo_caption,
	photo_credit, reason, status, created_at, decided_by, decided_at, decision, note_id)
	SELECT id, article_id, user_id, article_version, title, excerpt, body_source, photo_caption,
	photo_credit, reason, status, created_at, decided_by, decided_at, decision, note_id FROM correction_proposals;
DROP TABLE correction_proposals;
ALTER TABLE correction_proposals_0171 RENAME TO correction_proposals;
CREATE INDEX correction_proposals_status ON correction_proposals(status, id DESC);
CREATE INDEX correction_proposals_article ON correction_proposals(article_id, id DESC);
CREATE INDEX correction_proposals_user ON correction_proposals(user_id, id DESC);
