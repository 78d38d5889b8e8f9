package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"warta/internal/domain"
)

// A revision keeps every field of an article as one save left it (since
// migration 0150; older ones only the text: AllFields false).
const (
	revisionCols = `r.id, r.article_id, COALESCE(r.user_id, 0), COALESCE(u.name, ''), r.title, r.slug, r.excerpt, r.body_source,
	r.status, r.created_at, r.article_version, r.all_fields, COALESCE(r.category_id, 0), COALESCE(c.slug, ''), COALESCE(c.name, ''),
	r.tags, r.author_ids, r.photo_url, r.photo_caption, r.photo_credit, r.photo_width, r.photo_height, r.published_at,
	r.breaking, r.featured, r.hot_manual, COALESCE(r.poll_id, 0), r.baca_juga_off`
	revisionFrom = ` FROM article_revisions r LEFT JOIN users u ON u.id = r.user_id LEFT JOIN categories c ON c.id = r.category_id`
)

func scanRevision(row rowScanner) (domain.Revision, error) {
	var r domain.Revision
	var status, tags, authors string
	var pub sql.NullTime
	var bacaJugaOff sql.NullBool
	err := row.Scan(&r.ID, &r.ArticleID, &r.UserID, &r.UserName, &r.Title, &r.Slug, &r.Excerpt, &r.BodySource,
		&status, &r.CreatedAt, &r.ArticleVersion, &r.AllFields, &r.Category.ID, &r.Category.Slug, &r.Category.Name,
		&tags, &authors, &r.Photo.URL, &r.Photo.Caption, &r.Photo.Credit, &r.Photo.Width, &r.Photo.Height, &pub,
		&r.Breaking, &r.Featured, &r.HotManual, &r.PollID, &bacaJugaOff)
	if err != nil {
		return r, err
	}
	if bacaJugaOff.Valid {
		r.BacaJugaOff = &bacaJugaOff.Bool
	}
	r.Status = domain.Status(status)
	if pub.Valid {
		r.PublishedAt = pub.Time
	}
	if err := json.Unmarshal([]byte(tags), &r.Tags); err != nil {
		return r, fmt.Errorf("revision %d tags: %w", r.ID, err)
	}
	var ids []int64
	if err := json.Unmarshal([]byte(authors), &ids); err != nil {
		return r, fmt.Errorf("revision %d authors: %w", r.ID, err)
	}
	for _, id := range ids {
		r.Authors = append(r.Authors, domain.Author{ID: id})
	}
	return r, nil
}

// revisionOf is the revision a save by userID that made version v of an
// article leaves: the article as written (st, read inside the save).
func revisionOf(st ArticleState, userID, v int64) domain.Revision {
	a := st.Article
	r := domain.Revision{ArticleID: a.ID, UserID: userID, Title: a.Title, Slug: a.Slug, Excerpt: a.Excerpt,
		BodySource: a.BodySource, Status: a.Status, ArticleVersion: v, AllFields: true, Category: a.Category,
		Authors: a.Authors, Photo: a.Photo, PublishedAt: a.PublishedAt, Breaking: a.Breaking, Featured: a.Featured,
		HotManual: st.HotManual, PollID: a.PollID, BacaJugaOff: &a.BacaJugaOff}
	for _, t := range a.Tags {
		r.Tags = append(r.Tags, t.Name)
	}
	return r
}

// sameRevision reports whether two revisions keep the same article.
func sameRevision(a, b domain.Revision) bool {
	ids := func(r domain.Revision) []int64 {
		var out []int64
		for _, au := range r.Authors {
			out = append(out, au.ID)
		}
		return out
	}
	tri := func(v *bool) int {
		if v == nil {
			return -1
		}
		if *v {
			return 1
		}
		return 0
	}
	return a.Title == b.Title && a.Slug == b.Slug && a.Excerpt == b.Excerpt && a.BodySource == b.BodySource &&
		a.Status == b.Status && a.AllFields == b.AllFields && a.Category.ID == b.Category.ID &&
		slices.Equal(a.Tags, b.Tags) && slices.Equal(ids(a), ids(b)) && a.Photo == b.Photo &&
		a.PublishedAt.Equal(b.PublishedAt) && a.Breaking == b.Breaking && a.Featured == b.Featured &&
		tri(a.HotManual) == tri(b.HotManual) && a.PollID == b.PollID && tri(a.BacaJugaOff) == tri(b.BacaJugaOff)
}

