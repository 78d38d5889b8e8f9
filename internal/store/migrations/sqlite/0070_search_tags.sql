-- Search indexes tags too (issue 19): article_search gains a tags column
-- (the stemmed terms of the article's tag names). FTS5 tables cannot gain a
-- column, so the table is made anew; emptying search_terms makes the next
-- start rebuild the index (Engine.Run -> EnsureSearchIndex).
DROP TABLE article_search;
CREATE VIRTUAL TABLE article_search USING fts5(
	title, excerpt, body, tags,
	tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);
DELETE FROM search_terms;
