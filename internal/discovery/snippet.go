package discovery

import (
	"html"
	"slices"
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
func words(text string, terms map[string]bool) []word {
	m := newMatcher(terms)
	var sc scratch
	return slices.Clone(sc.words(text, &m))
}

// matcher is a query's terms as a snippet looks for them: the set, and
// for each term the part of it any word holding it must contain (probe).
type matcher struct {
	terms  map[string]bool
	probes []string
	every  bool // a term too short to probe: every word is looked up
}

// newMatcher prepares terms for words. A word's index term is the word
// lowercased, or its stem: the stemmer only cuts affixes off a word and,
// for meN-/peN- words, puts back at most one letter the prefix swallowed
// (memukul -> pukul, menulis -> tulis; the two letters of ng- and ny- are
// the word's own). So every letter of a term but its first stands, in
// order, in the lowercased word, and never at the word's first letter: a
// word whose text does not contain term[1:] cannot have that term, and is
// never stemmed. TestTermsStandInTheirWords holds the stemmer to this,
// TestWordsAgreesWithTheReference the snippets.
func newMatcher(terms map[string]bool) matcher {
	m := matcher{terms: terms}
	for t := range terms {
		switch {
		case !isASCII(t):
			// Only a word with a byte outside ASCII has such a term, and
			// those words are always looked up.
		case len(t) < 3:
			m.every = true
		default:
			m.probes = append(m.probes, t[1:])
		}
	}
	return m
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// scratch holds the buffers one snippet needs, reused through a pool: a
// result page cuts ten snippets of whole articles.
type scratch struct {
	hits []span
	ws   []word
}

type span struct{ start, end int }

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// Byte classes for words: what separates words, a lowercase letter or a
// digit, an uppercase letter, the first byte of a rune outside ASCII.
const (
	sep = iota
	lower
	upper
	wide
)

var byteClass = func() (c [256]uint8) {
	for b := range c {
		switch {
		case 'a' <= b && b <= 'z', '0' <= b && b <= '9':
			c[b] = lower
		case 'A' <= b && b <= 'Z':
			c[b] = upper
		case b >= utf8.RuneSelf:
			c[b] = wide
		}
	}
	return c
}()

// words is words with sc's buffers: the result is valid until sc is used
// again.
//
// Only a word that may hold a term is looked up (termOf): one with a byte
// outside ASCII or an uppercase letter after its first, or one that
// contains a term's probe (see newMatcher), found by searching the text for
// each probe: probes are lowercase and never meet a word's first letter.
// A snippet reads a whole article for each result of each search, and the
// look-up of every word was most of a search page's cost.
func (sc *scratch) words(text string, m *matcher) []word {
	sc.hits = sc.hits[:0]
	if len(m.terms) > 0 && !m.every {
		for _, p := range m.probes {
			for at := 0; ; {
				j := strings.Index(text[at:], p)
				if j < 0 {
					break
				}
				sc.hits = append(sc.hits, span{at + j, at + j + len(p)})
				at += j + 1
			}
		}
		if len(m.probes) > 1 {
			slices.SortFunc(sc.hits, func(a, b span) int { return a.start - b.start })
		}
	}
	out := sc.ws[:0]
	start, odd, hit := -1, false, 0
	for i := 0; i <= len(text); {
		in, size := false, 1
		if i < len(text) {
			switch byteClass[text[i]] {
			case lower:
				in = true
			case upper:
				in = true
				odd = odd || start >= 0 // an uppercase letter after the first
			case wide:
				var r rune
				r, size = utf8.DecodeRuneInString(text[i:])
				in = unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
				odd = odd || in
			}
		}
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			look := odd || m.every
			if !look && len(m.terms) > 0 {
				// Probes found before this word cannot lie in a later one.
				for hit < len(sc.hits) && sc.hits[hit].start < start {
					hit++
				}
				for k := hit; k < len(sc.hits) && sc.hits[k].start < i; k++ {
					if sc.hits[k].end <= i {
						look = true
						break
					}
				}
			}
			match := false
			if look && len(m.terms) > 0 {
				t := termOf(text[start:i])
				match = t != "" && m.terms[t]
			}
			out = append(out, word{start, i, match})
			start, odd = -1, false
		}
		i += size
	}
	sc.ws = out
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
	m := newMatcher(termSet(terms))
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	return fragments(text, sc.words(text, &m), 0, len(text))
}

// Snippet returns the passage of text, at most maxWords words long, that
// holds the most matches of terms, with the matches marked and an ellipsis
// where text was cut. Without any match it is the start of text.
func Snippet(text string, terms []string, maxWords int) []Fragment {
	text = strings.ToValidUTF8(text, "")
	m := newMatcher(termSet(terms))
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	ws := sc.words(text, &m)
	from, to, ok := passage(text, ws, maxWords)
	if !ok {
		return nil
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

// passage is where Snippet cuts text: the bytes [from, to) of the window
// of maxWords words holding the most matches, begun a few words before its
// first match. ok is false when text has no words.
func passage(text string, ws []word, maxWords int) (from, to int, ok bool) {
	if len(ws) == 0 {
		return 0, 0, false
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
	from, to = ws[best].start, ws[last].end
	if best == 0 {
		from = 0
	}
	if last == len(ws)-1 {
		to = len(text)
	}
	return from, to, true
}

// Matcher marks a query's terms in titles and snippets, as HTML; one
// serves every result of a page.
type Matcher struct{ m matcher }

// NewMatcher prepares terms (index terms, as store.SearchTerms gives them).
func NewMatcher(terms []string) *Matcher { return &Matcher{newMatcher(termSet(terms))} }

// HighlightHTML is HTML(Highlight(text, terms)).
func (x *Matcher) HighlightHTML(text string) string {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "")
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	var b strings.Builder
	b.Grow(len(text) + 16)
	writeMarked(&b, text, sc.words(text, &x.m), 0, len(text))
	return b.String()
}

// SnippetHTML is HTML(Snippet(text, terms, maxWords)), written without the
// fragments.
func (x *Matcher) SnippetHTML(text string, maxWords int) string {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "")
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	ws := sc.words(text, &x.m)
	from, to, ok := passage(text, ws, maxWords)
	if !ok {
		return ""
	}
	var b strings.Builder
	b.Grow(to - from + 64)
	if from > 0 {
		b.WriteString("… ")
	}
	writeMarked(&b, text, ws, from, to)
	if to < len(text) {
		b.WriteString(" …")
	}
	return b.String()
}

// writeMarked writes text[from:to] as HTML with its matched words in
// <mark>, as HTML(fragments(...)) does.
func writeMarked(b *strings.Builder, text string, ws []word, from, to int) {
	at := from
	for _, w := range ws {
		if !w.match || w.start < from || w.end > to {
			continue
		}
		if w.start > at {
			writeEscaped(b, text[at:w.start])
		}
		b.WriteString("<mark>")
		writeEscaped(b, text[w.start:w.end])
		b.WriteString("</mark>")
		at = w.end
	}
	if at < to {
		writeEscaped(b, text[at:to])
	}
}

// writeEscaped writes s as html.EscapeString does, without a copy when
// nothing needs escaping.
func writeEscaped(b *strings.Builder, s string) {
	for {
		i := strings.IndexAny(s, `<>&'"`)
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		switch s[i] {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\'':
			b.WriteString("&#39;")
		case '"':
			b.WriteString("&#34;")
		}
		s = s[i+1:]
	}
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
