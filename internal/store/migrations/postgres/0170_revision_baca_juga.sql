-- Revisions keep the "Baca juga" switch (articles.baca_juga_off) like every
-- other field, so toggling it is a revision, the comparison shows it and
-- restoring brings it back. NULL in the revisions saved before this one:
-- they did not keep it (restoring one leaves the switch as it is). Adding a
-- column without a stored default rewrites nothing, on either engine.
ALTER TABLE article_revisions ADD COLUMN baca_juga_off BOOLEAN NULL;
