-- Webhooks: URLs that receive signed JSON when articles are published,
-- updated or unpublished, and the log of every delivery with its retries.
CREATE TABLE webhooks (
	id          INTEGER PRIMARY KEY,
	url         TEXT NOT NULL,
	secret      TEXT NOT NULL,
	events      TEXT NOT NULL DEFAULT 'published,updated,unpublished',
	description TEXT NOT NULL DEFAULT '',
	active      BOOLEAN NOT NULL DEFAULT TRUE,
	created_at  TIMESTAMP NOT NULL,
	updated_at  TIMESTAMP NOT NULL
);

CREATE TABLE webhook_deliveries (
	id              INTEGER PRIMARY KEY,
	webhook_id      INTEGER NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
	event           TEXT NOT NULL,
	article_id      INTEGER NOT NULL DEFAULT 0,
	payload         TEXT NOT NULL,
	status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
	attempts        INTEGER NOT NULL DEFAULT 0,
	response_code   INTEGER NOT NULL DEFAULT 0,
	last_error      TEXT NOT NULL DEFAULT '',
	next_attempt_at TIMESTAMP NULL,
	created_at      TIMESTAMP NOT NULL,
	finished_at     TIMESTAMP NULL
);
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries(webhook_id, id);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);
