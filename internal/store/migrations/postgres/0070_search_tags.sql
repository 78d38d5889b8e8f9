-- Search indexes tags too (issue 19): article_search gains a tags column
-- (the stemmed terms of the article's tag names, weight B in tsv).
-- Emptying the index makes the next start rebuild it (Engine.Run ->
-- EnsureSearchIndex).
ALTER TABLE article_search ADD COLUMN tags TEXT NOT NULL DEFAULT '';
DELETE FROM article_search;
DELETE FROM search_terms;
