-- Scale (issue 11): the indexes and copied columns that keep every page
-- fast at 1,000,000 articles and 10,000,000 comments. docs/performance.md
-- ("Scale: 1M articles, 10M comments") has the query plans behind each.

-- Replies of a comment. Partial: a plain index on parent_id makes SQLite
-- use it for "parent_id IS NULL" too and walk 70% of the table.
CREATE INDEX comments_parent ON comments(parent_id, created_at, id) WHERE parent_id IS NOT NULL;
-- An article's top-level comments by status in display order: the count and
-- any page of an article with 15,000 comments read only this index's range.
CREATE INDEX comments_top ON comments(article_id, status, created_at, id) WHERE parent_id IS NULL;
-- The moderation queue, oldest first with an id tie-break.
CREATE INDEX comments_queue ON comments(status, created_at, id);
DROP INDEX comments_status;

-- Article lists newest first with the id tie-break inside the index, so a
-- deep page or a feed walks the index without sorting.
CREATE INDEX articles_status_pub_id ON articles(status, published_at DESC, id DESC);
CREATE INDEX articles_category_pub_id ON articles(category_id, status, published_at DESC, id DESC);
DROP INDEX articles_status_pub;
DROP INDEX articles_category_pub;

-- The newsroom's list, most recently updated first.
CREATE INDEX articles_updated ON articles(updated_at DESC, id DESC);

-- Tag and author pages: the article's publish time, copied onto its tag and
-- author rows while it is published (NULL otherwise) by an in-transaction
-- article hook (store/listing.go), so a page of a tag is one index range.
ALTER TABLE article_tags ADD COLUMN pub_at TIMESTAMPTZ NULL;
ALTER TABLE article_authors ADD COLUMN pub_at TIMESTAMPTZ NULL;
UPDATE article_tags SET pub_at = (SELECT a.published_at FROM articles a
	WHERE a.id = article_tags.article_id AND a.status = 'published');
UPDATE article_authors SET pub_at = (SELECT a.published_at FROM articles a
	WHERE a.id = article_authors.article_id AND a.status = 'published');
CREATE INDEX article_tags_pub ON article_tags(tag_id, pub_at DESC, article_id DESC) WHERE pub_at IS NOT NULL;
CREATE INDEX article_authors_pub ON article_authors(author_id, pub_at DESC, article_id DESC) WHERE pub_at IS NOT NULL;

-- The sitemap index: per block of 1,000 article ids, how many are published
-- and when the newest of them changed, kept by the same hook. The index
-- sums at most a thousand rows at 1,000,000 articles instead of reading
-- every article.
CREATE TABLE article_blocks (
	block     BIGINT PRIMARY KEY, -- (id - 1) / 1000
	published BIGINT NOT NULL,
	lastmod   TIMESTAMPTZ NOT NULL
);
INSERT INTO article_blocks (block, published, lastmod)
	SELECT (id - 1) / 1000, COUNT(*), MAX(updated_at) FROM articles WHERE status = 'published' GROUP BY (id - 1) / 1000;
