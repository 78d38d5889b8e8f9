package store

// forUpdate locks the selected rows until the transaction ends. SQLite needs
// no row locks: its write transactions (BEGIN IMMEDIATE) already run one at a
// time.
func (s *Store) forUpdate() string {
	if s.dialect == Postgres {
		return " FOR UPDATE"
	}
	return ""
}
