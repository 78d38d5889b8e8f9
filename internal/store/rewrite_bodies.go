package store

import (
	"context"
	"database/sql"
	"fmt"
)

// RewriteBodies passes every article's body (its Markdown source and stored
// HTML) through fn and stores the HTML fn returns where it differs, in
// batches by id; it returns how many bodies changed. `warta sanitize` uses
// it to bring bodies saved under an older sanitiser up to the current one
// (issue 16: bodies saved before balancing keep their stored HTML until
// then). Pages pick the new HTML up within the page cache's time.
func (s *Store) RewriteBodies(ctx context.Context, fn func(source, html string) (string, error)) (int, error) {
	var after int64
	changed := 0
	for {
		rows, err := s.r.QueryContext(ctx, s.q("SELECT id, body_source, body_html FROM articles WHERE id > ? ORDER BY id LIMIT 500"), after)
		if err != nil {
			return changed, fmt.Errorf("rewrite bodies: %w", err)
		}
		type body struct {
			id           int64
			source, html string
		}
		var batch []body
		for rows.Next() {
			var b body
			if err := rows.Scan(&b.id, &b.source, &b.html); err != nil {
				rows.Close()
				return changed, fmt.Errorf("rewrite bodies: %w", err)
			}
			batch = append(batch, b)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return changed, fmt.Errorf("rewrite bodies: %w", err)
		}
		if len(batch) == 0 {
			return changed, nil
		}
		for _, b := range batch {
			html, err := fn(b.source, b.html)
			if err != nil {
				return changed, fmt.Errorf("rewrite body of article %d: %w", b.id, err)
			}
			if html == b.html {
				continue
			}
			// The search index and the snippets' text follow the body in the
			// same transaction, as the article hook has them do.
			err = s.Tx(ctx, func(tx *sql.Tx) error {
				if _, err := tx.ExecContext(ctx, s.q("UPDATE articles SET body_html = ? WHERE id = ?"), html, b.id); err != nil {
					return err
				}
				return s.indexArticle(ctx, tx, b.id)
			})
			if err != nil {
				return changed, fmt.Errorf("rewrite body of article %d: %w", b.id, err)
			}
			changed++
		}
		after = batch[len(batch)-1].id
	}
}
