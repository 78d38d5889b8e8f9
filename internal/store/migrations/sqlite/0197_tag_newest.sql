-- Scale (issue 11): the tag sitemap's lastmod without a probe per tag. Each
-- tag keeps the publish time of its newest published article
-- (article_tags.pub_at, which listing.go keeps; NULL when it has none), kept
-- by triggers like 0183's: a new link only raises it; removing, unpublishing,
-- rescheduling or retagging the article it names probes article_tags_pub
-- for that tag once. It may be ahead of now (a scheduled article): the
-- sitemap then probes that tag for the newest time already reached.
ALTER TABLE tags ADD COLUMN newest_pub_at TIMESTAMP NULL;
UPDATE tags SET newest_pub_at = (SELECT l.pub_at FROM article_tags l
	WHERE l.tag_id = tags.id AND l.pub_at IS NOT NULL ORDER BY l.pub_at DESC LIMIT 1);

CREATE TRIGGER tags_newest_insert AFTER INSERT ON article_tags WHEN NEW.pub_at IS NOT NULL BEGIN
	UPDATE tags SET newest_pub_at = NEW.pub_at WHERE id = NEW.tag_id AND (newest_pub_at IS NULL OR newest_pub_at < NEW.pub_at);
END;
CREATE TRIGGER tags_newest_delete AFTER DELETE ON article_tags WHEN OLD.pub_at IS NOT NULL BEGIN
	UPDATE tags SET newest_pub_at = (SELECT l.pub_at FROM article_tags l
		WHERE l.tag_id = OLD.tag_id AND l.pub_at IS NOT NULL ORDER BY l.pub_at DESC LIMIT 1)
		WHERE id = OLD.tag_id AND (newest_pub_at IS NULL OR newest_pub_at <= OLD.pub_at);
END;
CREATE TRIGGER tags_newest_update AFTER UPDATE OF pub_at, tag_id ON article_tags
	WHEN OLD.pub_at IS NOT NEW.pub_at OR OLD.tag_id <> NEW.tag_id BEGIN
	UPDATE tags SET newest_pub_at = (SELECT l.pub_at FROM article_tags l
		WHERE l.tag_id = OLD.tag_id AND l.pub_at IS NOT NULL ORDER BY l.pub_at DESC LIMIT 1)
		WHERE OLD.pub_at IS NOT NULL AND id = OLD.tag_id AND (newest_pub_at IS NULL OR newest_pub_at <= OLD.pub_at);
	UPDATE tags SET newest_pub_at = NEW.pub_at
		WHERE NEW.pub_at IS NOT NULL AND id = NEW.tag_id AND (newest_pub_at IS NULL OR newest_pub_at < NEW.pub_at);
END;
