// Package stem implements Indonesian stemming, tokenisation and stop words
// for full-text search and related-news scoring.
//
// Stem reproduces PostgreSQL's Snowball "indonesian" stemmer (the
// indonesian_stem text-search dictionary, ts_lexize('indonesian_stem', w))
// word for word, so that the SQLite backend, which stems in Go, and the
// PostgreSQL backend, which stems in the database, index and query the same
// terms. The reference is the libstemmer C code PostgreSQL ships, generated
// from indonesian.sbl by Snowball 2.1.0 or 2.2.0 depending on the release
// (the Indonesian rules are the same in both); the golden file in testdata
// was produced by PostgreSQL 15 itself. Snowball's development
// version has revised these rules, so a future PostgreSQL may differ: the
// live test (WARTA_TEST_POSTGRES) is there to notice.
package stem

import "unicode/utf8"

// maxStemBytes mirrors PostgreSQL's dict_snowball, which hands words longer
// than 1000 bytes back unstemmed because they cannot be real words.
const maxStemBytes = 1000

// Values of the Snowball "prefix" integer. They record which kind of prefix
// was removed, because the suffix rules depend on it (e.g. "-kan" is not
// removed after ke-/peng-/per-). The numbers are the ones the Snowball
// source uses; only their identity matters.
const (
	prefixNone = 0
	prefixDi   = 1 // di-, meng- (and variants), ter-
	prefixPer  = 2 // per-, pe-
	prefixKe   = 3 // ke-, peng- (and variants)
	prefixBer  = 4 // ber-, be-, bel(ajar)
)

// Stem returns the stem of one lowercase word exactly as PostgreSQL's
// indonesian_stem dictionary would. The input must already be lowercased;
// any string is accepted (empty, digits, non-ASCII, invalid UTF-8) and the
// result is never longer than the input.
//
// The algorithm is the Snowball Indonesian stemmer (Tala's Porter stemmer
// for Bahasa Indonesia): strip a particle (-kah, -lah, -pun), then a
// possessive pronoun (-ku, -mu, -nya), then either a first-order prefix
// followed by a derivational suffix (-kan, -an, -i) and, only if that
// suffix came off, a second-order prefix; or a second-order prefix
// followed by a suffix. Every removal requires the word to still contain
// more than two vowels (the "measure").
func Stem(word string) string {
	if len(word) > maxStemBytes {
		return word
	}
	// Each affix contains exactly one vowel and every replacement removes
	// exactly one, so the measure always equals the vowel count of w; it is
	// still tracked as a counter to follow the reference step by step.
	measure := countVowels(word)
	if measure <= 2 {
		return word
	}
	w := word

	if n := particleLen(w); n > 0 {
		w = w[:len(w)-n]
		measure--
	}
	// The reference stops here (keeping what it already stripped) when the
	// measure drops, rather than skipping just the next step.
	if measure <= 2 {
		return w
	}
	if n := possessiveLen(w); n > 0 {
		w = w[:len(w)-n]
		measure--
	}
	if measure <= 2 {
		return w
	}

	if rest, start, prefix, ok := removeFirstOrderPrefix(w); ok {
		w = rest
		measure--
		// A second-order prefix is only tried when a suffix was removed:
		// in the Snowball source both steps sit in one "do (test (...) ...)"
		// block, so a failing suffix step abandons the prefix step too.
		if measure <= 2 {
			return w
		}
		rest, ok := removeSuffix(w, start, prefix)
		if !ok {
			return w
		}
		w = rest
		measure--
		if measure > 2 {
			// start is where the cursor was left by the first-order step: a
			// letter it substituted (s- for meny-, p- for mem-) is not
			// reconsidered as the start of a second-order prefix.
			if rest, _, ok := removeSecondOrderPrefix(w, start, prefix); ok {
				w = rest
			}
		}
		return w
	}

	prefix := prefixNone
	if rest, p, ok := removeSecondOrderPrefix(w, 0, prefix); ok {
		w = rest
		prefix = p
		measure--
	}
	if measure > 2 {
		if rest, ok := removeSuffix(w, 0, prefix); ok {
			w = rest
		}
	}
	return w
}

