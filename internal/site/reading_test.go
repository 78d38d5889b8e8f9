package site

import (
	"strings"
	"testing"
)

func TestReadingMinutes(t *testing.T) {
	words := func(n int) string { return strings.TrimSpace(strings.Repeat("kata ", n)) }
	for _, c := range []struct {
		body string
		want int
	}{
		{"", 1},
		{"<p>" + words(200) + "</p>", 1},
		{"<p>" + words(201) + "</p>", 2},
		{"<p>" + words(300) + "</p><p>" + words(300) + "</p>", 3},
		// Markup, attributes and the addresses in them are not read.
		{`<p><a href="https://example.id/` + words(500) + `">satu</a> <img alt="x" src="/a.jpg"></p>`, 1},
		{"<p>" + words(1000) + "</p>", 5},
	} {
		if got := readingMinutes(c.body); got != c.want {
			t.Errorf("%d bytes: %d minutes, want %d", len(c.body), got, c.want)
		}
	}
}
