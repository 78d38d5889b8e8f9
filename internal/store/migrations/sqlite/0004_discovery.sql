-- Discovery: the full-text index (stemmed text, see store/search.go), term
-- document frequencies for related-news scoring, the stored related lists
-- and an editor's override of the automatic #HOT badge.

-- One row per published article, rowid = articles.id. The columns hold the
-- output of stem.Terms joined by spaces, never the raw text, so SQLite and
-- PostgreSQL index exactly the same words. Diacritics are kept and marks
-- count as word characters because PostgreSQL's 'simple' configuration
-- does the same; folding them here only would make the engines disagree.
CREATE VIRTUAL TABLE article_search USING fts5(
	title, excerpt, body,
	tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);

-- How many indexed articles contain each term; the empty term counts the
-- indexed articles themselves. Kept exact by the same in-transaction hook
-- that maintains article_search.
CREATE TABLE search_terms (
	term TEXT PRIMARY KEY,
	docs INTEGER NOT NULL DEFAULT 0
);

-- Related news, computed when an article is published or changed
-- (internal/discovery) and read as is by the article page.
CREATE TABLE related_articles (
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	related_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	position   INTEGER NOT NULL,
	score      REAL NOT NULL,
	PRIMARY KEY (article_id, related_id)
);
CREATE INDEX related_articles_related ON related_articles(related_id);

-- When each article's list was last computed: an article computed to have
-- no related news shows none, rather than the tags-then-category fallback
-- used before its first computation.
CREATE TABLE related_computed (
	article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	computed_at TIMESTAMP NOT NULL
);

-- NULL: the trending job decides articles.hot; TRUE/FALSE: an editor did.
ALTER TABLE articles ADD COLUMN hot_manual BOOLEAN NULL;
-- The trending job looks at the few articles that wear the badge now.
CREATE INDEX articles_hot ON articles(id) WHERE hot = TRUE;
