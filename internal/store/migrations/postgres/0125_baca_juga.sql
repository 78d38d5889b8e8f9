-- "Baca juga" (issue 14): the reader page puts one or two links to related
-- news inside a long body; editors may turn that off for one article.
ALTER TABLE articles ADD COLUMN baca_juga_off BOOLEAN NOT NULL DEFAULT FALSE;
