-- The stemmer changed (issue 19: a dictionary of root words instead of
-- PostgreSQL's indonesian_stem rules), so every indexed term may differ.
-- Emptying the index makes the next start rebuild it with the new stems
-- (Engine.Run -> EnsureSearchIndex). Forgetting when lists were computed
-- makes the related-news worker recompute them all in the background
-- (StaleRelated); the old lists are shown meanwhile.
DELETE FROM article_search;
DELETE FROM search_terms;
DELETE FROM related_computed;
