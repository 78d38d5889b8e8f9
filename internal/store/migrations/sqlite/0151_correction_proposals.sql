-- Correction proposals ("usulan ralat", issue 12 item 8): a writer may not
-- edit their own published article, so they propose a change of its title,
-- excerpt, body or photo caption/credit with a reason; an editor compares it
-- with the article as it is, then accepts it (applied as an edit, with a
-- public correction note unless the editor leaves it out) or rejects it
-- with a reason the writer reads. A proposed field is NULL when the
-- proposal leaves it alone. article_version is the version the proposal was
-- made from. decision is the rejection reason, or the correction note's
-- text on acceptance (note_id is that note).
CREATE TABLE correction_proposals (
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
	status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected')),
	created_at      TIMESTAMP NOT NULL,
	decided_by      INTEGER NULL REFERENCES users(id) ON DELETE SET NULL,
	decided_at      TIMESTAMP NULL,
	decision        TEXT NOT NULL DEFAULT '',
	note_id         INTEGER NULL REFERENCES article_notes(id) ON DELETE SET NULL
);
CREATE INDEX correction_proposals_status ON correction_proposals(status, id DESC);
CREATE INDEX correction_proposals_article ON correction_proposals(article_id, id DESC);
CREATE INDEX correction_proposals_user ON correction_proposals(user_id, id DESC);
