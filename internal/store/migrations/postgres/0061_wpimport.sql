-- What `warta import wordpress` brought in, by WordPress id, so importing the
-- same export again adds nothing.
CREATE TABLE import_items (
	source    TEXT NOT NULL,   -- 'wordpress'
	kind      TEXT NOT NULL,   -- 'post' (posts and pages), 'comment'
	source_id BIGINT NOT NULL,
	warta_id  BIGINT NOT NULL,
	PRIMARY KEY (source, kind, source_id)
);
