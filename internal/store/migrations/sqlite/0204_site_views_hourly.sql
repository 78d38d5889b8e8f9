-- The whole site's views per clock hour (issue 11), added with each flush
-- (Store.AddViews) and pruned with the articles' hours: the newsroom's
-- chart of the last 48 hours summed every article's hourly row of them, a
-- million rows when readers open 20,000 different articles an hour.
CREATE TABLE site_views_hourly (
	hour  TIMESTAMP PRIMARY KEY,
	views INTEGER NOT NULL
);
INSERT INTO site_views_hourly (hour, views) SELECT hour, SUM(views) FROM article_views_hourly GROUP BY hour;
