package store

// SetSeekOffset lowers where s seeks deep pages (SeekOffset), so a test
// sees the plans of a deep page on a few articles.
func SetSeekOffset(s *Store, n int) { s.seekOffset = n }
