// Command scalegen builds a big, realistic archive for bench/scale.sh: the
// demo site plus N archive articles over ten years (300-800 word bodies made
// of the demo's Indonesian paragraphs, 300 authors, 20,000 long-tailed tags,
// stored related news, the search index) and M long-tailed comments (30%
// replies; one article with exactly 15,000, and at a million comments and
// more some with over 10,000). It writes through store.Bulk: big multi-row
// INSERTs, the same rows the per-article hooks would write.
//
//	go run ./bench/scalegen --db big.db --articles 1000000 --comments 10000000
//	go run ./bench/scalegen --db postgres://... --articles 100000 --comments 1000000
//
// The output is deterministic for a given --seed.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"math"
	"math/rand/v2"
	"os"
	"runtime/pprof"
	"slices"
	"sort"
	"strings"
	"time"

	"warta/internal/demo"
	"warta/internal/domain"
	"warta/internal/render"
	"warta/internal/store"
)

// HotSlug is the archive article that always gets 15,000 comments.
const HotSlug = "arsip-ramai-lima-belas-ribu-komentar"

func main() {
	db := flag.String("db", "", "SQLite file or postgres:// URL (must be empty or hold only the demo)")
	articles := flag.Int("articles", 10000, "archive articles to add")
	comments := flag.Int("comments", 100000, "comments to add (at least 15,000: the hot article's)")
	tags := flag.Int("tags", 20000, "tags")
	authors := flag.Int("authors", 300, "authors")
	years := flag.Int("years", 10, "years the archive spans")
	readShare := flag.Float64("read-share", 0.02, "share of the archive read in each hour of the last week (hourly view counts)")
	seed := flag.Uint64("seed", 11, "random seed")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile to this file")
	flag.Parse()
	if *db == "" || *articles < 1 || *comments < 15000 || *readShare < 0 || *readShare > 1 {
		flag.Usage()
		os.Exit(2)
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	if err := run(context.Background(), *db, *articles, *comments, *tags, *authors, *years, *readShare, *seed); err != nil {
		pprof.StopCPUProfile()
		log.Fatal(err)
	}
	log.Printf("done in %s", time.Since(start).Round(time.Second))
}

type gen struct {
	rng        *rand.Rand
	paras      []string // Markdown paragraphs of the demo articles
	parasHTML  []string // the same, rendered
	paraWords  []int
	paraTerms  []string // the same, as the search index holds them (store.SearchBody)
	titles     []string
	excerpts   []string
	tagCDF     []float64
	authorCDF  []float64
	firstTag   int64
	firstAu    int64
	nTags      int
	nAuthors   int
	recentTag  map[int64][]int64 // the last few articles of each tag (related news)
	names      []string
	emails     []string // commenters: name, e-mail and reader key by number
	readers    []string
	sentences  []string
	categories []int64
}

func run(ctx context.Context, dsn string, nArt, nCom, nTags, nAuthors, years int, readShare float64, seed uint64) error {
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.Migrate(ctx); err != nil {
		return err
	}
	rd := render.New()
	n, err := st.CountArticles(ctx)
	if err != nil {
		return err
	}
	if n == 0 {
		if _, err := demo.Seed(ctx, st, rd, ""); err != nil {
			return err
		}
	} else if n != len(demo.Articles) {
		return fmt.Errorf("%s already holds %d articles; scalegen wants an empty database", dsn, n)
	}
	g := &gen{rng: rand.New(rand.NewPCG(seed, 11)), nTags: nTags, nAuthors: nAuthors, recentTag: map[int64][]int64{}}
	if err := g.prepare(rd, st, ctx); err != nil {
		return err
	}
	existing, err := st.TagsWithCounts(ctx)
	if err != nil {
		return err
	}
	b, err := st.BeginBulk(ctx)
	if err != nil {
		return err
	}
	artID, comID, tagID, auID, err := b.NextIDs(ctx)
	if err != nil {
		return err
	}
	g.firstTag, g.firstAu = tagID, auID
	taken := map[string]bool{}
	for _, t := range existing {
		taken[t.Slug] = true
	}
	if err := b.Tags(ctx, tagID, g.tagNames(taken)); err != nil {
		return err
	}
	auNames, bios := g.authorNames()
	if err := b.Authors(ctx, auID, auNames, bios); err != nil {
		return err
	}
	counts := g.commentCounts(nArt, nCom)
	now := st.Now().Truncate(time.Second)
	first := now.AddDate(-years, 0, 0)
	span := now.Add(-24 * time.Hour).Sub(first)
	pubOf := func(i int) time.Time { return first.Add(time.Duration(float64(span) * float64(i) / float64(nArt))) }
	week := g.weekOfViews(artID, nArt, pubOf, now, readShare)
	weekSums := map[int64]int64{}
	for _, v := range week {
		weekSums[v.ArticleID] += v.N
	}
	// One goroutine generates the next batch while the database stores the
	// one before (on PostgreSQL the server works in its own processes).
	const batch = 5000
	type job struct {
		arts []store.BulkArticle
		coms []store.BulkComment
	}
	jobs := make(chan job, 1)
	done := make(chan error, 1)
	go func() {
		var err error
		for j := range jobs {
			if err == nil {
				err = b.Articles(ctx, j.arts)
			}
			if err == nil {
				err = b.Comments(ctx, j.coms)
			}
		}
		done <- err
	}()
	t0 := time.Now()
	totalComments := 0
	var arts []store.BulkArticle
	var coms []store.BulkComment
	for i := range nArt {
		id := artID + int64(i)
		a := g.article(id, i, nArt, pubOf(i), now)
		a.Views += weekSums[id]
		if a.Status == domain.StatusPublished {
			cs := g.comments(id, comID, counts[i], a.PublishedAt, now)
			comID += int64(len(cs))
			totalComments += len(cs)
			for _, c := range cs {
				if c.Status == domain.CommentApproved {
					a.CommentCount++
				}
			}
			coms = append(coms, cs...)
		}
		arts = append(arts, a)
		if len(arts) == batch || i == nArt-1 {
			jobs <- job{arts, coms}
			arts, coms = nil, nil
			if (i+1)%(batch*10) == 0 || i == nArt-1 {
				log.Printf("%d articles, %d comments (%s)", i+1, totalComments, time.Since(t0).Round(time.Second))
			}
		}
	}
	close(jobs)
	if err := <-done; err != nil {
		return err
	}
	for len(week) > 0 {
		n := min(len(week), 50000)
		if err := b.HourlyViews(ctx, week[:n]); err != nil {
			return err
		}
		week = week[n:]
	}
	log.Printf("hourly views of the last week stored (%d articles read)", len(weekSums))
	log.Printf("finishing: search terms, sitemap blocks, statistics")
	return b.Finish(ctx)
}

// weekOfViews makes the hourly view counts of the last week as a portal's
// readers spread them: each hour every article of the three days before it
// is read, many times and fewer as it ages, and share of the whole archive
// a few times each (search, links to old stories). pubOf is the publish
// time of the i-th archive article (first id firstID).
func (g *gen) weekOfViews(firstID int64, nArt int, pubOf func(int) time.Time, now time.Time, share float64) []store.ViewCount {
	if share == 0 {
		return nil
	}
	first, last := pubOf(0), pubOf(nArt-1)
	at := func(t time.Time) int { // the first article published at or after t
		if !t.After(first) {
			return 0
		}
		return min(nArt, int(float64(nArt-1)*float64(t.Sub(first))/float64(last.Sub(first)))+1)
	}
	var out []store.ViewCount
	for h := 7*24 - 1; h >= 0; h-- {
		hour := now.Truncate(time.Hour).Add(-time.Duration(h) * time.Hour)
		seen := map[int64]bool{}
		for i := at(hour.Add(-72 * time.Hour)); i < at(hour); i++ {
			age := hour.Sub(pubOf(i)).Hours()
			seen[firstID+int64(i)] = true
			out = append(out, store.ViewCount{ArticleID: firstID + int64(i), Hour: hour,
				N: 1 + int64(2000*math.Exp(-age/12)*(0.2+1.6*g.rng.Float64()))})
		}
		for range int(share * float64(nArt)) {
			if id := firstID + int64(g.rng.IntN(nArt)); !seen[id] {
				seen[id] = true
				out = append(out, store.ViewCount{ArticleID: id, Hour: hour, N: 1 + int64(g.rng.IntN(4))})
			}
		}
	}
	return out
}

func (g *gen) prepare(rd *render.Renderer, st *store.Store, ctx context.Context) error {
	for _, a := range demo.Articles {
		g.titles = append(g.titles, a.Title)
		g.excerpts = append(g.excerpts, a.Excerpt)
		for _, p := range strings.Split(a.Body, "\n\n") {
			p = strings.TrimSpace(p)
			if p == "" || strings.HasPrefix(p, "#") {
				continue
			}
			h, err := rd.Markdown(p)
			if err != nil {
				return err
			}
			g.paras = append(g.paras, p)
			g.parasHTML = append(g.parasHTML, strings.TrimSpace(h))
			g.paraWords = append(g.paraWords, len(strings.Fields(p)))
			g.paraTerms = append(g.paraTerms, store.SearchBody(g.parasHTML[len(g.parasHTML)-1], p))
			for _, s := range strings.SplitAfter(p, ". ") {
				if n := len(strings.Fields(s)); n >= 5 && n <= 30 && !strings.ContainsAny(s, "*[>") {
					g.sentences = append(g.sentences, strings.TrimSpace(s))
				}
			}
		}
	}
	cats, err := st.Categories(ctx)
	if err != nil {
		return err
	}
	for _, c := range cats {
		g.categories = append(g.categories, c.ID)
	}
	g.tagCDF = zipfCDF(g.nTags, 1.05)
	g.authorCDF = zipfCDF(g.nAuthors, 0.6)
	first := []string{"Andi", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gilang", "Hana", "Indra", "Joko", "Kartika", "Lestari",
		"Made", "Nur", "Oki", "Putri", "Rizky", "Sari", "Teguh", "Utami", "Wahyu", "Yanti", "Zainal", "Bayu", "Ratna"}
	last := []string{"Saputra", "Wijaya", "Lubis", "Siregar", "Nasution", "Hidayat", "Santoso", "Pratama", "Kusuma", "Halim",
		"Rahman", "Simanjuntak", "Tanjung", "Wibowo", "Setiawan", "Gunawan", "Harahap", "Sembiring"}
	for _, f := range first {
		for _, l := range last {
			g.names = append(g.names, f+" "+l)
		}
	}
	for u := range len(g.names) * 40 {
		g.emails = append(g.emails, fmt.Sprintf("pembaca%d@example.id", u))
		g.readers = append(g.readers, fmt.Sprintf("r%015x", u))
	}
	// The index of a body is the paragraphs' terms in order: check it on a
	// few bodies against the store's own derivation.
	for range 20 {
		a := g.body()
		if want := store.SearchBody(a.BodyHTML, a.BodySource); a.SearchBody != want {
			return fmt.Errorf("search terms of a body made of paragraphs differ from the store's:\n%q\n%q", a.SearchBody, want)
		}
	}
	return nil
}

// body is an article body of 300-800 words made of the demo's paragraphs,
// with its search terms.
func (g *gen) body() store.BulkArticle {
	var src, htm, terms []string
	words, target := 0, 300+g.rng.IntN(501)
	for words < target {
		p := g.rng.IntN(len(g.paras))
		src, htm, terms = append(src, g.paras[p]), append(htm, g.parasHTML[p]), append(terms, g.paraTerms[p])
		words += g.paraWords[p]
	}
	return store.BulkArticle{BodySource: strings.Join(src, "\n\n"), BodyHTML: strings.Join(htm, "\n"), SearchBody: strings.Join(terms, " ")}
}

// zipfCDF is the cumulative distribution of ranks 1..n with weight 1/r^s.
func zipfCDF(n int, s float64) []float64 {
	cdf := make([]float64, n)
	sum := 0.0
	for r := range n {
		sum += 1 / math.Pow(float64(r+1), s)
		cdf[r] = sum
	}
	for r := range cdf {
		cdf[r] /= sum
	}
	return cdf
}

func (g *gen) pick(cdf []float64) int {
	return sort.SearchFloat64s(cdf, g.rng.Float64())
}

var topicWords = []string{"Banjir", "Pemilu", "Timnas", "Inflasi", "Gempa", "Startup", "Kopi", "Festival", "Tol", "Pangan",
	"Pajak", "Sawit", "Nikel", "Mudik", "Haji", "Sekolah", "Vaksin", "Kereta", "Bandara", "Pelabuhan", "Film", "Musik",
	"Liga", "Bulu Tangkis", "Rupiah", "Saham", "Kebakaran", "Hutan", "Laut", "Nelayan", "Petani", "Beras", "Listrik",
	"Air Bersih", "Pariwisata", "Kuliner", "Batik", "Teknologi", "Ponsel", "Internet", "Korupsi", "Pilkada", "DPR", "UMKM"}
var places = []string{"Jakarta", "Surabaya", "Medan", "Makassar", "Bandung", "Semarang", "Palembang", "Denpasar", "Padang",
	"Pontianak", "Manado", "Ambon", "Jayapura", "Kupang", "Mataram", "Banjarmasin", "Pekanbaru", "Yogyakarta", "Aceh", "Balikpapan"}

// tagNames are distinct names: a topic, then a place, then a year or number
// (so the long tail reads like real tags).
func (g *gen) tagNames(taken map[string]bool) []string {
	out := make([]string, 0, g.nTags)
	for i := 0; len(out) < g.nTags; i++ {
		t := topicWords[i%len(topicWords)]
		switch k := i / len(topicWords); {
		case k == 0:
		case k <= len(places):
			t += " " + places[k-1]
		default:
			t += " " + places[k%len(places)] + " " + fmt.Sprint(2000+k/len(places))
		}
		if !taken[domain.Slugify(t)] {
			taken[domain.Slugify(t)] = true
			out = append(out, t)
		}
	}
	return out
}

func (g *gen) authorNames() (names, bios []string) {
	for i := range g.nAuthors {
		n := g.names[i%len(g.names)]
		if i >= len(g.names) {
			n += fmt.Sprintf(" %d", i/len(g.names)+1)
		}
		names = append(names, n)
		bios = append(bios, "Wartawan Warta di "+places[i%len(places)]+".")
	}
	return names, bios
}

// commentCounts gives each archive article its number of comments: the
// article at the middle of the archive gets 15,000, with a million comments
// or more twenty others get 10,000-12,000, 40% get none and the rest share
// what is left along a Pareto tail (most a handful, a few hundreds).
func (g *gen) commentCounts(nArt, nCom int) []int {
	counts := make([]int, nArt)
	hot := nArt / 2
	counts[hot] = 15000
	left := nCom - 15000
	if nCom >= 1000000 && nArt > 100 {
		for k := range 20 {
			i := (hot + 1 + k*(nArt/21)) % nArt
			if i == hot {
				continue
			}
			counts[i] = 10000 + g.rng.IntN(2000)
			left -= counts[i]
		}
	}
	w := make([]float64, nArt)
	sum := 0.0
	for i := range w {
		if counts[i] > 0 || g.rng.Float64() < 0.4 {
			continue
		}
		w[i] = math.Min(math.Pow(1-g.rng.Float64(), -1/1.3), 2000)
		sum += w[i]
	}
	given := 0
	for i := range w {
		if w[i] > 0 {
			counts[i] = int(w[i] / sum * float64(left))
			given += counts[i]
		}
	}
	for i := 0; given < left; i = (i + 1) % nArt {
		if w[i] > 0 {
			counts[i]++
			given++
		}
	}
	return counts
}

func (g *gen) article(id int64, i, nArt int, pub, now time.Time) store.BulkArticle {
	k := g.rng.IntN(len(g.titles))
	place := places[g.rng.IntN(len(places))]
	title := fmt.Sprintf("%s di %s, Laporan %d", g.titles[k], place, id)
	slug := domain.Slugify(fmt.Sprintf("%d %s %s", id, place, g.titles[k])) // the id first: Slugify cuts long slugs
	if i == nArt/2 {
		slug = HotSlug
	}
	a := g.body()
	a.ID, a.Slug, a.Title, a.Excerpt = id, slug, title, g.excerpts[k]
	a.CategoryID, a.Status = g.categories[g.rng.IntN(len(g.categories))], domain.StatusPublished
	a.PublishedAt, a.UpdatedAt = pub, pub.Add(time.Duration(g.rng.IntN(48*3600))*time.Second)
	a.Views = int64(math.Min(math.Pow(1-g.rng.Float64(), -1/1.1)*50, 5e6))
	if a.UpdatedAt.After(now) {
		a.UpdatedAt = now
	}
	switch r := g.rng.IntN(1000); {
	case i == nArt/2:
	case r < 10:
		a.Status = domain.StatusDraft
	case r < 15:
		a.Status = domain.StatusReview
	case r < 17:
		a.Status, a.PublishedAt = domain.StatusUnpublished, time.Time{}
	}
	if a.Status == domain.StatusDraft || a.Status == domain.StatusReview {
		a.PublishedAt = time.Time{}
	}
	seen := map[int64]bool{}
	for range 2 + g.rng.IntN(4) {
		t := g.firstTag + int64(g.pick(g.tagCDF))
		if !seen[t] {
			seen[t] = true
			a.TagIDs = append(a.TagIDs, t)
		}
	}
	a.AuthorIDs = []int64{g.firstAu + int64(g.pick(g.authorCDF))}
	if g.rng.IntN(10) == 0 {
		if b := g.firstAu + int64(g.rng.IntN(g.nAuthors)); b != a.AuthorIDs[0] {
			a.AuthorIDs = append(a.AuthorIDs, b)
		}
	}
	if a.Status == domain.StatusPublished {
		// Related news: the newest earlier articles of its tags.
		for _, t := range a.TagIDs {
			for _, r := range g.recentTag[t] {
				if len(a.Related) < 5 && !slices.Contains(a.Related, r) {
					a.Related = append(a.Related, r)
				}
			}
		}
		for _, t := range a.TagIDs {
			rec := append(g.recentTag[t], id)
			if len(rec) > 5 {
				rec = rec[1:]
			}
			g.recentTag[t] = rec
		}
	}
	return a
}

// comments makes n comments for an article, over the 30 days after it was
// published: 70% top-level, 30% replies to one of the 30 comments before
// (so threads stay local, as conversations are); 96% approved, 3% pending,
// 1% spam.
func (g *gen) comments(articleID, firstID int64, n int, pub, now time.Time) []store.BulkComment {
	if n == 0 {
		return nil
	}
	out := make([]store.BulkComment, n)
	window := min(30*24*time.Hour, now.Sub(pub))
	for j := range n {
		c := store.BulkComment{ID: firstID + int64(j), ArticleID: articleID, Status: domain.CommentApproved,
			CreatedAt: pub.Add(time.Duration(float64(window) * float64(j+1) / float64(n+1)))}
		if j > 0 && g.rng.IntN(10) < 3 {
			p := out[j-1-g.rng.IntN(min(j, 30))]
			if p.Status == domain.CommentApproved {
				c.ParentID = p.ID
			}
		}
		switch r := g.rng.IntN(100); {
		case r < 3:
			c.Status = domain.CommentPending
		case r < 4:
			c.Status = domain.CommentSpam
		}
		u := g.rng.IntN(len(g.names) * 40)
		c.Name = g.names[u%len(g.names)]
		c.Email, c.Reader = g.emails[u], g.readers[u]
		s1, s2 := g.sentences[g.rng.IntN(len(g.sentences))], g.sentences[g.rng.IntN(len(g.sentences))]
		if g.rng.IntN(2) == 0 {
			c.Body = s1
		} else {
			c.Body = s1 + " " + s2
		}
		out[j] = c
	}
	return out
}
