-- Scale (issue 11): the API's tag list (/api/v1/tags) pages the tags in use
-- by name. Without an index on the name both engines read and sort all of
-- them (20,000 in the scale archive), probing each for a published article;
-- with it a page walks the index and stops after its 50.
CREATE INDEX tags_name ON tags(name, id);
