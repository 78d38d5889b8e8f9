package discovery

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"warta/internal/stem"
)

// wordsByRune is words as it was first written, one rune and one stem at a
// time: the reference the fast version must agree with.
func wordsByRune(text string, terms map[string]bool) []word {
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
				t = stem.Stem(w)
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

// newsText is a paragraph as articles have them.
const newsText = `Pemerintah Provinsi Jawa Tengah memerintahkan seluruh kabupaten bersiaga. Banjir merendam 1.200 rumah
di Demak sejak Senin (12/2/2024); warga mengungsi ke balai desa. "Kami sudah menyiapkan perahu karet," ujar Kepala BPBD,
Ir. Sukardi, M.Si. Pemerintahan daerah juga meminta PT KAI menunda perjalanan kereta—jalur Semarang–Surabaya tergenang
hingga 40 cm. Kerugian ditaksir Rp12,5 miliar. Pelabuhan Tanjung Emas tetap beroperasi; kapal-kapal berlabuh seperti biasa.`

// The fast words splits and marks every text as the rune-by-rune version
// does: a news paragraph and random mixes of ASCII, Indonesian words,
// accents, combining marks, digits and punctuation.
func TestWordsAgreesWithTheReference(t *testing.T) {
	texts := []string{newsText, strings.ToUpper(newsText), ""}
	pieces := []string{"Pemerintah", "pemerintahan", "memerintahkan", " ", ", ", ". ", "—", "2024", "covid19", "café", "e\u0301",
		"Ñandú", "日本", "yang", "dan", "  \t\n", "ke-2", "\u00a0", "ÉTAT", "berlabuh", "pelabuhan", "KAPAL", "x"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		var b strings.Builder
		for range r.IntN(40) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for i, text := range texts {
		var terms map[string]bool
		if tokens := stem.Terms(text); len(tokens) > 0 {
			terms = termSet([]string{tokens[i%len(tokens)], tokens[len(tokens)/2], "perintah", "labuh", "2024"})
		}
		if got, want := words(text, terms), wordsByRune(text, terms); !slices.Equal(got, want) {
			t.Fatalf("text %d %q:\n got  %v\n want %v", i, text, got, want)
		}
	}
}

// BenchmarkSnippet cuts the snippet of one article of ten paragraphs.
func BenchmarkSnippet(b *testing.B) {
	text := strings.Repeat(newsText+" ", 10)
	terms := []string{"perintah"}
	for b.Loop() {
		Snippet(text, terms, 32)
	}
}
