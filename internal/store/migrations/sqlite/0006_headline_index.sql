-- The home page's headline slot looks for the newest featured or breaking
-- article; without this index it scans every article.
CREATE INDEX articles_headline ON articles(published_at DESC) WHERE status = 'published' AND (featured = TRUE OR breaking = TRUE);
