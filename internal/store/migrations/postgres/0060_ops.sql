-- Operations (issue 15): a one-row table readiness writes to, so a full or
-- read-only database shows as "not ready"; and the old URLs of an imported
-- site (WordPress permalinks, /?p=123, /category/x/, /tag/y/), each answered
-- with a 301 to its new address.
CREATE TABLE ops_probe (
	id BIGINT PRIMARY KEY,
	at TIMESTAMPTZ NOT NULL
);

CREATE TABLE redirects (
	old_path   TEXT PRIMARY KEY,
	target     TEXT NOT NULL,
	source     TEXT NOT NULL DEFAULT '',
	created_at TIMESTAMPTZ NOT NULL
);
