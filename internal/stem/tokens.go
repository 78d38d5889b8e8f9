package stem

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// Tokens splits text into lowercase words for indexing and querying.
//
// A word is a maximal run of letters, digits and combining marks; anything
// else separates words. This approximates PostgreSQL's default text-search
// parser on ordinary prose: hyphenated words such as "negara-negara" come
// out as their parts ("negara", "negara"), which PostgreSQL also emits
// (besides the whole compound), and apostrophes and underscores split words
// as they do there. Marks are kept so that decomposed accents (e + U+0301)
// do not cut a word in two. URLs, e-mail addresses and decimal numbers are
// not treated specially, unlike in PostgreSQL.
func Tokens(text string) []string {
	fields := strings.FieldsFunc(text, func(r rune) bool {
		return !isWordRune(r)
	})
	// FieldsFunc never yields empty fields, and lowercasing a non-empty run
	// of letters cannot make it empty.
	for i, f := range fields {
		fields[i] = strings.ToLower(f)
	}
	return fields
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

// Terms returns the index terms of text: its Tokens without stop words,
// each stemmed.
//
// Tokens containing a digit ("2024", "covid19") are kept as they are,
// because PostgreSQL's indonesian configuration maps number and
// letters-with-digits tokens to the simple dictionary rather than to the
// stemmer; stemming them here would make the two backends disagree (for
// instance "g20kan" would lose its "-kan" only on the Go side).
func Terms(text string) []string {
	tokens := Tokens(text)
	terms := tokens[:0]
	for _, t := range tokens {
		if IsStopWord(t) {
			continue
		}
		if !hasDigit(t) {
			t = Stem(t)
		}
		terms = append(terms, t)
	}
	return terms
}

func hasDigit(s string) bool {
	return strings.IndexFunc(s, unicode.IsDigit) >= 0
}

// maxLineBytes bounds one input line of StemLines; a word list has no
// business with longer lines, but bufio.Scanner's 64 KiB default would turn
// a long one into an error that is hard to read.
const maxLineBytes = 1 << 20

// StemLines reads words one per line from r and writes "word<TAB>stem" lines
// to w, the format of the `warta stem` command and of the golden test file.
// Each word is trimmed and lowercased first; blank lines are skipped.
func StemLines(r io.Reader, w io.Writer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLineBytes)
	bw := bufio.NewWriter(w)
	for sc.Scan() {
		word := strings.ToLower(strings.TrimSpace(sc.Text()))
		if word == "" {
			continue
		}
		if _, err := fmt.Fprintf(bw, "%s\t%s\n", word, Stem(word)); err != nil {
			return fmt.Errorf("stem: write: %w", err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("stem: read: %w", err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("stem: write: %w", err)
	}
	return nil
}
