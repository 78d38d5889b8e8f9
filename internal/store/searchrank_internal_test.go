package store

import (
	"html"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

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
		if got := fewMatches(matchBound(tc.groups, dfs, tc.any)); got != tc.want {
			t.Errorf("fewMatches(%v, any=%v) = %v, want %v", tc.groups, tc.any, got, tc.want)
		}
	}
}

// plainTextByFields is PlainText as it was first written (tags removed,
// entities decoded, then split into fields and joined): the reference.
func plainTextByFields(h string) string {
	if !strings.Contains(h, "<") && !strings.Contains(h, "&") {
		return strings.Join(strings.Fields(h), " ")
	}
	var b strings.Builder
	for len(h) > 0 {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			b.WriteString(h)
			break
		}
		b.WriteString(h[:i])
		h = h[i:]
		j := strings.IndexByte(h, '>')
		if j < 0 {
			break
		}
		name := strings.TrimPrefix(h[1:j], "/")
		if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
			name = name[:k]
		}
		if !inlineTags[strings.ToLower(name)] {
			b.WriteByte(' ')
		}
		h = h[j+1:]
	}
	text := html.UnescapeString(b.String())
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, " ")
	}
	return strings.Join(strings.Fields(text), " ")
}

// PlainText writes what the reference does for random mixes of markup,
// entities, white space of every kind and invalid UTF-8: the index and
// the snippets depend on it byte for byte.
func TestPlainTextAgreesWithTheReference(t *testing.T) {
	pieces := []string{"<p>", "</p>", "<strong>", "</strong>", "<a href='x'>", "<br/>", "<li>", "&amp;", "&lt;b&gt;", "&nbsp;",
		"&#160;", "&am", "p;", "<", ">", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u0085", "\xff", "\xc3", "é",
		"kata", "Banjir", "2024", ".", "日本", "\x00", "\v\f"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(30) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		in := b.String()
		if got, want := PlainText(in), plainTextByFields(in); got != want {
			t.Fatalf("PlainText(%q) = %q, want %q", in, got, want)
		}
	}
}
