-- comments_top again, now holding parent_id too: SQLite counts a column of
-- a partial index's WHERE as one it must read from the table, so without
-- it counting and paging an article's 15,000 comments read every comment
-- row (EXPLAIN QUERY PLAN: "USING INDEX" instead of "USING COVERING INDEX").
DROP INDEX comments_top;
CREATE INDEX comments_top ON comments(article_id, status, created_at, id, parent_id) WHERE parent_id IS NULL;
