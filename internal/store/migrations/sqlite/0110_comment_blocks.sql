-- Blocks on commenters (issue 12 item 3): by the reader's cookie key, by the
-- e-mail address they type, or by an IP range (CIDR, matched against the
-- client address at comment time; addresses are never stored with comments).
-- action says what a blocked reader's next comments get: 'refuse' (the old
-- behaviour) or 'hold' for review. Existing blocked_readers rows become
-- reader-key blocks that refuse.
CREATE TABLE comment_blocks (
	id         INTEGER PRIMARY KEY,
	kind       TEXT NOT NULL CHECK (kind IN ('reader', 'email', 'ip')),
	value      TEXT NOT NULL,
	action     TEXT NOT NULL DEFAULT 'refuse' CHECK (action IN ('refuse', 'hold')),
	reason     TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMP NOT NULL,
	UNIQUE (kind, value)
);
INSERT INTO comment_blocks (kind, value, action, reason, created_at)
	SELECT 'reader', reader, 'refuse', reason, created_at FROM blocked_readers;
DROP TABLE blocked_readers;
