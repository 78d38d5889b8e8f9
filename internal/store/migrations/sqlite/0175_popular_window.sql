-- Scale (issue 11): Terpopuler's fallback (the most viewed articles
-- published today or this week, home and channel pages) and any "most
-- viewed in a window" list. views sits after the body in an article's row,
-- so ranking a week from the table walked every body of that week (about
-- four pages an article: 1,900 articles a week at 1,000,000); from this
-- index the week is one range read alone, and only the top five rows are
-- fetched.
CREATE INDEX articles_pub_views ON articles(status, published_at, views);
