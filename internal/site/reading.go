package site

import (
	"strings"

	"golang.org/x/net/html"
)

// wordsPerMinute is the reading speed the article's "x menit baca" assumes:
// an adult reading Indonesian news prose on a screen.
const wordsPerMinute = 200

// readingMinutes is how long the body takes to read, rounded up, at least
// one minute. bodyHTML is the stored (sanitised) body; only its text counts.
func readingMinutes(bodyHTML string) int {
	z := html.NewTokenizer(strings.NewReader(bodyHTML))
	words := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return max(1, (words+wordsPerMinute-1)/wordsPerMinute)
		case html.TextToken:
			words += len(strings.Fields(string(z.Text())))
		}
	}
}
