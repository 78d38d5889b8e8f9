-- Revisions keep every field of an article (issue 12 item 8), not only its
-- text: category, tags, bylines, lead photo with caption, credit and size,
-- publish time, Breaking and Berita utama, the editor's #HOT decision and the
-- poll, so restoring a revision restores all of them and the merge page knows
-- what every field was in the version an editor opened. all_fields tells
-- these revisions from older ones, which kept only title, slug, excerpt and
-- body (their other columns stay at the defaults and are never read).
-- category_id, author_ids and poll_id have no foreign keys: a revision
-- outlives a deleted category, byline or poll, and restoring keeps the
-- article's own one then. tags and author_ids are JSON arrays (tag names as
-- saved; author ids).
ALTER TABLE article_revisions ADD COLUMN all_fields BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE article_revisions ADD COLUMN category_id BIGINT NULL;
ALTER TABLE article_revisions ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
ALTER TABLE article_revisions ADD COLUMN author_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE article_revisions ADD COLUMN photo_url TEXT NOT NULL DEFAULT '';
ALTER TABLE article_revisions ADD COLUMN photo_caption TEXT NOT NULL DEFAULT '';
ALTER TABLE article_revisions ADD COLUMN photo_credit TEXT NOT NULL DEFAULT '';
ALTER TABLE article_revisions ADD COLUMN photo_width INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article_revisions ADD COLUMN photo_height INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article_revisions ADD COLUMN published_at TIMESTAMPTZ NULL;
ALTER TABLE article_revisions ADD COLUMN breaking BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE article_revisions ADD COLUMN featured BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE article_revisions ADD COLUMN hot_manual BOOLEAN NULL;
ALTER TABLE article_revisions ADD COLUMN poll_id BIGINT NULL;
