-- Search (issue 10): each published article's text as a result's snippet is
-- cut from it (excerpt and body as plain text, store.SnippetText), written by
-- the search hook with the index row, so a result page reads it instead of
-- the body HTML and does not turn HTML into text per result per request.
-- Nothing is backfilled here: an article without a row has its text worked
-- out from its body when shown, and Engine.Run fills the rows in the
-- background (Store.FillArticleText).
CREATE TABLE article_text (
	article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	text       TEXT NOT NULL
);
