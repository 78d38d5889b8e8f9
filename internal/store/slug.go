package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"warta/internal/domain"
)

// freeSlug returns the slug an article gets (self is its id when it is
// being edited, 0 on create: its own slug never counts as taken). A slug
// the writer asked for is theirs or a conflict; one derived from the title
// (fromTitle: on create without a slug, or an edit that blanked it) is made
// unique instead, because newsrooms repeat titles ("Harga Pangan Kembali
// Naik"): the first free of slug, slug-2, slug-3, ... It runs inside the
// writing transaction, so the unique index on articles.slug settles a race.
func (s *Store) freeSlug(ctx context.Context, tx *sql.Tx, slug string, fromTitle bool, self int64) (string, error) {
	// Exact lookups in batches of 20 candidates use the unique index on both
	// engines (a LIKE prefix would not, on SQLite's binary collation).
	const batch = 20
	for first := 1; ; first += batch {
		cands := make([]any, 0, batch+1)
		for n := first; n < first+batch; n++ {
			cands = append(cands, numbered(slug, n))
		}
		taken, err := takenSlugs(ctx, tx, s.q("SELECT slug FROM articles WHERE slug IN ("+placeholders(batch)+") AND id <> ?"),
			append(cands, self))
		if err != nil {
			return "", err
		}
		if first == 1 && taken[slug] && !fromTitle {
			return "", domain.Conflict("slug %q sudah dipakai artikel lain", slug)
		}
		for _, c := range cands[:batch] {
			if !taken[c.(string)] {
				return c.(string), nil
			}
		}
	}
}

// numbered is slug for n = 1, slug-n after.
func numbered(slug string, n int) string {
	if n == 1 {
		return slug
	}
	return slug + "-" + strconv.Itoa(n)
}

func takenSlugs(ctx context.Context, tx *sql.Tx, query string, args []any) (map[string]bool, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	taken := map[string]bool{}
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, err
		}
		taken[t] = true
	}
	return taken, rows.Err()
}

// slugFromTitle reports whether an article input leaves the slug to the
// title; it also fills it in.
func (in *ArticleInput) slugFromTitle() {
	if strings.TrimSpace(in.Slug) == "" {
		in.Slug = domain.Slugify(in.Title)
		in.SlugFromTitle = true
	}
}
