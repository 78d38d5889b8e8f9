package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"warta/internal/domain"
)

// AddNote adds a correction ("Ralat") or an update note to an article and
// returns its id.
func (s *Store) AddNote(ctx context.Context, n domain.Note) (int64, error) {
	n.Body = strings.TrimSpace(n.Body)
	if n.Body == "" {
		return 0, domain.Invalid("isi catatan wajib diisi")
	}
	if n.Kind != domain.NoteCorrection && n.Kind != domain.NoteUpdate {
		return 0, domain.Invalid("jenis catatan harus correction atau update")
	}
	var id int64
	var changes []ArticleChange
	// The note changes what readers see: the article counts as updated, and
	// the change hooks (caches, feeds, webhooks) hear about it.
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		now := s.Now()
		res, err := tx.ExecContext(ctx, s.q("UPDATE articles SET updated_at = ? WHERE id = ?"), now, n.ArticleID)
		if err != nil {
			return err
		}
		if k, _ := res.RowsAffected(); k == 0 {
			return domain.NotFound("artikel tidak ditemukan")
		}
		id, err = s.insertID(ctx, tx, "INSERT INTO article_notes (article_id, kind, body, user_id, created_at) VALUES (?, ?, ?, ?, ?)",
			n.ArticleID, n.Kind, n.Body, nullID(n.UserID), now)
		if err != nil {
			return err
		}
		// PageOnly: a note shows on the article's own page alone.
		changes, err = s.touchArticles(ctx, tx, []int64{n.ArticleID}, true)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("add note: %w", err)
	}
	s.afterTouch(ctx, changes)
	return id, nil
}

// Notes lists an article's corrections and update notes, oldest first.
func (s *Store) Notes(ctx context.Context, articleID int64) ([]domain.Note, error) {
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT id, article_id, kind, body, COALESCE(user_id, 0), created_at
		FROM article_notes WHERE article_id = ? ORDER BY created_at, id`), articleID)
	if err != nil {
		return nil, fmt.Errorf("list notes: %w", err)
	}
	defer rows.Close()
	var list []domain.Note
	for rows.Next() {
		var n domain.Note
		if err := rows.Scan(&n.ID, &n.ArticleID, &n.Kind, &n.Body, &n.UserID, &n.CreatedAt); err != nil {
			return nil, fmt.Errorf("list notes: %w", err)
		}
		list = append(list, n)
	}
	return list, rows.Err()
}