// addRevision keeps a version of an article (inside the article write's
// transaction) unless it equals the newest one (autosave saves often). The
// newest revision with article_version <= v holds version v, so a revision
// equal to the newest one is skipped. It returns the revision's id.
func (s *Store) addRevision(ctx context.Context, tx *sql.Tx, r domain.Revision) (int64, error) {
	last, err := scanRevision(tx.QueryRowContext(ctx, s.q(`SELECT `+revisionCols+revisionFrom+`
		WHERE r.article_id = ? ORDER BY r.id DESC LIMIT 1`), r.ArticleID))
	if err == nil && sameRevision(last, r) {
		return last.ID, nil
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	tags, authors := []string{}, []int64{}
	tags = append(tags, r.Tags...)
	for _, au := range r.Authors {
		authors = append(authors, au.ID)
	}
	tagsJSON, _ := json.Marshal(tags)
	authorsJSON, _ := json.Marshal(authors)
	var hot, bacaJugaOff any
	if r.HotManual != nil {
		hot = *r.HotManual
	}
	if r.BacaJugaOff != nil {
		bacaJugaOff = *r.BacaJugaOff
	}
	return s.insertID(ctx, tx, `INSERT INTO article_revisions (article_id, user_id, title, slug, excerpt, body_source, status,
		created_at, article_version, all_fields, category_id, tags, author_ids, photo_url, photo_caption, photo_credit,
		photo_width, photo_height, published_at, breaking, featured, hot_manual, poll_id, baca_juga_off)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.ArticleID, nullID(r.UserID), r.Title, r.Slug, r.Excerpt, r.BodySource, string(r.Status), s.Now(), r.ArticleVersion,
		nullID(r.Category.ID), string(tagsJSON), string(authorsJSON), r.Photo.URL, r.Photo.Caption, r.Photo.Credit,
		r.Photo.Width, r.Photo.Height, nullTime(r.PublishedAt), r.Breaking, r.Featured, hot, nullID(r.PollID), bacaJugaOff)
}

// nameAuthors fills the bylines' slugs and names (as they are now) and
// leaves out the ones deleted since.
func (s *Store) nameAuthors(ctx context.Context, list []domain.Revision) error {
	var ids []any
	seen := map[int64]bool{}
	for _, r := range list {
		for _, au := range r.Authors {
			if !seen[au.ID] {
				seen[au.ID] = true
				ids = append(ids, au.ID)
			}
		}
	}
	if len(ids) == 0 {
		return nil
	}
	rows, err := s.r.QueryContext(ctx, s.q("SELECT id, slug, name FROM authors WHERE id IN ("+placeholders(len(ids))+")"), ids...)
	if err != nil {
		return err
	}
	defer rows.Close()
	byID := map[int64]domain.Author{}
	for rows.Next() {
		var a domain.Author
		if err := rows.Scan(&a.ID, &a.Slug, &a.Name); err != nil {
			return err
		}
		byID[a.ID] = a
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range list {
		var named []domain.Author
		for _, au := range list[i].Authors {
			if a, ok := byID[au.ID]; ok {
				named = append(named, a)
			}
		}
		list[i].Authors = named
	}
	return nil
}

// revision reads one revision (ok false when there is none) with its
// bylines named.
func (s *Store) revision(ctx context.Context, where string, args ...any) (domain.Revision, bool, error) {
	r, err := scanRevision(s.r.QueryRowContext(ctx, s.q(`SELECT `+revisionCols+revisionFrom+` WHERE `+where), args...))
	if errors.Is(err, sql.ErrNoRows) {
		return r, false, nil
	}
	if err != nil {
		return r, false, err
	}
	list := []domain.Revision{r}
	err = s.nameAuthors(ctx, list)
	return list[0], true, err
}

// RevisionAtVersion returns the newest revision that saved the article's
// version v or an older one: the article an editor saw when they opened
// version v. ok is false when there is none.
func (s *Store) RevisionAtVersion(ctx context.Context, articleID, v int64) (domain.Revision, bool, error) {
	r, ok, err := s.revision(ctx, `r.article_id = ? AND r.article_version BETWEEN 1 AND ?
		ORDER BY r.article_version DESC, r.id DESC LIMIT 1`, articleID, v)
	if err != nil {
		return r, false, fmt.Errorf("revision at version: %w", err)
	}
	return r, ok, nil
}

// Revisions lists an article's revisions, newest first.
func (s *Store) Revisions(ctx context.Context, articleID int64) ([]domain.Revision, error) {
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT `+revisionCols+revisionFrom+` WHERE r.article_id = ? ORDER BY r.id DESC`), articleID)
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
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list revisions: %w", err)
	}
	rows.Close()
	if err := s.nameAuthors(ctx, list); err != nil {
		return nil, fmt.Errorf("list revisions: %w", err)
	}
	return list, nil
}

// Revision returns one revision of an article.
func (s *Store) Revision(ctx context.Context, articleID, id int64) (domain.Revision, error) {
	r, ok, err := s.revision(ctx, "r.article_id = ? AND r.id = ?", articleID, id)
	if err != nil {
		return r, fmt.Errorf("get revision: %w", err)
	}
	if !ok {
		return r, domain.NotFound("revisi tidak ditemukan")
	}
	return r, nil
}
