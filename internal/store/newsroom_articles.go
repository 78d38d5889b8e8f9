package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"warta/internal/domain"
)

// AdminFilter narrows the newsroom's list of articles (every status).
type AdminFilter struct {
	Status  domain.Status // "" for all
	OwnerID int64         // 0 for everyone's
	Query   string        // words in the title

	CategoryID int64 // 0 for every channel
	AuthorID   int64 // a byline author; 0 for all
}

// AdminArticles returns one page of articles of any status, most recently
// updated first, and the total that match.
func (s *Store) AdminArticles(ctx context.Context, f AdminFilter, p domain.Page) ([]domain.Article, int, error) {
	where := " WHERE 1 = 1"
	var args []any
	if f.Status != "" {
		where += " AND a.status = ?"
		args = append(args, string(f.Status))
	}
	if f.OwnerID != 0 {
		where += " AND a.id IN (SELECT o.article_id FROM article_owners o WHERE o.user_id = ?)"
		args = append(args, f.OwnerID)
	}
	if f.CategoryID != 0 {
		where += " AND a.category_id = ?"
		args = append(args, f.CategoryID)
	}
	if f.AuthorID != 0 {
		where += " AND a.id IN (SELECT l.article_id FROM article_authors l WHERE l.author_id = ?)"
		args = append(args, f.AuthorID)
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		where += " AND LOWER(a.title) LIKE ?"
		args = append(args, "%"+strings.ToLower(strings.NewReplacer("%", "", "_", "").Replace(q))+"%")
	}
	// Counted on articles alone and only up to ExactCountLimit (the list
	// then says "10.000+") unless article_counts has the total; the page walks articles_updated (or, filtered
	// by status or channel, articles_status_updated or
	// articles_category_updated) and joins the categories of its own rows
	// only.
	var total int
	var err error
	if f.OwnerID == 0 && f.AuthorID == 0 && strings.TrimSpace(f.Query) == "" {
		// Status and channel alone: article_counts has the total.
		q, cargs := "SELECT COALESCE(SUM(n), 0) FROM article_counts WHERE 1 = 1", []any{}
		if f.Status != "" {
			q, cargs = q+" AND status = ?", append(cargs, string(f.Status))
		}
		if f.CategoryID != 0 {
			q, cargs = q+" AND category_id = ?", append(cargs, f.CategoryID)
		}
		err = s.r.QueryRowContext(ctx, s.q(q), cargs...).Scan(&total)
	} else {
		total, err = s.countAtMost(ctx, ExactCountLimit, " FROM articles a"+where, args...)
	}
	if err != nil {
		return nil, 0, fmt.Errorf("count articles: %w", err)
	}
	order := " ORDER BY a.updated_at DESC, a.id DESC"
	list, err := s.queryArticles(ctx, "SELECT "+s.cols(articleListCols)+" FROM (SELECT * FROM articles a"+where+order+
		" LIMIT ? OFFSET ?) a JOIN categories c ON c.id = a.category_id"+order, append(args, p.Size, p.Offset())...)
	return list, total, err
}

// CountArticlesByStatus counts articles per status (article_counts: one
// row per channel and status, exact).
func (s *Store) CountArticlesByStatus(ctx context.Context) (map[domain.Status]int, error) {
	counts, err := groupCounts[string](ctx, s, "SELECT status, n FROM article_counts WHERE n > 0")
	if err != nil {
		return nil, fmt.Errorf("count by status: %w", err)
	}
	m := map[domain.Status]int{}
	for st, n := range counts {
		m[domain.Status(st)] = n
	}
	return m, nil
}

// SetArticleOwner records the account that created an article.
func (s *Store) SetArticleOwner(ctx context.Context, articleID, userID int64) error {
	_, err := s.w.ExecContext(ctx, s.q(`INSERT INTO article_owners (article_id, user_id) VALUES (?, ?)
		ON CONFLICT (article_id) DO UPDATE SET user_id = excluded.user_id`), articleID, userID)
	if err != nil {
		return fmt.Errorf("set article owner: %w", err)
	}
	return nil
}

// ArticleOwner returns the id of the account that created an article, or 0.
func (s *Store) ArticleOwner(ctx context.Context, articleID int64) (int64, error) {
	var uid int64
	err := s.r.QueryRowContext(ctx, s.q("SELECT user_id FROM article_owners WHERE article_id = ?"), articleID).Scan(&uid)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("article owner: %w", err)
	}
	return uid, nil
}

// DeleteArticle removes an article and everything hanging off it, telling
// the change hooks (kind "deleted").
func (s *Store) DeleteArticle(ctx context.Context, id int64) error {
	var prev string
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, s.q("SELECT status FROM articles WHERE id = ?"), id).Scan(&prev)
		if errors.Is(err, sql.ErrNoRows) {
			return domain.NotFound("artikel tidak ditemukan")
		}
		if err != nil {
			return err
		}
		// The hooks see the row before it goes (a search index removes it).
		if err := s.runInTxHooks(ctx, tx, ArticleChange{ArticleID: id, Kind: "deleted", Status: domain.Status(prev)}); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, s.q("UPDATE polls SET article_id = NULL WHERE article_id = ?"), id); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, s.q("DELETE FROM articles WHERE id = ?"), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("delete article: %w", err)
	}
	s.runAfterHooks(ctx, ArticleChange{ArticleID: id, Kind: "deleted", Status: domain.Status(prev)})
	return nil
}

// Authors returns up to limit byline authors by name (the newsroom's
// article filter).
func (s *Store) Authors(ctx context.Context, limit int) ([]domain.Author, error) {
	rows, err := s.r.QueryContext(ctx, s.q("SELECT id, slug, name, bio FROM authors ORDER BY name, id LIMIT ?"), limit)
	if err != nil {
		return nil, fmt.Errorf("list authors: %w", err)
	}
	defer rows.Close()
	var list []domain.Author
	for rows.Next() {
		var a domain.Author
		if err := rows.Scan(&a.ID, &a.Slug, &a.Name, &a.Bio); err != nil {
			return nil, fmt.Errorf("list authors: %w", err)
		}
		list = append(list, a)
	}
	return list, rows.Err()
}
