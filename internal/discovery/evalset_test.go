package discovery_test

// The related-news evaluation set: articles generated from the hand-written
// material in testdata/eval/stories.txt (see its header). An article's story
// label comes from construction, never from what the scorer finds.

import (
	"bufio"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

type evalFamily struct {
	key, category string
	generic       []string // generic titles
	tags          []string
	templates     []string
	stories       []*evalStory
}

type evalStory struct {
	key, half string
	family    *evalFamily
	day, size int
	slots     map[string][]string
	unique    []string
	headlines []string
	tags      []string
}

// evalArticle is one generated article.
type evalArticle struct {
	story       *evalStory
	title       string
	excerpt     string
	body        string // Markdown paragraphs
	tags        []string
	publishedAt time.Time
	id          int64
}

func loadEvalMaterial(t testing.TB) []*evalFamily {
	t.Helper()
	f, err := os.Open("testdata/eval/stories.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var fams []*evalFamily
	var fam *evalFamily
	var st *evalStory
	list := func(s string) []string {
		var out []string
		for _, p := range strings.Split(s, ",") {
			if p = strings.TrimSpace(p); p != "" {
				out = append(out, p)
			}
		}
		return out
	}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		kind, rest, _ := strings.Cut(line, " ")
		bad := func() { t.Fatalf("stories.txt:%d: bad line %q", n, line) }
		switch kind {
		case "F":
			p := strings.Fields(rest)
			if len(p) != 2 {
				bad()
			}
			fam = &evalFamily{key: p[0], category: p[1]}
			fams = append(fams, fam)
		case "G":
			fam.generic = append(fam.generic, rest)
		case "B":
			fam.tags = list(rest)
		case "T":
			fam.templates = append(fam.templates, rest)
		case "S":
			p := strings.Fields(rest)
			if len(p) != 4 {
				bad()
			}
			day, err1 := strconv.Atoi(p[1])
			size, err2 := strconv.Atoi(p[2])
			if err1 != nil || err2 != nil || (p[3] != "tune" && p[3] != "test") {
				bad()
			}
			st = &evalStory{key: fam.key + "/" + p[0], half: p[3], family: fam, day: day, size: size, slots: map[string][]string{}}
			fam.stories = append(fam.stories, st)
		case "V":
			k, v, ok := strings.Cut(rest, "=")
			if !ok {
				bad()
			}
			st.slots[k] = strings.Split(v, "|")
		case "U":
			st.unique = append(st.unique, rest)
		case "H":
			st.headlines = append(st.headlines, rest)
		case "A":
			st.tags = list(rest)
		default:
			bad()
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return fams
}

// Tags newsrooms put on anything; they say nothing about the story.
var noiseTags = []string{"nasional", "Nasional", "viral", "Viral", "Trending", "trending", "Pilihan Editor",
	"DPR", "Presiden", "Berita Terkini", "Headline"}

// Sentences any article may end with.
var fillers = []string{
	"Perkembangan selanjutnya akan terus kami laporkan.",
	"Hingga berita ini diturunkan, belum ada keterangan resmi lebih lanjut.",
	"Pihak terkait berjanji akan memberikan penjelasan dalam waktu dekat.",
	"Masyarakat diminta tidak mudah percaya pada kabar yang belum jelas sumbernya.",
	"Situasi tersebut menjadi perbincangan hangat di media sosial.",
	"Presiden disebut telah menerima laporan mengenai hal ini.",
	"Sejumlah anggota DPR meminta pemerintah bertindak cepat.",
	"Warga berharap persoalan ini segera mendapat penyelesaian.",
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

func (s *evalStory) fill(r *rand.Rand, tpl string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			b.WriteString(tpl)
			break
		}
		j := strings.IndexByte(tpl[i:], '}') + i
		b.WriteString(tpl[:i])
		vals := s.slots[tpl[i+1:j]]
		if len(vals) == 0 {
			panic("story " + s.key + " has no slot " + tpl[i+1:j])
		}
		b.WriteString(pick(r, vals))
		tpl = tpl[j+1:]
	}
	out := b.String()
	return strings.ToUpper(out[:1]) + out[1:]
}

// generateEval builds the articles of one half (tune or test), in
// publication order, dated from start.
func generateEval(fams []*evalFamily, half string, start time.Time) []*evalArticle {
	r := rand.New(rand.NewPCG(19, uint64(len(half))))
	var out []*evalArticle
	for _, fam := range fams {
		for _, st := range fam.stories {
			if st.half != half {
				continue
			}
			day := float64(st.day)
			for i := range st.size {
				if i > 0 {
					// Follow-ups: mostly within days, now and then weeks later.
					gap := r.ExpFloat64() * 1.5
					if r.Float64() < 0.15 {
						gap += 7 + r.Float64()*10
					}
					day += gap
				}
				day = min(day, 58)
				at := start.Add(time.Duration(day*24*float64(time.Hour)) + time.Duration(6+r.IntN(16))*time.Hour +
					time.Duration(r.IntN(60))*time.Minute)
				out = append(out, st.article(r, at))
			}
		}
	}
	slices.SortStableFunc(out, func(a, b *evalArticle) int { return a.publishedAt.Compare(b.publishedAt) })
	return out
}

func (s *evalStory) article(r *rand.Rand, at time.Time) *evalArticle {
	a := &evalArticle{story: s, publishedAt: at}
	if r.Float64() < 0.4 {
		a.title = pick(r, s.family.generic) // as real portals do
	} else {
		a.title = pick(r, s.headlines)
	}
	var n int
	switch x := r.Float64(); {
	case x < 0.25:
		n = 2 // a short flash
	case x < 0.75:
		n = 4 + r.IntN(3)
	default:
		n = 9 + r.IntN(5)
	}
	var sents []string
	for range n {
		if r.Float64() < 0.2 && len(s.unique) > 0 {
			sents = append(sents, pick(r, s.unique))
		} else if r.Float64() < 0.25 {
			// A comparison with a sibling story ("as in Demak last month"):
			// its names appear here too.
			sib := pick(r, s.family.stories)
			sents = append(sents, sib.fill(r, pick(r, s.family.templates)))
		} else {
			sents = append(sents, s.fill(r, pick(r, s.family.templates)))
		}
	}
	for range r.IntN(3) {
		sents = append(sents, pick(r, fillers))
	}
	a.excerpt = sents[0]
	var paras []string
	for i := 1; i < len(sents); i += 2 {
		paras = append(paras, strings.Join(sents[i:min(i+2, len(sents))], " "))
	}
	if len(paras) == 0 {
		paras = []string{sents[0]}
	}
	a.body = strings.Join(paras, "\n\n")
	switch x := r.Float64(); {
	case x < 0.35: // no tags at all
	case x < 0.55: // only the generic ones
		for range 1 + r.IntN(2) {
			a.tags = append(a.tags, pick(r, noiseTags))
		}
	default:
		for range 1 + r.IntN(2) {
			a.tags = append(a.tags, pick(r, s.tags))
		}
		if r.Float64() < 0.5 {
			a.tags = append(a.tags, pick(r, s.family.tags))
		}
		if r.Float64() < 0.4 {
			a.tags = append(a.tags, pick(r, noiseTags))
		}
	}
	return a
}

// precisionAt5 is the mean over articles of the share of the (up to 5)
// shown related articles that are of the same story; an article shown
// nothing counts 0.
func precisionAt5(arts []*evalArticle, lists map[int64][]int64) float64 {
	story := map[int64]*evalStory{}
	for _, a := range arts {
		story[a.id] = a.story
	}
	var sum float64
	for _, a := range arts {
		l := lists[a.id]
		l = l[:min(5, len(l))]
		if len(l) == 0 {
			continue
		}
		hits := 0
		for _, id := range l {
			if story[id] == a.story {
				hits++
			}
		}
		sum += float64(hits) / float64(len(l))
	}
	return sum / float64(len(arts))
}

// tfidfBaseline ranks, for every article, the others by plain TF-IDF cosine
// of lowercased raw words of title and body (no stemming, no tags, no
// time): the baseline the scorer must beat.
func tfidfBaseline(arts []*evalArticle) map[int64][]int64 {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
		})
	}
	df := map[string]float64{}
	tfs := make([]map[string]float64, len(arts))
	for i, a := range arts {
		tfs[i] = map[string]float64{}
		for _, w := range words(a.title + " " + a.excerpt + " " + a.body) {
			tfs[i][w]++
		}
		for w := range tfs[i] {
			df[w]++
		}
	}
	n := float64(len(arts))
	vecs := make([]map[string]float64, len(arts))
	for i, tf := range tfs {
		v := map[string]float64{}
		var norm float64
		for w, c := range tf {
			x := (1 + math.Log(c)) * math.Log(n/df[w])
			v[w] = x
			norm += x * x
		}
		norm = math.Sqrt(norm)
		for w := range v {
			v[w] /= max(norm, 1e-9)
		}
		vecs[i] = v
	}
	out := map[int64][]int64{}
	for i, a := range arts {
		type sc struct {
			id int64
			s  float64
		}
		var all []sc
		for j, b := range arts {
			if i == j {
				continue
			}
			var dot float64
			for w, x := range vecs[i] {
				dot += x * vecs[j][w]
			}
			all = append(all, sc{b.id, dot})
		}
		slices.SortFunc(all, func(x, y sc) int {
			if x.s != y.s {
				if x.s > y.s {
					return -1
				}
				return 1
			}
			return int(y.id - x.id)
		})
		for _, s := range all[:min(5, len(all))] {
			out[a.id] = append(out[a.id], s.id)
		}
	}
	return out
}

