package discovery

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"

	"warta/internal/store"
)

// Related-news scoring. An article's score against a candidate combines four
// signals, each in [0, 1], and is symmetric (A's score against B is B's
// against A), so a new article can be offered to its candidates' lists
// without recomputing them:
//
//   - text: cosine of the two articles' TF-IDF vectors of stemmed terms
//     (title counted twice), each term weighted (1 + ln tf) · idf^IDFPower,
//     so that a rare name both share (Minyakita, Cugenang) outweighs the
//     vocabulary a whole family of stories shares (harga, banjir, gempa);
//   - tags: cosine of the tag sets, each tag weighted by how rare it is;
//     a tag on more than 1/TagCommon of the articles (nasional, viral,
//     Trending) weighs nothing, and #HOT never counts;
//   - time: exp(-|Δt| / TimeScale): follow-ups come within days;
//   - category: 1 when both are in the same category.
//
// The weights, the minimum score and how they were chosen are in
// docs/discovery.md (evaluation set: eval_test.go, bench/related.sh).
const (
	WeightText     = 0.60
	WeightTags     = 0.15
	WeightTime     = 0.20
	WeightCategory = 0.05
	TimeScale      = 5 * 24 * time.Hour
	IDFPower       = 1.5
	TagCommon      = 20
	// MinScore keeps out candidates that share only a category and a week:
	// no related news is better than unrelated news (the page then shows
	// the category's articles nearest in time, as such).
	MinScore = 0.25
	// MinTopical is the least that text and tags together must give.
	MinTopical = 0.08
	// MaxRelated is how many related articles are stored per article; pages
	// show the first five.
	MaxRelated = 10
)

// Tuning of candidate generation: bounded work per article whatever the
// size of the archive.
const (
	keyTerms      = 16 // rarest-weighted terms of the article that find candidates
	perTerm       = 40 // newest articles fetched per key term
	perTag        = 40 // newest articles fetched per (not over-used) tag
	nearPerSide   = 6  // neighbours in time within the category, each side
	maxCandidates = 60 // scored in full
	// postingBudget bounds the postings (articles holding a key term) one
	// article's candidate search reads, all its key terms together: the
	// heaviest terms are taken first, and a term whose document frequency
	// no longer fits is passed over for a lighter one that does. The engine
	// reads a term's postings in full to find its newest (PostgreSQL visits
	// a heap row per posting), so this, not the archive's size, is what a
	// publish costs; the heaviest terms are the rare ones, which fit.
	postingBudget = 2000
	// tagCountCap caps the over-use cut of tags (TagCommon): a tag on this
	// many articles weighs nothing however big the archive, so counting a
	// tag's articles stops there.
	tagCountCap = 1000
	titleRepeat = 2
	maxOffers   = 20 // candidates whose lists a new article is offered to
)

