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

// A search counts as one with few matches (read from the full-text index,
// not by walking every article newest first) when its rarest word, or for
// "any word" all its words together, are in few articles.
func TestFewMatches(t *testing.T) {
	dfs := map[string]int64{"lapor": 983074, "500067": 1, "perintah": 916402, "daerah": 700000, "banjir": 4000, "bandang": 1500}
	for _, tc := range []struct {
		groups [][]string
		any    bool
		want   bool
	}{
		{[][]string{{"lapor"}, {"500067"}}, false, true},     // a rare word among common ones
		{[][]string{{"perintah"}}, false, false},             // a common word: the walk stops early
		{[][]string{{"perintah"}, {"daerah"}}, false, false}, // two common words
		{[][]string{{"banjir", "bandang"}}, false, false},    // a group is all its words: 5,500
		{[][]string{{"banjir"}, {"bandang"}}, true, false},   // any of them: 5,500 together
		{[][]string{{"bandang"}, {"tidakada"}}, false, true}, // a word in no article
		{[][]string{{"banjir"}, {"perintah"}}, false, true},  // the rarest bounds them all
		{[][]string{{"500067"}, {"lapor"}}, true, false},     // any word: the common one counts
	} {
		if got := fewMatches(tc.groups, dfs, tc.any); got != tc.want {
			t.Errorf("fewMatches(%v, any=%v) = %v, want %v", tc.groups, tc.any, got, tc.want)
		}
	}
}
