-- Scale: the newsroom's tag page and the admin API's tag list (20,000 tags
-- in the scale archives) page the tags instead of listing and counting
-- every one. The search is a prefix of the slug, which the slug's unique
-- index already serves on SQLite (a range slug >= 'x' AND slug < 'x~'); the
-- most-used order walks this index backwards (published, then tag_id,
-- SQLite's rowid) and stops after the page. Every publish, unpublish and
-- retag already writes tag_counts; this adds one index entry to that write.
CREATE INDEX tag_counts_published ON tag_counts(published);