// plainWord reports whether t is letters and digits only. Terms such as
// "100.000" or "1,5" are split differently by FTS5 and by PostgreSQL's
// parser, so they would find different candidates on the two engines.
func plainWord(t string) bool {
	for _, r := range t {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// doc is an article as the scorer sees it.
type doc struct {
	store.RelatedDoc
	tf map[string]float64
}

func newDoc(d store.RelatedDoc) doc {
	x := doc{RelatedDoc: d, tf: map[string]float64{}}
	for _, part := range []struct {
		text   string
		weight float64
	}{{d.Title, titleRepeat}, {d.Excerpt, 1}, {d.Body, 1}} {
		for _, t := range strings.Fields(part.text) {
			x.tf[t] += part.weight
		}
	}
	return x
}

// scored is a candidate with its score and the parts it was made of.
type scored struct {
	id                      int64
	score                   float64
	text, tags, cat, timeSc float64
}

// stats are the corpus statistics articles are weighed with.
type stats struct {
	n      float64
	df     map[string]int64
	tagDF  map[int64]int64
	cutTag float64 // tags in at least this many articles weigh nothing
	idf    map[string]float64
}

// termWeight is (1 + ln tf) · ln(1 + N/df)^IDFPower; the second factor is
// computed once per term (a candidate's terms are mostly A's and each
// other's).
func (st *stats) termWeight(t string, tf float64) float64 {
	w, ok := st.idf[t]
	if !ok {
		df := float64(max(st.df[t], 1))
		w = math.Pow(math.Log(1+st.n/df), IDFPower)
		if st.idf == nil {
			st.idf = map[string]float64{}
		}
		st.idf[t] = w
	}
	return (1 + math.Log(tf)) * w
}

func (st *stats) tagWeight(id int64) float64 {
	df := float64(max(st.tagDF[id], 1))
	if df >= st.cutTag {
		return 0
	}
	return math.Log(st.cutTag / df)
}

// vector is a unit-length weighted vector.
type vector[K comparable] map[K]float64

func unit[K comparable](v vector[K]) vector[K] {
	var n float64
	for _, x := range v {
		n += x * x
	}
	if n == 0 {
		return v
	}
	n = math.Sqrt(n)
	for k := range v {
		v[k] /= n
	}
	return v
}

func dot[K comparable](a, b vector[K]) float64 {
	if len(b) < len(a) {
		a, b = b, a
	}
	var s float64
	for k, x := range a {
		s += x * b[k]
	}
	return s
}

type weighed struct {
	doc
	text vector[string]
	tags vector[int64]
}

func (st *stats) weigh(d doc) weighed {
	w := weighed{doc: d, text: vector[string]{}, tags: vector[int64]{}}
	for t, tf := range d.tf {
		w.text[t] = st.termWeight(t, tf)
	}
	for _, id := range d.TagIDs {
		if x := st.tagWeight(id); x > 0 {
			w.tags[id] = x
		}
	}
	unit(w.text)
	unit(w.tags)
	return w
}

func score(a, b weighed) scored {
	r := scored{id: b.ID, text: dot(a.text, b.text), tags: dot(a.tags, b.tags)}
	if a.CategoryID == b.CategoryID {
		r.cat = 1
	}
	dt := math.Abs(float64(a.PublishedAt.Sub(b.PublishedAt)))
	r.timeSc = math.Exp(-dt / float64(TimeScale))
	r.score = WeightText*r.text + WeightTags*r.tags + WeightCategory*r.cat + WeightTime*r.timeSc
	return r
}

func qualifies(r scored) bool {
	return r.score >= MinScore && WeightText*r.text+WeightTags*r.tags >= MinTopical
}

// related scores the candidates of one article and returns those that
// qualify, best first.
func (e *Engine) related(ctx context.Context, rd store.RelatedDoc) ([]scored, error) {
	a := newDoc(rd)
	terms := make([]string, 0, len(a.tf))
	for t := range a.tf {
		terms = append(terms, t)
	}
	slices.Sort(terms)
	dfs, n, err := e.st.TermDocs(ctx, terms)
	if err != nil {
		return nil, err
	}
	cutTag := min(max(3, float64(n)/TagCommon), tagCountCap)
	tagCount := int64(math.Ceil(cutTag)) // counts stop here: a tag on this many weighs nothing
	tagDF, err := e.st.TagDocs(ctx, rd.TagIDs, tagCount)
	if err != nil {
		return nil, err
	}
	st := &stats{n: float64(max(n, 1)), df: dfs, tagDF: tagDF, cutTag: cutTag}

	// Candidates: articles holding A's most telling terms, carrying its
	// telling tags, and its neighbours in time. Each hit adds the weight of
	// what it shares; the best maxCandidates are scored in full.
	heavy := slices.DeleteFunc(slices.Clone(terms), func(t string) bool {
		return dfs[t] < 2 || dfs[t] > postingBudget || !plainWord(t)
	})
	weight := func(t string) float64 { return st.termWeight(t, a.tf[t]) }
	slices.SortStableFunc(heavy, func(x, y string) int { return cmp.Compare(weight(y), weight(x)) })
	var key []string
	left := int64(postingBudget)
	for _, t := range heavy {
		if len(key) == keyTerms {
			break
		}
		if dfs[t] <= left {
			key = append(key, t)
			left -= dfs[t]
		}
	}
	pre := map[int64]float64{}
	byTerm, err := e.st.TermArticles(ctx, key, perTerm)
	if err != nil {
		return nil, err
	}
	for _, t := range key {
		for _, id := range byTerm[t] {
			pre[id] += weight(t)
		}
	}
	var tags []int64
	for _, t := range rd.TagIDs {
		if st.tagWeight(t) > 0 {
			tags = append(tags, t)
		}
	}
	byTag, err := e.st.TagArticles(ctx, tags, perTag)
	if err != nil {
		return nil, err
	}
	for _, t := range tags {
		for _, id := range byTag[t] {
			pre[id] += st.tagWeight(t)
		}
	}
	delete(pre, rd.ID)
	ids := make([]int64, 0, len(pre))
	for id := range pre {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(x, y int64) int {
		if c := cmp.Compare(pre[y], pre[x]); c != 0 {
			return c
		}
		return cmp.Compare(y, x)
	})
	ids = ids[:min(len(ids), maxCandidates)]
	near, err := e.st.NearInCategory(ctx, rd, nearPerSide)
	if err != nil {
		return nil, err
	}
	for _, id := range near {
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	cands, err := e.st.RelatedDocs(ctx, ids)
	if err != nil {
		return nil, err
	}
	docs := make([]doc, len(cands))
	var more []string
	for i, c := range cands {
		docs[i] = newDoc(c)
		for t := range docs[i].tf {
			if _, ok := dfs[t]; !ok {
				dfs[t] = 0
				more = append(more, t)
			}
		}
	}
	slices.Sort(more)
	if len(more) > 0 {
		extra, _, err := e.st.TermDocs(ctx, more)
		if err != nil {
			return nil, err
		}
		maps.Copy(dfs, extra)
	}
	var candTags []int64
	for _, d := range docs {
		for _, t := range d.TagIDs {
			if _, ok := tagDF[t]; !ok {
				tagDF[t] = 0
				candTags = append(candTags, t)
			}
		}
	}
	if len(candTags) > 0 {
		extra, err := e.st.TagDocs(ctx, candTags, tagCount)
		if err != nil {
			return nil, err
		}
		maps.Copy(tagDF, extra)
	}
	wa := st.weigh(a)
	var out []scored
	for _, d := range docs {
		if r := score(wa, st.weigh(d)); qualifies(r) {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(x, y scored) int {
		if c := cmp.Compare(y.score, x.score); c != 0 {
			return c
		}
		return cmp.Compare(y.id, x.id) // newer id first on a tie, for a stable order
	})
	return out, nil
}

// computeOne recomputes and stores the related list of one article and,
// with offer, offers the article to the lists of the candidates it
// qualifies for (the score is symmetric), so that the first article of a
// story lists its follow-ups at once. It returns the articles whose lists still name it without it
// qualifying for them any more (after an edit or an unpublication): those
// need a full recomputation.
func (e *Engine) computeOne(ctx context.Context, id int64, offer bool) ([]int64, error) {
	listers, err := e.st.RelatedListers(ctx, id)
	if err != nil {
		return nil, err
	}
	docs, err := e.st.RelatedDocs(ctx, []int64{id})
	if err != nil {
		return nil, err
	}
	if len(docs) == 0 {
		// Not published (any more): it lists nothing, and readers never
		// see it in other lists, which are refreshed to fill the gap.
		return listers, e.st.SaveRelated(ctx, id, nil)
	}
	list, err := e.related(ctx, docs[0])
	if err != nil {
		return nil, err
	}
	offers := make([]store.RelatedScore, 0, len(list))
	for _, r := range list {
		offers = append(offers, store.RelatedScore{ID: r.id, Score: math.Round(r.score*1e4) / 1e4})
	}
	// Offers and the article's own list in one transaction: the article is
	// marked computed only together with its offers, so a process stopped
	// before the commit leaves it stale and a restart does it all again.
	var give []store.RelatedScore
	if offer {
		give = offers[:min(len(offers), maxOffers)] // bounded writes per publish
	}
	if err := e.st.SaveRelatedWithOffers(ctx, id, offers[:min(len(offers), MaxRelated)], give, MaxRelated); err != nil {
		return nil, err
	}
	listers = slices.DeleteFunc(listers, func(l int64) bool {
		return slices.ContainsFunc(offers, func(o store.RelatedScore) bool { return o.ID == l })
	})
	return listers, nil
}

// Recompute brings the related news of one article up to date, and that of
// the articles whose lists it may enter or leave, before returning. The
// after-commit hook queues the same work for the background worker; tests
// and tools call this to wait for it.
func (e *Engine) Recompute(ctx context.Context, id int64) error {
	stale, err := e.computeOne(ctx, id, true)
	if err != nil {
		return fmt.Errorf("related news of %d: %w", id, err)
	}
	for _, other := range stale {
		if _, err := e.computeOne(ctx, other, true); err != nil {
			return fmt.Errorf("related news of %d: %w", other, err)
		}
	}
	return nil
}

// RebuildRelated recomputes the related news of every published article.
func (e *Engine) RebuildRelated(ctx context.Context) error {
	ids, err := e.st.PublishedArticleIDs(ctx)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := e.computeOne(ctx, id, false); err != nil {
			return fmt.Errorf("related news of %d: %w", id, err)
		}
	}
	return nil
}

// RebuildRelated recomputes the related news of every published article of
// st, for callers without an Engine (the demo seeder).
func RebuildRelated(ctx context.Context, st *store.Store) error {
	return (&Engine{st: st}).RebuildRelated(ctx)
}
