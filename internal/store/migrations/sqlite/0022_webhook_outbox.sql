-- Webhook outbox: delivery rows are written in the article write's own
-- transaction, and a delivery is sent only after the earlier pending ones
-- of the same webhook and article (in order per article); this index finds
-- those. lease_until marks a delivery a worker has claimed for an attempt:
-- no one else sends it until then, and a crash only delays it that long.
CREATE INDEX webhook_deliveries_order ON webhook_deliveries(webhook_id, article_id, id);
ALTER TABLE webhook_deliveries ADD COLUMN lease_until TIMESTAMP NULL;
