package store

import "testing"

// termFreq counts whole index terms only, up to its limit.
func TestTermFreq(t *testing.T) {
	for _, c := range []struct {
		field, term string
		limit, want int
	}{
		{"banjir rendam jakarta", "banjir", 3, 1},
		{"banjir rendam jakarta", "jakarta", 3, 1},
		{"banjir rendam jakarta", "rendam", 3, 1},
		{"banjirnya rendam jakartabarat", "banjir", 3, 0},
		{"xbanjir banjir", "banjir", 3, 1},
		{"banjir banjir banjir banjir", "banjir", 3, 3},
		{"banjir banjir", "banjir", 1, 1},
		{"", "banjir", 3, 0},
		{"banjir", "", 3, 0},
		{"a a a", "a", 5, 3},
	} {
		if got := termFreq(c.field, c.term, c.limit); got != c.want {
			t.Errorf("termFreq(%q, %q, %d) = %d, want %d", c.field, c.term, c.limit, got, c.want)
		}
	}
}
