-- The site's own institutional pages (Tentang Kami, Redaksi, Pedoman Media
-- Siber, Kontak, Kebijakan Privasi, ...), edited by admins in the newsroom.
-- body_html is the Markdown of body_source rendered and sanitised.
CREATE TABLE static_pages (
	slug        TEXT PRIMARY KEY,
	title       TEXT NOT NULL,
	body_source TEXT NOT NULL DEFAULT '',
	body_html   TEXT NOT NULL DEFAULT '',
	position    INTEGER NOT NULL DEFAULT 0,
	updated_at  TIMESTAMP NOT NULL
);
