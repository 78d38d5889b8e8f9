package discovery

import (
	"html"
	"strings"
	"sync"
	"unicode"

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
func words(text string, terms map[string]bool) []word {
	var out []word
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := strings.ToLower(text[start:end])
		m := false
		if !stem.IsStopWord(w) {
			t := w
			if strings.IndexFunc(w, unicode.IsDigit) < 0 {
				t = stemOf(w)
			}
			m = terms[t]
		}
		out = append(out, word{start, end, m})
		start = -1
	}
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) {
			if start < 0 {
				start = i
			}
			continue
		}
		flush(i)
	}
	flush(len(text))
	return out
}

// stems remembers the stem of each word a snippet met, up to maxStems
// words (then it starts afresh): stemming was most of a search page's
// cost, and a site's words are few. stem.Stem depends on nothing but the
// word.
var stems struct {
	mu sync.RWMutex
	m  map[string]string // word -> stem
}

const maxStems = 200_000

func stemOf(w string) string {
	stems.mu.RLock()
	t, ok := stems.m[w]
	stems.mu.RUnlock()
	if ok {
		return t
	}
	t = stem.Stem(w)
	stems.mu.Lock()
	if stems.m == nil || len(stems.m) >= maxStems {
		stems.m = make(map[string]string)
	}
	// Copies: w and t may be parts of a whole article's text.
	stems.m[strings.Clone(w)] = strings.Clone(t)
	stems.mu.Unlock()
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
