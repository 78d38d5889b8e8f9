package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"warta/internal/domain"
)

const revisionCols = `r.id, r.article_id, COALESCE(r.user_id, 0), COALESCE(u.name, ''), r.title, r.slug, r.excerpt, r.body_source, r.status, r.created_at, r.article_version`

func scanRevision(row rowScanner) (domain.Revision, error) {
	var r domain.Revision
	var status string
	err := row.Scan(&r.ID, &r.ArticleID, &r.UserID, &r.UserName, &r.Title, &r.Slug, &r.Excerpt, &r.BodySource, &status, &r.CreatedAt, &r.ArticleVersion)
	r.Status = domain.Status(status)
	return r, err
}

// AddRevision keeps a version of an article's text unless it equals the
// newest one (autosave calls this often). It returns the revision's id.
func (s *Store) AddRevision(ctx context.Context, r domain.Revision) (int64, error) {
	var id int64
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		var err error
		id, err = s.addRevision(ctx, tx, r)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("add revision: %w", err)
	}
	return id, nil
}

// addRevision is AddRevision inside the article write's transaction. The
// newest revision with article_version <= v holds version v's text, so a
// revision equal in text to the newest one is skipped.
func (s *Store) addRevision(ctx context.Context, tx *sql.Tx, r domain.Revision) (int64, error) {
	last, err := scanRevision(tx.QueryRowContext(ctx, s.q(`SELECT `+revisionCols+` FROM article_revisions r
		LEFT JOIN users u ON u.id = r.user_id WHERE r.article_id = ? ORDER BY r.id DESC LIMIT 1`), r.ArticleID))
	if err == nil && last.Title == r.Title && last.Slug == r.Slug && last.Excerpt == r.Excerpt &&
		last.BodySource == r.BodySource && last.Status == r.Status {
		return last.ID, nil
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	return s.insertID(ctx, tx, `INSERT INTO article_revisions (article_id, user_id, title, slug, excerpt, body_source, status, created_at, article_version)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.ArticleID, nullID(r.UserID), r.Title, r.Slug, r.Excerpt, r.BodySource, string(r.Status), s.Now(), r.ArticleVersion)
}

// RevisionAtVersion returns the newest revision that saved the article's
// version v or an older one: the text an editor saw when they opened
// version v. ok is false when there is none.
func (s *Store) RevisionAtVersion(ctx context.Context, articleID, v int64) (domain.Revision, bool, error) {
	r, err := scanRevision(s.r.QueryRowContext(ctx, s.q(`SELECT `+revisionCols+` FROM article_revisions r
		LEFT JOIN users u ON u.id = r.user_id WHERE r.article_id = ? AND r.article_version BETWEEN 1 AND ?
		ORDER BY r.article_version DESC, r.id DESC LIMIT 1`), articleID, v))
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("revision at version: %w", err)
	}
	return r, true, nil
}

// Revisions lists an article's revisions, newest first.
func (s *Store) Revisions(ctx context.Context, articleID int64) ([]domain.Revision, error) {
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT `+revisionCols+` FROM article_revisions r
		LEFT JOIN users u ON u.id = r.user_id WHERE r.article_id = ? ORDER BY r.id DESC`), articleID)
	if err != nil {
		return nil, fmt.Errorf("list revisions: %w", err)
	}
	defer rows.Close()
	var list []domain.Revision
	for rows.Next() {
		r, err := scanRevision(rows)
		if err != nil {
			return nil, fmt.Errorf("list revisions: %w", err)
		}
		list = append(list, r)
	}
	return list, rows.Err()
}

// Revision returns one revision of an article.
func (s *Store) Revision(ctx context.Context, articleID, id int64) (domain.Revision, error) {
	r, err := scanRevision(s.r.QueryRowContext(ctx, s.q(`SELECT `+revisionCols+` FROM article_revisions r
		LEFT JOIN users u ON u.id = r.user_id WHERE r.article_id = ? AND r.id = ?`), articleID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, domain.NotFound("revisi tidak ditemukan")
	}
	if err != nil {
		return r, fmt.Errorf("get revision: %w", err)
	}
	return r, nil
}
