-- Issue 10: a reader's reaction or comment in one round trip. Each function
-- runs the same statements, in the same order, as the Go transaction it
-- replaces on PostgreSQL (store.React, store.AddComment; their comments
-- state the rule, and the same tests run on both engines). Called as one
-- autocommit statement, so an answered call is committed. Inside a
-- volatile PL/pgSQL function each statement takes a fresh snapshot under
-- READ COMMITTED: the reaction read after the article row is locked sees
-- what the transaction that held the lock committed, as in the Go version
-- (a single CTE statement would not: its snapshot predates the lock).
-- "Visible" is the Go constant published: status 'published' and
-- published_at <= the time the caller passes (the store's clock).

-- warta_react returns the article's counts after the reaction, or no row
-- when the article is missing or not visible. kind is 'like', 'dislike' or
-- 'none' (remove); the caller has checked it.
CREATE FUNCTION warta_react(p_article BIGINT, p_reader TEXT, p_kind TEXT, p_now TIMESTAMPTZ)
RETURNS TABLE (o_views BIGINT, o_likes BIGINT, o_dislikes BIGINT, o_comment_count BIGINT)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	v_prev TEXT;
	v_dl BIGINT := 0;
	v_dd BIGINT := 0;
BEGIN
	PERFORM 1 FROM articles a WHERE a.id = p_article AND a.status = 'published' AND a.published_at <= p_now FOR UPDATE;
	IF NOT FOUND THEN
		RETURN;
	END IF;
	SELECT r.kind INTO v_prev FROM reactions r WHERE r.article_id = p_article AND r.reader = p_reader;
	IF v_prev IS DISTINCT FROM p_kind AND NOT (v_prev IS NULL AND p_kind = 'none') THEN
		IF v_prev = 'like' THEN v_dl := v_dl - 1; ELSIF v_prev = 'dislike' THEN v_dd := v_dd - 1; END IF;
		IF p_kind = 'like' THEN v_dl := v_dl + 1; ELSIF p_kind = 'dislike' THEN v_dd := v_dd + 1; END IF;
		IF p_kind = 'none' THEN
			DELETE FROM reactions r WHERE r.article_id = p_article AND r.reader = p_reader;
		ELSE
			INSERT INTO reactions (article_id, reader, kind, updated_at) VALUES (p_article, p_reader, p_kind, p_now)
				ON CONFLICT (article_id, reader) DO UPDATE SET kind = excluded.kind, updated_at = excluded.updated_at;
		END IF;
		UPDATE articles a SET likes = a.likes + v_dl, dislikes = a.dislikes + v_dd WHERE a.id = p_article;
	END IF;
	RETURN QUERY SELECT a.views, a.likes, a.dislikes, a.comment_count FROM articles a WHERE a.id = p_article;
END $$;

-- warta_add_comment stores a comment with the status the caller decided
-- and returns its id; 0 when the article is missing or not visible, -1
-- when parent (NULL for none) is not an approved comment of the article.
-- An approved comment adds one to the article's comment_count.
CREATE FUNCTION warta_add_comment(p_article BIGINT, p_parent BIGINT, p_name TEXT, p_email TEXT, p_body TEXT,
	p_status TEXT, p_reader TEXT, p_created TIMESTAMPTZ, p_now TIMESTAMPTZ)
RETURNS BIGINT
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
	v_status TEXT;
	v_id BIGINT;
BEGIN
	PERFORM 1 FROM articles a WHERE a.id = p_article AND a.status = 'published' AND a.published_at <= p_now;
	IF NOT FOUND THEN
		RETURN 0;
	END IF;
	IF p_parent IS NOT NULL THEN
		SELECT c.status INTO v_status FROM comments c WHERE c.id = p_parent AND c.article_id = p_article;
		IF v_status IS DISTINCT FROM 'approved' THEN
			RETURN -1;
		END IF;
	END IF;
	INSERT INTO comments (article_id, parent_id, name, email, body, status, reader, created_at)
		VALUES (p_article, p_parent, p_name, p_email, p_body, p_status, p_reader, p_created) RETURNING id INTO v_id;
	IF p_status = 'approved' THEN
		UPDATE articles a SET comment_count = a.comment_count + 1 WHERE a.id = p_article;
	END IF;
	RETURN v_id;
END $$;
