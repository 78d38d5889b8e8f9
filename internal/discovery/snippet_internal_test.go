package discovery

import (
	"math/rand/v2"
	"os"
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
		"Ñandú", "日本", "yang", "dan", "  \t\n", "ke-2", "\u00a0", "ÉTAT", "berlabuh", "pelabuhan", "KAPAL", "x",
		"Memukul", "menulis", "MENYAPU", "mengirim", "mengebom", "berenang", "pelajar", "menyatakan", "pukul", "sapu", "Tulis",
		"Persebaya", "Kediri", "perintah", "dipukulnya", "ke2", "İstanbul", "ǅ", "K", "ab", "pemukulan", "keberangkatan",
		"iPhone", "McDonald", "BerLabuh", "mEMUKUL", "PeLabuhan", "Ab", "aB", "2024An", "é", "Émukul"}
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

// The probe newMatcher relies on: every letter of a word's index term but
// the first stands, in order, in the word lowercased. Checked for the
// labelled inflections and for roots of the dictionary with the affixes the
// stemmer cuts, so a stemmer change that breaks it fails here, not in a
// snippet that silently stops marking a word.
func TestTermsStandInTheirWords(t *testing.T) {
	var forms []string
	if b, err := os.ReadFile("../stem/testdata/inflections.tsv"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if f, _, ok := strings.Cut(line, "\t"); ok && !strings.HasPrefix(f, "#") {
				forms = append(forms, f)
			}
		}
	} else {
		t.Fatal(err)
	}
	b, err := os.ReadFile("../stem/rootwords.txt")
	if err != nil {
		t.Fatal(err)
	}
	prefixes := []string{"", "di", "ke", "se", "ber", "be", "ter", "per", "pel", "me", "mem", "men", "meng", "menge", "meny",
		"pe", "pem", "pen", "peng", "penge", "peny", "memper", "diper", "keber", "berke", "menye"}
	suffixes := []string{"", "kan", "an", "i", "nya", "lah", "kah", "pun", "ku", "mu", "kannya", "annya", "inya"}
	roots := strings.Fields(string(b))
	for i, r := range roots {
		if i%15 != 0 {
			continue
		}
		for _, p := range prefixes {
			for _, s := range suffixes {
				forms = append(forms, p+r+s)
			}
			// meN-/peN- swallow the root's first letter.
			if len(r) > 1 && strings.ContainsRune("kpst", rune(r[0])) {
				forms = append(forms, p+r[1:], p+r[1:]+"kan")
			}
		}
	}
	for _, f := range forms {
		for _, w := range []string{f, strings.ToUpper(f[:1]) + f[1:]} {
			// termOf without its cache (millions of forms).
			term := strings.ToLower(w)
			if !isASCII(w) || stem.IsStopWord(term) {
				continue
			}
			if strings.IndexFunc(term, unicode.IsDigit) < 0 {
				term = stem.Stem(term)
			}
			if len(term) >= 3 && !strings.Contains(strings.ToLower(w), term[1:]) {
				t.Fatalf("%q has term %q: %q is not in the word", w, term, term[1:])
			}
		}
	}
}

// Over the evaluation material's sentences (testdata/eval), cut into
// articles of 25 sentences, with terms taken from each article and from
// others, the fast words marks exactly what the reference does, and
// SnippetHTML and HighlightHTML write what HTML of Snippet and Highlight do.
func TestWordsAgreeOnArticles(t *testing.T) {
	b, err := os.ReadFile("testdata/eval/stories.txt")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, line := range strings.Split(string(b), "\n") {
		if len(line) > 2 && strings.Contains("TUHG", line[:1]) && line[1] == ' ' {
			lines = append(lines, line[2:])
		}
	}
	var all []string
	for _, l := range lines {
		all = append(all, stem.Terms(l)...)
	}
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i+25 <= len(lines); i += 5 {
		title, text := lines[i], strings.Join(lines[i+1:i+25], " ")
		own := stem.Terms(text)
		terms := []string{own[r.IntN(len(own))], all[r.IntN(len(all))]}
		if i%3 == 0 {
			terms = append(terms, own[r.IntN(len(own))], all[r.IntN(len(all))])
		}
		set := termSet(terms)
		if got, want := words(text, set), wordsByRune(text, set); !slices.Equal(got, want) {
			t.Fatalf("article %d, terms %v: words disagree", i, terms)
		}
		m := NewMatcher(terms)
		if got, want := m.SnippetHTML(text, 32), HTML(Snippet(text, terms, 32)); got != want {
			t.Fatalf("article %d, terms %v:\n got  %q\n want %q", i, terms, got, want)
		}
		if got, want := m.HighlightHTML(title+` <&"'>`), HTML(Highlight(title+` <&"'>`, terms)); got != want {
			t.Fatalf("title %d, terms %v:\n got  %q\n want %q", i, terms, got, want)
		}
	}
}
