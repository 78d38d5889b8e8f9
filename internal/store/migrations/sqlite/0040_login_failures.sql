-- Failed newsroom logins, counted per key ("c:<client>" and
-- "a:<email> c:<client>"), in the database so that every process over it
-- throttles the same guesses (issue 9).
CREATE TABLE login_failures (
	key     TEXT PRIMARY KEY,
	fails   INTEGER NOT NULL,
	last_at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_last_at ON login_failures (last_at);
