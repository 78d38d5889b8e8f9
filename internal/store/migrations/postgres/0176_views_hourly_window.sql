-- Scale (issue 11): Terpopuler (the most read of today and of the week, on
-- the home page and every channel page) sums the hourly view counts of its
-- window. With views in the hour index the window is summed from the index
-- alone (an index-only scan) instead of fetching each hourly row. It replaces
-- the (hour, article_id) index, whose users (trending, views per hour) read
-- the same prefix.
CREATE INDEX article_views_hourly_window ON article_views_hourly(hour, article_id) INCLUDE (views);
DROP INDEX article_views_hourly_hour;
