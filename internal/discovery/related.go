package discovery

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"warta/internal/store"
)

// Related-news scoring. An article's score against a candidate combines four
// signals, each in [0, 1]:
//
//   - text: BM25 of the candidate for the article's own stemmed terms (title
//     counted three times, excerpt twice, stop words removed), divided by
//     the article's score for itself;
//   - tags: the share of the article's tags the candidate carries, each tag
//     weighted by its rarity (IDF), #HOT left out;
//   - category: 1 when both are in the same category;
//   - time: how close the two were published, exp(-|Δt| / TimeScale), so
//     that the stories told around the same time are preferred.
//
// The weights, the minimum score and how they were chosen are in
// docs/discovery.md; the quality test (precision at 5 on the demo content,
// whose stories are labelled) guards them.
const (
	WeightText     = 0.50
	WeightTags     = 0.30
	WeightCategory = 0.10
	WeightTime     = 0.10
	TimeScale      = 7 * 24 * time.Hour
	// MinScore keeps out candidates that share only a category and a week:
	// no related news is better than unrelated news.
	MinScore = 0.22
	// MinTopical is the least that text and tags together must give: two
	// articles of one category and one week are not related by that alone.
	MinTopical = 0.15
	// MaxRelated is how many related articles are stored per article; pages
	// show the first five.
	MaxRelated = 10
)

// Tuning of the candidate search and of BM25.
const (
	keyTerms      = 12  // terms of the article used to find text candidates
	perSource     = 60  // candidates per source (tags, text, category)
	refreshCount  = 10  // best-scored candidates whose lists are refreshed too
	bm25K1        = 1.2 // term-frequency saturation
	bm25B         = 0.75
	titleRepeat   = 3
	excerptRepeat = 2
)

// doc is an article as the scorer sees it.
type doc struct {
	store.RelatedDoc
	tf  map[string]float64
	len float64
}

func newDoc(d store.RelatedDoc) doc {
	x := doc{RelatedDoc: d, tf: map[string]float64{}}
	for _, part := range []struct {
		text   string
		weight float64
	}{{d.Title, titleRepeat}, {d.Excerpt, excerptRepeat}, {d.Body, 1}} {
		for _, t := range strings.Fields(part.text) {
			x.tf[t] += part.weight
			x.len += part.weight
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

// scorer holds the corpus statistics one article is scored with.
type scorer struct {
	a      doc
	n      float64            // indexed articles
	idf    map[string]float64 // of a's terms
	query  map[string]float64 // a's term weights
	self   float64            // a's text score for itself
	avgLen float64
	tagIDF map[int64]float64
	tagSum float64
}

func idf(n, df float64) float64 {
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

func (s *scorer) bm25(d doc) float64 {
	var sum float64
	for t, q := range s.query {
		tf := d.tf[t]
		if tf == 0 {
			continue
		}
		sum += q * s.idf[t] * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*d.len/s.avgLen))
	}
	return sum
}

func (s *scorer) score(b doc) scored {
	r := scored{id: b.ID}
	if s.self > 0 {
		r.text = min(1, s.bm25(b)/s.self)
	}
	if s.tagSum > 0 {
		var shared float64
		for _, t := range b.TagIDs {
			shared += s.tagIDF[t] // zero for tags a does not carry
		}
		r.tags = shared / s.tagSum
	}
	if b.CategoryID == s.a.CategoryID {
		r.cat = 1
	}
	dt := math.Abs(float64(s.a.PublishedAt.Sub(b.PublishedAt)))
	r.timeSc = math.Exp(-dt / float64(TimeScale))
	r.score = WeightText*r.text + WeightTags*r.tags + WeightCategory*r.cat + WeightTime*r.timeSc
	return r
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
	s := &scorer{a: a, n: float64(max(n, 1)), idf: map[string]float64{}, query: map[string]float64{}, tagIDF: map[int64]float64{}}
	for _, t := range terms {
		s.idf[t] = idf(s.n, float64(max(dfs[t], 1)))
		s.query[t] = 1 + math.Log(a.tf[t])
	}
	// The key terms find text candidates: the article's most distinctive
	// words that some other article also uses.
	key := slices.Clone(terms)
	key = slices.DeleteFunc(key, func(t string) bool { return dfs[t] < 2 })
	slices.SortStableFunc(key, func(x, y string) int {
		return cmp.Compare(s.query[y]*s.idf[y], s.query[x]*s.idf[x])
	})
	key = key[:min(len(key), keyTerms)]
	ids, err := e.st.RelatedCandidates(ctx, rd, key, perSource)
	if err != nil {
		return nil, err
	}
	cands, err := e.st.RelatedDocs(ctx, ids)
	if err != nil {
		return nil, err
	}
	docs := make([]doc, len(cands))
	total := a.len
	for i, c := range cands {
		docs[i] = newDoc(c)
		total += docs[i].len
	}
	s.avgLen = max(total/float64(len(docs)+1), 1)
	s.self = s.bm25(a)
	tagDocs, err := e.st.TagDocs(ctx, a.TagIDs)
	if err != nil {
		return nil, err
	}
	for _, t := range a.TagIDs {
		w := math.Log(1 + s.n/float64(max(tagDocs[t], 1)))
		s.tagIDF[t] = w
		s.tagSum += w
	}
	var out []scored
	for _, d := range docs {
		r := s.score(d)
		if r.score >= MinScore && WeightText*r.text+WeightTags*r.tags >= MinTopical {
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

// computeOne recomputes and stores the related list of one article. It
// returns the articles whose lists may change because of it: those listing
// it now and its best candidates.
func (e *Engine) computeOne(ctx context.Context, id int64) ([]int64, error) {
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
	save := make([]store.RelatedScore, 0, MaxRelated)
	for _, r := range list[:min(len(list), MaxRelated)] {
		save = append(save, store.RelatedScore{ID: r.id, Score: math.Round(r.score*1e4) / 1e4})
	}
	if err := e.st.SaveRelated(ctx, id, save); err != nil {
		return nil, err
	}
	affected := listers
	for _, r := range list[:min(len(list), refreshCount)] {
		if !slices.Contains(affected, r.id) {
			affected = append(affected, r.id)
		}
	}
	return affected, nil
}

// Recompute brings the related news of one article up to date, and that of
// the articles whose lists it may enter or leave, before returning. The
// after-commit hook queues the same work for the background worker; tests
// and tools call this to wait for it.
func (e *Engine) Recompute(ctx context.Context, id int64) error {
	affected, err := e.computeOne(ctx, id)
	if err != nil {
		return fmt.Errorf("related news of %d: %w", id, err)
	}
	for _, other := range affected {
		if other == id {
			continue
		}
		if _, err := e.computeOne(ctx, other); err != nil {
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
		if _, err := e.computeOne(ctx, id); err != nil {
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
