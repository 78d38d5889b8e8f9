-- Scale: the newsroom's tag page and the admin API's tag list (20,000 tags
-- in the scale archives) page the tags instead of listing and counting
-- every one. The search is a prefix of the slug (slug LIKE 'x%'): the
-- unique index on slug serves LIKE only under the C collation, so a
-- text_pattern_ops index serves it under any. The most-used order walks
-- tag_counts_published backwards and stops after the page. Every publish,
-- unpublish and retag already writes tag_counts; this adds one index entry
-- to that write.
CREATE INDEX tags_slug_prefix ON tags(slug text_pattern_ops);
CREATE INDEX tag_counts_published ON tag_counts(published, tag_id);
