package discovery

import (
	"html"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"warta/internal/stem"
)

// Fragment is a piece of text for display; Match marks the words a search
// found. Templates escape Text as usual and wrap matches in <mark>.
type Fragment struct {
	Text  string
	Match bool
}

// word is one word of a text with its byte offsets.
type word struct {
	start, end int
	match      bool
}

// words splits text the way stem.Tokens does (runs of letters, digits and
// marks), marking the words whose index term is one of terms.
//
// A snippet reads a whole article for each result of each search, so this
// is written for speed: ASCII bytes are classified without decoding, and a
// word's index term comes from a cache of words as written (termOf).
func words(text string, terms map[string]bool) []word {
	out := make([]word, 0, len(text)/7)
	start := -1
	for i := 0; i <= len(text); {
		in, size := false, 1
		if i < len(text) {
			if c := text[i]; c < utf8.RuneSelf {
				in = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
			} else {
				var r rune
				r, size = utf8.DecodeRuneInString(text[i:])
				in = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
			}
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			t := termOf(text[start:i])
			out = append(out, word{start, i, t != "" && terms[t]})
			start = -1
		}
		i += size
	}
	return out
}

// wordTerms remembers the index term of each word (as written) a snippet
// met, "" for a stop word, up to maxWordTerms words (then it starts
// afresh): lowercasing, the stop-word look-up and stemming were most of a
// search page's cost, and a site's words are few. The term depends on
// nothing but the word.
var wordTerms struct {
	mu sync.RWMutex
	m  map[string]string
}

const maxWordTerms = 200_000

// termOf is the index term of word w: lowercase, "" for a stop word,
// stemmed unless it holds a digit (as stem.Terms does).
func termOf(w string) string {
	wordTerms.mu.RLock()
	t, ok := wordTerms.m[w]
	wordTerms.mu.RUnlock()
	if ok {
		return t
	}
	t = strings.ToLower(w)
	switch {
	case stem.IsStopWord(t):
		t = ""
	case strings.IndexFunc(t, unicode.IsDigit) < 0:
		t = stem.Stem(t)
	}
	wordTerms.mu.Lock()
	if wordTerms.m == nil || len(wordTerms.m) >= maxWordTerms {
		wordTerms.m = make(map[string]string)
	}
	// Copies: w and t may be parts of a whole article's text.
	wordTerms.m[strings.Clone(w)] = strings.Clone(t)
	wordTerms.mu.Unlock()
	return t
}

func termSet(terms []string) map[string]bool {
	set := make(map[string]bool, len(terms))
	for _, t := range terms {
		set[t] = true
	}
	return set
}

// fragments cuts text[from:to] into matched and unmatched pieces.
func fragments(text string, ws []word, from, to int) []Fragment {
	var out []Fragment
	at := from
	for _, w := range ws {
		if !w.match || w.start < from || w.end > to {
			continue
		}
		if w.start > at {
			out = append(out, Fragment{Text: text[at:w.start]})
		}
		out = append(out, Fragment{Text: text[w.start:w.end], Match: true})
		at = w.end
	}
	if at < to {
		out = append(out, Fragment{Text: text[at:to]})
	}
	return out
}

// Highlight returns all of text with the words that match terms (index
// terms, as store.SearchTerms gives them) marked.
func Highlight(text string, terms []string) []Fragment {
	text = strings.ToValidUTF8(text, "")
	return fragments(text, words(text, termSet(terms)), 0, len(text))
}

// Snippet returns the passage of text, at most maxWords words long, that
// holds the most matches of terms, with the matches marked and an ellipsis
// where text was cut. Without any match it is the start of text.
func Snippet(text string, terms []string, maxWords int) []Fragment {
	text = strings.ToValidUTF8(text, "")
	ws := words(text, termSet(terms))
	if len(ws) == 0 {
		return nil
	}
	maxWords = max(1, maxWords)
	best, bestN, n := 0, -1, 0
	for i := range ws {
		if ws[i].match {
			n++
		}
		if i >= maxWords && ws[i-maxWords].match {
			n--
		}
		// n counts the matches of the window ws[i-maxWords+1 .. i].
		if start := max(0, i-maxWords+1); n > bestN {
			best, bestN = start, n
		}
	}
	if bestN > 0 {
		// Start a few words before the window's first match, so the
		// reader sees what leads up to it.
		for i := best; i < len(ws); i++ {
			if ws[i].match {
				best = max(0, min(i-3, len(ws)-maxWords))
				break
			}
		}
	}
	last := min(len(ws), best+maxWords) - 1
	from, to := ws[best].start, ws[last].end
	if best == 0 {
		from = 0
	}
	if last == len(ws)-1 {
		to = len(text)
	}
	out := fragments(text, ws, from, to)
	if from > 0 {
		out = append([]Fragment{{Text: "… "}}, out...)
	}
	if to < len(text) {
		out = append(out, Fragment{Text: " …"})
	}
	return out
}

// HTML renders fragments as HTML: text escaped, matches in <mark>. The API
// uses it; templates render fragments themselves.
func HTML(fr []Fragment) string {
	var b strings.Builder
	for _, f := range fr {
		if f.Match {
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(f.Text))
			b.WriteString("</mark>")
		} else {
			b.WriteString(html.EscapeString(f.Text))
		}
	}
	return b.String()
}

// Text joins fragments back into plain text.
func Text(fr []Fragment) string {
	var b strings.Builder
	for _, f := range fr {
		b.WriteString(f.Text)
	}
	return b.String()
}
