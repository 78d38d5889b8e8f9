-- Who has an article's editor open (refreshed by the editor page every few
-- seconds), so the editor holding the lock is told when someone else opens
-- the article. edit_locks keeps the one holder; taken_from records whose
-- lock was taken over, so they are told.
CREATE TABLE edit_presence (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	opened_at  TIMESTAMP NOT NULL,
	expires_at TIMESTAMP NOT NULL,
	PRIMARY KEY (article_id, user_id)
);
ALTER TABLE edit_locks ADD COLUMN taken_from INTEGER NULL;
