// Package stem implements Indonesian stemming, tokenisation and stop words
// for full-text search and related-news scoring.
//
// Warta stems text itself before either database indexes it (both index
// the output of Terms with a configuration that only lowercases), so the
// goal is to be right for readers, not to agree with PostgreSQL's
// indonesian_stem: a word is reduced only when what remains is a root word
// of the dictionary (rootwords.txt, from the hunspell-id word list), so
// names and roots that merely look affixed (berita, Kediri, Persebaya,
// cabai, nilai, perintah, tandatangan) are never cut.
package stem

import (
	_ "embed"
	"strings"
	"sync"
)

// maxStemBytes: longer "words" cannot be real words and are left alone.
const maxStemBytes = 1000

//go:embed rootwords.txt
var rootWordsFile string

var (
	rootsOnce sync.Once
	roots     map[string]bool
)

func isRoot(w string) bool {
	rootsOnce.Do(func() {
		roots = map[string]bool{}
		for _, line := range strings.Split(rootWordsFile, "\n") {
			if line = strings.TrimSpace(line); line != "" && line[0] != '#' {
				roots[line] = true
			}
		}
	})
	return roots[w]
}

// Protected are words that look affixed and end in a root word but are
// names (ke+diri, per+se+baya, pe+kalong+an) or words of their own
// (penduduk is not a form of duduk). They are never stemmed.
var Protected = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`
		kediri persebaya persija persib persik persis persipura persiba persela persikabo persita perseru
		pekalongan pemalang pematangsiantar pematang pekanbaru pelalawan penajam pesawaran pesisir
		bekasi berau bengkulu berastagi kebumen kepahiang ketapang kendari kendal kepulauan sebatik
		semarang sumenep temanggung tebingtinggi tegal demak depok medan jember mempawah merauke
		sentani serang sidoarjo selayar sekadau seram sampit pelaihari penajam tanjung
		megawati prabowo jokowi bahlil pertamina pelni pertamax pertalite perum kemenkes kemendag
		kominfo kemenkeu kejagung bersatu perindo gerindra tehoru hokeng
		penduduk pendeta perempuan pemuda pesantren penghulu pertiwi
	`) {
		Protected[w] = true
	}
}

// Stem returns the root of one lowercase word: the word itself when it is
// a root word, a protected name, not made of letters, or when no way of
// removing affixes leaves a root word; else the root found by removing, in
// this order, a particle (-lah, -kah, -tah, -pun), a possessive (-ku, -mu,
// -nya), a derivational suffix (-kan, -an, -i) and up to three prefixes
// (di-, ke-, se-, ber-, ter-, per-, meN-, peN- with the sound changes of
// meN-/peN-: menulis → tulis, menyapu → sapu, memukul → pukul, mengirim →
// kirim, mengebom → bom).
func Stem(word string) string {
	if len(word) > maxStemBytes || len(word) < 4 || Protected[word] || isRoot(word) || !letters(word) {
		return word
	}
	for _, b := range inflected(word) {
		// Suffixes alone first (serangan -> serang, not se+rang), then
		// prefixes too.
		cands := derived(b)
		for _, c := range cands {
			if isRoot(c) {
				return c
			}
		}
		for _, c := range cands {
			if r, ok := unprefix(c, 3); ok {
				return r
			}
		}
	}
	return word
}

func letters(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// inflected is the word, then without its particle, then without its
// possessive too.
func inflected(w string) []string {
	out := []string{w}
	for _, p := range []string{"lah", "kah", "tah", "pun"} {
		if strings.HasSuffix(w, p) && len(w)-len(p) >= 3 {
			w = w[:len(w)-len(p)]
			out = append(out, w)
			break
		}
	}
	for _, p := range []string{"nya", "ku", "mu"} {
		if strings.HasSuffix(w, p) && len(w)-len(p) >= 3 {
			out = append(out, w[:len(w)-len(p)])
			break
		}
	}
	return out
}

// derived is the word, then without -kan, -an or -i.
func derived(w string) []string {
	out := []string{w}
	for _, s := range []string{"kan", "an", "i"} {
		if strings.HasSuffix(w, s) && len(w)-len(s) >= 3 {
			out = append(out, w[:len(w)-len(s)])
		}
	}
	return out
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// unprefix removes up to depth prefixes and reports the first root word
// found, trying each prefix's possible original first letters.
func unprefix(w string, depth int) (string, bool) {
	if depth == 0 || len(w) < 4 {
		return "", false
	}
	for _, c := range prefixCandidates(w) {
		if len(c) < 2 {
			continue
		}
		if isRoot(c) {
			return c, true
		}
		for _, d := range derived(c) {
			if d != c && isRoot(d) {
				return d, true
			}
		}
		if r, ok := unprefix(c, depth-1); ok {
			return r, true
		}
	}
	return "", false
}

// prefixCandidates lists what w may be without its first prefix, most
// likely first.
func prefixCandidates(w string) []string {
	var out []string
	add := func(s ...string) { out = append(out, s...) }
	at := func(p string) (string, bool) {
		if strings.HasPrefix(w, p) && len(w) > len(p)+1 {
			return w[len(p):], true
		}
		return "", false
	}
	for _, p := range []string{"di", "ke", "se"} {
		if r, ok := at(p); ok {
			add(r)
		}
	}
	// ber-, be- (before r: berenang -> renang; bekerja -> kerja), bel(ajar)
	if r, ok := at("ber"); ok {
		add(r)
		if r[0] != 'r' {
			add("r" + r)
		}
	}
	if r, ok := at("be"); ok {
		add(r)
	}
	if r, ok := at("ter"); ok {
		add(r, "r"+r)
	}
	if r, ok := at("per"); ok {
		add(r, "r"+r)
	}
	{
		for _, m := range []string{"me", "pe"} {
			if r, ok := at(m + "ng"); ok {
				if r, ok := strings.CutPrefix(r, "e"); ok && len(r) >= 2 { // mengebom -> bom
					add(r)
				}
				if isVowel(r[0]) { // mengubah -> ubah, mengirim -> kirim
					add(r, "k"+r, "ng"+r)
				} else {
					add(r)
				}
			}
			if r, ok := at(m + "ny"); ok && isVowel(r[0]) {
				add("ny"+r, "s"+r) // menyatakan -> nyata, menyapu -> sapu
			}
			if r, ok := at(m + "m"); ok {
				if isVowel(r[0]) {
					add("m"+r, "p"+r) // memakan -> makan, memukul -> pukul
				} else {
					add(r)
				}
			}
			if r, ok := at(m + "n"); ok {
				if isVowel(r[0]) {
					add("n"+r, "t"+r) // menilai -> nilai, menulis -> tulis
				} else {
					add(r)
				}
			}
			if r, ok := at(m); ok && len(r) > 0 && !isVowel(r[0]) { // melihat, merasa, mewarnai, menyanyi
				add(r)
			}
		}
	}
	if r, ok := at("pel"); ok { // pelajar -> ajar, after pe- (pelabuhan -> labuh)
		add(r)
	}
	return out
}