func describeEval(arts []*evalArticle) string {
	stories := map[*evalStory]bool{}
	fams := map[*evalFamily]bool{}
	generic, untagged, short := 0, 0, 0
	for _, a := range arts {
		stories[a.story] = true
		fams[a.story.family] = true
		if slices.Contains(a.story.family.generic, a.title) {
			generic++
		}
		if len(a.tags) == 0 {
			untagged++
		}
		if !strings.Contains(a.body, "\n") {
			short++
		}
	}
	return fmt.Sprintf("%d articles, %d stories in %d families, %d%% generic titles, %d%% untagged, %d%% one-paragraph",
		len(arts), len(stories), len(fams), 100*generic/len(arts), 100*untagged/len(arts), 100*short/len(arts))
}

// evalQueries are what readers type, each labelled with the story it looks
// for (family/story): plain words, inflected words, names, a phrase in
// quotes, unfinished words and typos.
var evalQueries = []struct{ q, story string }{
	{"harga cabai kediri", "pangan/cabai"},
	{"cabai rawit", "pangan/cabai"},
	{"gagal panen kelud", "pangan/cabai"},
	{"stok beras cipinang", "pangan/beras"},
	{"bulog sphp", "pangan/beras"},
	{"minyakita", "pangan/minyak"},
	{"minyak goreng disunat", "pangan/minyak"},
	{"bawang putih impor", "pangan/bawang"},
	{"kontainer tertahan tanjung priok", "pangan/bawang"},
	{"tanggul sungai wulan jebol", "banjir/demak"},
	{"banjir demak", "banjir/demak"},
	{"ciliwung meluap", "banjir/jakarta"},
	{"kampung melayu terendam", "banjir/jakarta"},
	{"banjir martapura", "banjir/kalsel"},
	{"pondok gede permai", "banjir/bekasi"},
	{"gempa cianjur", "gempa/cianjur"},
	{"sesar cugenang", "gempa/cianjur"},
	{"gempa bawean", "gempa/bawean"},
	{"gempa sumedang", "gempa/sumedang"},
	{"tehoru", "gempa/seram"},
	{"awan panas semeru", "gunung/semeru"},
	{"pendaki marapi", "gunung/marapi"},
	{"gunung ruang", "gunung/ruang"},
	{"lewotobi", "gunung/lewotobi"},
	{"jonatan indonesia open", "bulutangkis/indonesiaopen"},
	{`"all england"`, "bulutangkis/allengland"},
	{"piala thomas chengdu", "bulutangkis/thomas"},
	{"gregoria kopenhagen", "bulutangkis/dunia"},
	{"persebaya arema", "bola/persebaya"},
	{"kluivert", "bola/timnas"},
	{"persib juara", "bola/persib"},
	{"korupsi timah harvey moeis", "korupsi/timah"},
	{"syahrul yasin limpo", "korupsi/kementan"},
	{"ott basarnas", "korupsi/basarnas"},
	{"ruu penyiaran", "dpr/penyiaran"},
	{"ransomware pusat data nasional", "siber/pdn"},
	{"bjorka npwp", "siber/pajak"},
	{"ppn 12 persen", "tarif/ppn"},
	{"pertalite mypertamina", "tarif/pertalite"},
	{"rafah", "dunia/rafah"},
	// unfinished words
	{"minyaki", "pangan/minyak"},
	{"cugen", "gempa/cianjur"},
	// typos
	{"lewotbi", "gunung/lewotobi"},
	{"persebya", "bola/persebaya"},
	{"rohingia aceh", "dunia/rohingya"},
}

// precisionAt10 is the share of the (up to 10) results that are of the
// story a query looks for; a query with no result counts 0.
func precisionAt10(results []int64, want *evalStory, story map[int64]*evalStory) float64 {
	results = results[:min(10, len(results))]
	if len(results) == 0 {
		return 0
	}
	hits := 0
	for _, id := range results {
		if story[id] == want {
			hits++
		}
	}
	return float64(hits) / float64(len(results))
}
