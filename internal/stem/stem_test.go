package stem

import (
	"bufio"
	"bytes"
	"database/sql"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx" for the live comparison
)

func TestStemKnown(t *testing.T) {
	tests := []struct{ word, want string }{
		// The examples the package is asked to get right.
		{"bertahan", "tahan"},
		{"pertahanan", "tahan"},
		{"kekhawatiran", "khawatir"},
		{"khawatir", "khawatir"},

		// Measure: two vowels or fewer are never stemmed.
		{"", ""},
		{"makan", "makan"},
		{"dia", "dia"},
		{"berlari", "lari"},
		{"2024", "2024"},

		// Particles -kah, -lah, -pun.
		{"bacakah", "baca"},
		{"bacalah", "baca"},
		{"walaupun", "walau"},
		// Possessives -ku, -mu, -nya, also after a particle.
		{"rumahku", "rumah"},
		{"rumahmu", "rumah"},
		{"rumahnya", "rumah"},
		{"bukunyalah", "buku"},
		// The measure stops the chain as soon as it drops to two.
		{"apakah", "apa"},
		{"dialah", "dia"},

		// First-order prefixes.
		{"dibaca", "baca"},
		{"kekasih", "kasih"},
		{"terbaca", "baca"},
		{"melihat", "lihat"},
		{"mengambil", "ambil"},
		{"mendengar", "dengar"},
		{"membaca", "baca"},
		{"memakai", "paka"}, // mem + vowel -> p, and -i goes too
		{"menyapu", "sapu"}, // meny + vowel -> s
		{"menyyanyikan", "yyanyi"},
		{"penyapu", "sapu"},
		{"pengajar", "ajar"},
		{"pendengar", "dengar"},
		{"pemukul", "pukul"},
		{"pemakaian", "pakai"}, // pem + vowel -> p, then -an
		{"penyanyi", "sanyi"},  // the algorithm's known s- over-reach
		{"menyatakan", "sata"},

		// Second-order prefixes.
		{"berjalan", "jalan"},
		{"bekerja", "kerja"}, // be + consonant + er
		{"belajar", "ajar"},
		{"pelajar", "ajar"},
		{"pelajaran", "ajar"},
		{"perbaikan", "baik"}, // -kan refused after per-, -an taken
		{"peledakan", "ledak"},
		{"pekerja", "kerja"},
		{"beéerkan", "éerkan"}, // the consonant of be-KER may be multi-byte

		// Suffixes and their conditions.
		{"mengakhiri", "akhir"},
		{"ketahuan", "tahu"},
		{"dimainkan", "main"},
		{"dimakanan", "makanan"}, // -an not removed after di-
		{"kebersihan", "bersih"}, // -an after ke-, then no ber-: it is not a prefix here
		{"keberhasilan", "hasil"},
		{"kenaikan", "naik"}, // -kan refused after ke-, -an taken
		{"permainan", "main"},
		{"berdatangan", "datang"},
		{"televisi", "televisi"}, // -si words keep their i
		{"mencintai", "cinta"},
		{"kedatangi", "datangi"}, // -i refused after ke-
		{"memperbaiki", "baik"},  // second-order prefix only after a suffix
		{"memperbaik", "perbaik"},
		{"mempertahankan", "tahan"},
		{"memerlukan", "perlu"},

		// Combinations of everything.
		{"pertanggungjawabannya", "tanggungjawab"},
		{"menyanyikannya", "sanyi"},
		{"pelajarannyalah", "ajar"},

		// Words outside the algorithm's alphabet are passed through.
		{"café", "café"},
		{"négara", "négara"},
	}
	for _, tt := range tests {
		if got := Stem(tt.word); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestStemLongWord(t *testing.T) {
	// PostgreSQL hands words over 1000 bytes back unstemmed.
	long := strings.Repeat("a", 998) + "kan"
	if got := Stem(long); got != long {
		t.Errorf("Stem(1001-byte word) changed it to %d bytes", len(got))
	}
	short := strings.Repeat("a", 997) + "kan"
	if got := Stem(short); got != short[:997] {
		t.Errorf("Stem(1000-byte word) = %d bytes, want 997", len(got))
	}
}

// readWords returns the test word list.
func readWords(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("testdata/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields(string(data))
	if len(words) < 3000 {
		t.Fatalf("testdata/words.txt has %d words, want at least 3000", len(words))
	}
	return words
}

// TestStemGolden compares Stem with stems PostgreSQL produced, so machines
// without PostgreSQL still check agreement. The file was made with
//
//	\copy (SELECT word, (ts_lexize('indonesian_stem', word))[1] FROM words) TO 'stems.golden.tsv'
//
// over testdata/words.txt.
func TestStemGolden(t *testing.T) {
	f, err := os.Open("testdata/stems.golden.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	golden := map[string]string{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		word, stem, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("stems.golden.tsv:%d: no tab in %q", line, sc.Text())
		}
		golden[word] = stem
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}

	words := readWords(t)
	mismatches := 0
	for _, w := range words {
		want, ok := golden[w]
		if !ok {
			t.Errorf("%q is in words.txt but not in stems.golden.tsv; regenerate the golden file", w)
			continue
		}
		if got := Stem(w); got != want {
			mismatches++
			t.Errorf("Stem(%q) = %q, PostgreSQL says %q", w, got, want)
		}
	}
	t.Logf("%d words checked against PostgreSQL's golden stems, %d mismatches", len(words), mismatches)
}

// TestStemPostgres compares Stem with a live PostgreSQL, so that a server
// with a different Snowball version is noticed.
func TestStemPostgres(t *testing.T) {
	url := os.Getenv("WARTA_TEST_POSTGRES")
	if url == "" {
		t.Skip("WARTA_TEST_POSTGRES not set: skipping live comparison with PostgreSQL ts_lexize")
	}
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	words := readWords(t)
	// ts_lexize returns an array: one lexeme for a stemmed word, an empty
	// array for a stop word and NULL for a word the dictionary does not
	// know. The last two both mean "no lexeme", which Stem expresses as an
	// empty string (it only does that for empty input), so both are mapped
	// to "" here; a multi-lexeme answer would be unexpected and is reported.
	rows, err := db.Query(`
		SELECT w, coalesce(l[1], ''), coalesce(cardinality(l), 0)
		FROM unnest($1::text[]) AS w,
		     LATERAL (SELECT ts_lexize('indonesian_stem', w) AS l) AS x`, words)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()

	checked, mismatches := 0, 0
	for rows.Next() {
		var word, want string
		var n int
		if err := rows.Scan(&word, &want, &n); err != nil {
			t.Fatal(err)
		}
		checked++
		if n > 1 {
			t.Errorf("ts_lexize(%q) returned %d lexemes, want at most 1", word, n)
		}
		if got := Stem(word); got != want {
			mismatches++
			t.Errorf("Stem(%q) = %q, PostgreSQL ts_lexize says %q", word, got, want)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if checked != len(words) {
		t.Errorf("PostgreSQL returned %d rows for %d words", checked, len(words))
	}
	t.Logf("%d words checked against live PostgreSQL, %d mismatches", checked, mismatches)
}

func FuzzStem(f *testing.F) {
	for _, s := range []string{"", "a", "bertahan", "menyanyikannya", "memperbaiki", "beéerkan", "pelajarannyalah", "\xff\xfe", "be\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		got := Stem(word)
		if len(got) > len(word) {
			t.Errorf("Stem(%q) = %q is longer than its input", word, got)
		}
		if utf8.ValidString(word) && !utf8.ValidString(got) {
			t.Errorf("Stem(%q) = %q is not valid UTF-8", word, got)
		}
	})
}

func TestTokens(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"  ,.;  ", nil},
		{"Negara-negara itu", []string{"negara", "negara", "itu"}},
		{"Presiden RI, Jokowi, berkata: \"Kita siap!\"", []string{"presiden", "ri", "jokowi", "berkata", "kita", "siap"}},
		{"Pada 17 Agustus 1945 (HUT ke-79)", []string{"pada", "17", "agustus", "1945", "hut", "ke", "79"}},
		{"COVID19 dan G20", []string{"covid19", "dan", "g20"}},
		{"Jum'at\tpagi\nKAFÉ", []string{"jum", "at", "pagi", "kafé"}},
		{"cafe\u0301 baru", []string{"cafe\u0301", "baru"}},
		{"snake_case", []string{"snake", "case"}},
	}
	for _, tt := range tests {
		got := Tokens(tt.text)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestTerms(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{"yang dan di ke dari", nil},
		{"Pemerintah menyatakan bahwa pertahanan negara-negara itu diperkuat pada 2024",
			[]string{"perintah", "sata", "tahan", "negara", "negara", "perkuat", "2024"}},
		{"Kekhawatiran warga Jakarta soal G20kan", []string{"khawatir", "warga", "jakarta", "soal", "g20kan"}},
	}
	for _, tt := range tests {
		got := Terms(tt.text)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestStopWords(t *testing.T) {
	if !slices.IsSorted(StopWords) {
		t.Error("StopWords is not sorted")
	}
	if len(slices.Compact(slices.Clone(StopWords))) != len(StopWords) {
		t.Error("StopWords has duplicates")
	}
	if n := len(StopWords); n < 100 || n > 200 {
		t.Errorf("StopWords has %d words, want 100-200", n)
	}
	for _, w := range StopWords {
		if w != strings.ToLower(w) || len(Tokens(w)) != 1 || Tokens(w)[0] != w {
			t.Errorf("stop word %q is not a single lowercase token", w)
		}
	}
	for _, w := range []string{"yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "adalah", "akan", "juga", "tidak"} {
		if !IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"", "negara", "presiden", "Yang", "tahan"} {
		if IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = true, want false", w)
		}
	}
}

func TestStemLines(t *testing.T) {
	in := "Bertahan\n\n  pertahanan  \r\nKEKHAWATIRAN\r\n\t\nkhawatir"
	var out bytes.Buffer
	if err := StemLines(strings.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	want := "bertahan\ttahan\npertahanan\ttahan\nkekhawatiran\tkhawatir\nkhawatir\tkhawatir\n"
	if out.String() != want {
		t.Errorf("StemLines output = %q, want %q", out.String(), want)
	}
}

// TestStemLinesGolden checks that the CLI format reproduces the golden file,
// which is also how the file can be refreshed from the Go side.
func TestStemLinesGolden(t *testing.T) {
	in, err := os.ReadFile("testdata/words.txt")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/stems.golden.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := StemLines(bytes.NewReader(in), &out); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Error("StemLines(words.txt) differs from stems.golden.tsv")
	}
}