// isVowel reports whether b is one of the five vowels of the Snowball
// grouping. Accented letters are deliberately consonants there.
func isVowel(b byte) bool {
	switch b {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// countVowels returns the initial measure. Vowels are ASCII, and bytes of
// multi-byte UTF-8 sequences are never ASCII, so a byte count is exact.
func countVowels(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if isVowel(s[i]) {
			n++
		}
	}
	return n
}

// hasSuffixFrom reports whether s ends with suf and the suffix starts at or
// after lb, the backward limit the reference runs the suffix rules with.
func hasSuffixFrom(s, suf string, lb int) bool {
	return len(s)-len(suf) >= lb && s[len(s)-len(suf):] == suf
}

// hasPrefixAt reports whether s has pre at byte offset at.
func hasPrefixAt(s, pre string, at int) bool {
	return at+len(pre) <= len(s) && s[at:at+len(pre)] == pre
}

// particleLen returns the length of a trailing -kah/-lah/-pun, or 0.
func particleLen(s string) int {
	for _, p := range [...]string{"kah", "lah", "pun"} {
		if hasSuffixFrom(s, p, 0) {
			return len(p)
		}
	}
	return 0
}

// possessiveLen returns the length of a trailing -nya/-ku/-mu, or 0.
func possessiveLen(s string) int {
	for _, p := range [...]string{"nya", "ku", "mu"} {
		if hasSuffixFrom(s, p, 0) {
			return len(p)
		}
	}
	return 0
}

// removeSuffix strips one derivational suffix. Like Snowball's among, the
// longest ending is tried first and a failing condition falls back to the
// shorter ending it contains ("-kan" -> "-an"), never to an unrelated one.
// lb is the backward limit: the part of the word before it is off limits.
func removeSuffix(s string, lb, prefix int) (string, bool) {
	switch {
	case hasSuffixFrom(s, "kan", lb) && prefix != prefixKe && prefix != prefixPer:
		return s[:len(s)-3], true
	case hasSuffixFrom(s, "an", lb) && prefix != prefixDi:
		return s[:len(s)-2], true
	case hasSuffixFrom(s, "i", lb) && prefix <= prefixPer:
		// A word ending in -si keeps its i: this protects loanwords such as
		// televisi and organisasi.
		if i := len(s) - 2; i >= lb && s[i] == 's' {
			return s, false
		}
		return s[:len(s)-1], true
	}
	return s, false
}

// removeFirstOrderPrefix strips di-, ke-, ter-, me(ng)- or pe(ng)- and their
// nasal variants. It returns the new word, the offset at which the
// reference's cursor ends up (just after a substituted letter, else 0), and
// the prefix kind.
func removeFirstOrderPrefix(s string) (rest string, start, prefix int, ok bool) {
	followedByVowel := func(n int) bool { return n < len(s) && isVowel(s[n]) }
	switch {
	case hasPrefixAt(s, "meny", 0) && followedByVowel(4):
		// meny + vowel comes from s- (menyapu <- sapu).
		return "s" + s[4:], 1, prefixDi, true
	case hasPrefixAt(s, "peny", 0) && followedByVowel(4):
		return "s" + s[4:], 1, prefixKe, true
	case hasPrefixAt(s, "meng", 0):
		return s[4:], 0, prefixDi, true
	case hasPrefixAt(s, "peng", 0):
		return s[4:], 0, prefixKe, true
	case hasPrefixAt(s, "mem", 0):
		// mem + vowel comes from p- (memakai <- pakai); before a consonant
		// mem- is simply dropped (membaca <- baca).
		if followedByVowel(3) {
			return "p" + s[3:], 1, prefixDi, true
		}
		return s[3:], 0, prefixDi, true
	case hasPrefixAt(s, "pem", 0):
		if followedByVowel(3) {
			return "p" + s[3:], 1, prefixKe, true
		}
		return s[3:], 0, prefixKe, true
	case hasPrefixAt(s, "men", 0), hasPrefixAt(s, "ter", 0):
		return s[3:], 0, prefixDi, true
	case hasPrefixAt(s, "pen", 0):
		return s[3:], 0, prefixKe, true
	case hasPrefixAt(s, "di", 0), hasPrefixAt(s, "me", 0):
		return s[2:], 0, prefixDi, true
	case hasPrefixAt(s, "ke", 0):
		return s[2:], 0, prefixKe, true
	}
	return s, 0, prefixNone, false
}

// removeSecondOrderPrefix strips ber-, be-, per-, pe- or the bel-/pel- of
// (b|p)elajar, looking at s from byte offset at. prefix is the current kind,
// returned unchanged where the reference leaves it alone (pelajar).
func removeSecondOrderPrefix(s string, at, prefix int) (string, int, bool) {
	head, tail := s[:at], s[at:]
	switch {
	case hasPrefixAt(tail, "belajar", 0):
		return head + "ajar" + tail[7:], prefixBer, true
	case hasPrefixAt(tail, "pelajar", 0):
		return head + "ajar" + tail[7:], prefix, true
	case hasPrefixAt(tail, "ber", 0):
		return head + tail[3:], prefixBer, true
	case hasPrefixAt(tail, "per", 0):
		return head + tail[3:], prefixPer, true
	case hasPrefixAt(tail, "be", 0):
		// be- only before a consonant + "er" (bekerja <- kerja), so that
		// words merely starting with "be" are left alone. The consonant is
		// a whole character, which may be a multi-byte one.
		_, n := utf8.DecodeRuneInString(tail[2:])
		if n > 0 && !isVowel(tail[2]) && hasPrefixAt(tail, "er", 2+n) {
			return head + tail[2:], prefixBer, true
		}
	case hasPrefixAt(tail, "pe", 0):
		return head + tail[2:], prefixPer, true
	}
	return s, prefix, false
}
