-- Discovery: the full-text index (stemmed text, see store/search.go), term
-- document frequencies for related-news scoring, the stored related lists
-- and an editor's override of the automatic #HOT badge.

-- One row per published article. title/excerpt/body hold the output of
-- stem.Terms joined by spaces (the Go stemmer agrees with indonesian_stem
-- word for word, and stop words are ours), and tsv indexes them with the
-- 'simple' configuration, so PostgreSQL and SQLite's FTS5 find the same
-- articles for the same query.
CREATE TABLE article_search (
	article_id BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	title      TEXT NOT NULL,
	excerpt    TEXT NOT NULL,
	body       TEXT NOT NULL,
	tsv        TSVECTOR NOT NULL
);
CREATE INDEX article_search_tsv ON article_search USING GIN (tsv);

-- How many indexed articles contain each term; the empty term counts the
-- indexed articles themselves.
CREATE TABLE search_terms (
	term TEXT PRIMARY KEY,
	docs BIGINT NOT NULL DEFAULT 0
);

-- Related news, computed when an article is published or changed
-- (internal/discovery) and read as is by the article page.
CREATE TABLE related_articles (
	article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	related_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	score      DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (article_id, related_id)
);
CREATE INDEX related_articles_related ON related_articles(related_id);

-- When each article's list was last computed: an article computed to have
-- no related news shows none, rather than the tags-then-category fallback
-- used before its first computation.
CREATE TABLE related_computed (
	article_id  BIGINT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	computed_at TIMESTAMPTZ NOT NULL
);

-- NULL: the trending job decides articles.hot; TRUE/FALSE: an editor did.
ALTER TABLE articles ADD COLUMN hot_manual BOOLEAN NULL;
-- The trending job looks at the few articles that wear the badge now.
CREATE INDEX articles_hot ON articles(id) WHERE hot = TRUE;
