-- Scale (issue 11): the tag sitemap's lastmod without a probe per tag. Each
-- tag keeps the publish time of its newest published article
-- (article_tags.pub_at, which listing.go keeps; NULL when it has none), kept
-- by triggers like 0183's (per statement for INSERT and DELETE, per changed
-- row for UPDATE): a new link only raises it; removing, unpublishing,
-- rescheduling or retagging the article it names probes article_tags_pub
-- for that tag once. It may be ahead of now (a scheduled article): the
-- sitemap then probes that tag for the newest time already reached.
-- A probe runs after the tag's row is locked, in a statement of its own: a
-- link another transaction committed meanwhile is then seen, not overwritten
-- by an older time (raising only needs the row lock's recheck).
ALTER TABLE tags ADD COLUMN newest_pub_at TIMESTAMPTZ NULL;
UPDATE tags SET newest_pub_at = (SELECT l.pub_at FROM article_tags l
	WHERE l.tag_id = tags.id AND l.pub_at IS NOT NULL ORDER BY l.pub_at DESC LIMIT 1);

CREATE FUNCTION tags_newest_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE tags t SET newest_pub_at = n.m
		FROM (SELECT tag_id, MAX(pub_at) AS m FROM new_rows WHERE pub_at IS NOT NULL GROUP BY 1) n
		WHERE t.id = n.tag_id AND (t.newest_pub_at IS NULL OR t.newest_pub_at < n.m);
	RETURN NULL;
END $$;
CREATE FUNCTION tags_newest_remove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM 1 FROM tags t
		WHERE t.id IN (SELECT tag_id FROM old_rows o WHERE o.pub_at IS NOT NULL AND (t.newest_pub_at IS NULL OR t.newest_pub_at <= o.pub_at))
		ORDER BY t.id FOR UPDATE;
	UPDATE tags t SET newest_pub_at = (SELECT l.pub_at FROM article_tags l
			WHERE l.tag_id = t.id AND l.pub_at IS NOT NULL ORDER BY l.pub_at DESC LIMIT 1)
		FROM (SELECT tag_id, MAX(pub_at) AS m FROM old_rows WHERE pub_at IS NOT NULL GROUP BY 1) o
		WHERE t.id = o.tag_id AND (t.newest_pub_at IS NULL OR t.newest_pub_at <= o.m);
	RETURN NULL;
END $$;
CREATE FUNCTION tags_newest_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.pub_at IS NOT NULL THEN
		PERFORM 1 FROM tags WHERE id = OLD.tag_id AND (newest_pub_at IS NULL OR newest_pub_at <= OLD.pub_at) FOR UPDATE;
		IF FOUND THEN
			UPDATE tags SET newest_pub_at = (SELECT l.pub_at FROM article_tags l
				WHERE l.tag_id = OLD.tag_id AND l.pub_at IS NOT NULL ORDER BY l.pub_at DESC LIMIT 1)
				WHERE id = OLD.tag_id;
		END IF;
	END IF;
	IF NEW.pub_at IS NOT NULL THEN
		UPDATE tags SET newest_pub_at = NEW.pub_at
			WHERE id = NEW.tag_id AND (newest_pub_at IS NULL OR newest_pub_at < NEW.pub_at);
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER tags_newest_insert AFTER INSERT ON article_tags REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tags_newest_add();
CREATE TRIGGER tags_newest_delete AFTER DELETE ON article_tags REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION tags_newest_remove();
CREATE TRIGGER tags_newest_update AFTER UPDATE OF pub_at, tag_id ON article_tags
	FOR EACH ROW WHEN (OLD.pub_at IS DISTINCT FROM NEW.pub_at OR OLD.tag_id <> NEW.tag_id)
	EXECUTE FUNCTION tags_newest_move();
