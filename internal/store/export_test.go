package store

import "context"

// SetSeekOffset lowers where s seeks deep pages (SeekOffset), so a test
// sees the plans of a deep page on a few articles.
func SetSeekOffset(s *Store, n int) { s.seekOffset = n }

// ArticleText is what article_text keeps for article id, and whether it
// has a row.
func ArticleText(s *Store, id int64) (string, bool) {
	var text string
	if err := s.w.QueryRow(s.q("SELECT text FROM article_text WHERE article_id = ?"), id).Scan(&text); err != nil {
		return "", false
	}
	return text, true
}

// DropArticleText empties article_text, as an archive from before 0190.
func DropArticleText(s *Store) error {
	_, err := s.w.Exec("DELETE FROM article_text")
	return err
}

// SessionSetting is the value of a PostgreSQL run-time setting in one of s's sessions.
func SessionSetting(s *Store, name string) (string, error) {
	var v string
	err := s.r.QueryRowContext(context.Background(), s.q("SELECT current_setting(?)"), name).Scan(&v)
	return v, err
}

// SetTermDocs overwrites how many articles search_terms says hold term, as
// counts that fell behind the index would read.
func SetTermDocs(s *Store, term string, docs int64) error {
	_, err := s.w.Exec(s.q("UPDATE search_terms SET docs = ? WHERE term = ?"), docs, term)
	return err
}

// PlannerSamples counts SQLite's planner samples (sqlite_stat4); 0 on
// PostgreSQL or before any ANALYZE.
func PlannerSamples(s *Store) (int, error) {
	if s.dialect != SQLite {
		return 0, nil
	}
	var tables, n int
	if err := s.w.QueryRow("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat4'").Scan(&tables); err != nil || tables == 0 {
		return 0, err
	}
	err := s.w.QueryRow("SELECT COUNT(*) FROM sqlite_stat4").Scan(&n)
	return n, err
}

// PublishedIDSpan is the lowest and highest published id, as a search's
// estimate of its matches reads them.
func PublishedIDSpan(s *Store) (int64, int64, error) { return s.publishedIDSpan(context.Background()) }

// SetRangeMax lowers how many stories of a search's date range s tests one
// by one (ScatteredRangeMax), so a test sees a long range on a few.
func SetRangeMax(s *Store, n int) { s.rangeMax = n }
