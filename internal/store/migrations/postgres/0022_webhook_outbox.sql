-- Webhook outbox: delivery rows are written in the article write's own
-- transaction, and a delivery is sent only after the earlier pending ones
-- of the same webhook and article (in order per article). This index finds
-- those earlier ones.
CREATE INDEX webhook_deliveries_order ON webhook_deliveries(webhook_id, article_id, id);
