package store

// Full-text search. Both engines index the same thing: the stemmed terms of
// an article (stem.Terms of its title, excerpt and body text) joined by
// spaces, one row per published article, in article_search. SQLite keeps
// them in an FTS5 table, PostgreSQL in a tsvector built with the 'simple'
// configuration (lowercase, no further stemming). Because the stemming and
// the stop words happen in Go on both sides, a query finds the same articles
// on either engine.
//
// The index is written by an in-transaction article hook, so it is never out
// of step with the articles table: an article becomes searchable in the
// transaction that publishes it and leaves the index in the one that
// unpublishes it. Queries still check status and published_at, because a
// published article with a future time is indexed before readers may see it.

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"html"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"warta/internal/domain"
	"warta/internal/stem"
)

// Limits on what a reader may search for. Longer queries are refused with a
// message rather than silently cut, so the reader knows why.
const (
	MaxQueryRunes = 200
	MaxQueryTerms = 12
)

// SearchSort orders search results.
type SearchSort string

// The search orders.
const (
	SearchByRelevance SearchSort = "relevance" // best match first, fresher articles boosted
	SearchByNewest    SearchSort = "newest"    // newest first
)

// Valid reports whether o is a known order.
func (o SearchSort) Valid() bool { return o == SearchByRelevance || o == SearchByNewest }

// docCountTerm is the search_terms row that counts indexed articles; no
// real term is empty.
const docCountTerm = ""

// SearchTerms turns what a reader typed into the distinct terms to look
// for: words without stop words, stemmed, at most MaxQueryTerms. Only these
// terms ever reach the database, each quoted, so no user text is parsed as
// FTS5 or tsquery syntax.
func SearchTerms(q string) []string { return ParseQuery(q).Terms }

// Query is a reader's query as the index sees it.
type Query struct {
	Terms   []string   // distinct stemmed terms, phrase words included
	Words   []string   // for each term, the word as typed (lowercase)
	Phrases [][]string // "quoted phrases", as stemmed terms in order
}

// ParseQuery splits q into words and "quoted phrases". Quotes are the only
// syntax: everything else is words to look for.
func ParseQuery(q string) Query {
	q = strings.ToValidUTF8(q, " ")
	var out Query
	add := func(text string) []string {
		var terms []string
		for _, w := range stem.Tokens(text) {
			if stem.IsStopWord(w) {
				continue
			}
			t := stem.Terms(w)
			if len(t) == 0 {
				continue
			}
			terms = append(terms, t[0])
			if !slices.Contains(out.Terms, t[0]) && len(out.Terms) < MaxQueryTerms {
				out.Terms = append(out.Terms, t[0])
				out.Words = append(out.Words, w)
			}
		}
		return terms
	}
	parts := strings.Split(q, `"`)
	for i, part := range parts {
		terms := add(part)
		// Odd parts are inside quotes (an unclosed quote runs to the end).
		if i%2 == 1 && len(terms) > 1 {
			out.Phrases = append(out.Phrases, terms)
		}
	}
	return out
}

// SearchRequest is one search: the query, its order, filters and page.
type SearchRequest struct {
	Query    Query
	Order    SearchSort
	Category string    // category slug; "" for all
	From, To time.Time // published in [From, To], both included (web.DateRange); zero for no bound
	Page     domain.Page
	// WithoutRelations leaves the articles' tags and authors unloaded (a
	// result page shows neither).
	WithoutRelations bool
	// Texts fills SearchResult.Texts and leaves the articles' body source
	// and, where the text is kept (article_text), body HTML unread: a result
	// page needs only the text its snippets are cut from.
	Texts bool
	// Brief, with Texts, reads only what a result page shows of an
	// article: id, slug, title, excerpt, #HOT, publication time and
	// category (id, slug, name).
	Brief bool
}

// SearchResult is one page of search hits.
type SearchResult struct {
	Articles []domain.Article // with bodies, so callers can cut snippets
	// Texts holds, with SearchRequest.Texts, each article's SnippetText.
	Texts []string
	Total int
	// Capped: more articles match than are ranked (MaxSearchRanked); Total
	// is then that bound and the newest of them are ranked.
	Capped bool
	// Matches is how many articles match: Total when not Capped, else an
	// estimate above MaxSearchRanked rounded to three significant digits
	// (pages say "sekitar 196.000"; see estimateMatches).
	Matches int
	// Partial: no article holds every term; these hold some of them.
	Partial bool
	// Corrected is the query the results are for when the reader's words
	// were not in the index and close words were ("Mungkin maksud Anda").
	Corrected string
	// Expanded lists, per unknown word completed as a prefix, the words it
	// was taken for.
	Expanded bool
	// Terms are the index terms matched (prefix completions included), for
	// highlighting.
	Terms []string
}

// Bounds of the work one search does, whatever the archive's size.
const (
	// MaxSearchRanked is how many matching articles (the newest) are ranked;
	// a common word matching a hundred thousand articles costs no more.
	MaxSearchRanked = 500
	prefixTerms     = 8     // index words a typed prefix stands for
	suggestScan     = 20000 // index words looked at for a typo
)

// Search returns one page of published articles that contain every term.
// Terms must come from SearchTerms. No terms means no results.
func (s *Store) Search(ctx context.Context, terms []string, order SearchSort, p domain.Page) (SearchResult, error) {
	return s.Find(ctx, SearchRequest{Query: Query{Terms: terms, Words: terms}, Order: order, Page: p})
}

// Find runs a search. Every term must match (AND), as a word of the index
// or, for a typed word the index does not hold, as the beginning of one
// (prefix). When nothing matches, a word the index does not know is
// replaced by the closest one it does (Corrected); when still nothing
// matches, articles holding some of the terms are returned (Partial).
//
// The database only finds matches (the newest MaxSearchRanked by id, the
// same set on both engines); ranking happens here, the same on both: per
// term, a match in the title or the tags counts 4, in the excerpt 2, in the
// body at most 2 (1 + ln tf), times the term's IDF; a fresh article gets up
// to 1.5×, fading over weeks; ties go to the newer article.
func (s *Store) Find(ctx context.Context, req SearchRequest) (SearchResult, error) {
	var res SearchResult
	if !req.Order.Valid() {
		return res, domain.Invalid("urutan %q tidak dikenal", req.Order)
	}
	if len(req.Query.Terms) == 0 {
		return res, nil
	}
	groups, unknown, dfs, n, err := s.termGroups(ctx, req.Query, &res)
	if err != nil {
		return res, err
	}
	// A rare word's matches all fit on the first page: read them whole at
	// once (a search nobody made before is mostly such a search).
	brief := req.Texts && req.Brief && req.Page.Offset() == 0 && matchBound(groups, dfs, false) <= int64(req.Page.Size)
	ids, err := s.matchRows(ctx, req, groups, matchBound(groups, dfs, false), false, brief)
	if err != nil {
		return res, err
	}
	if len(ids) == 0 && len(unknown) > 0 {
		if fixed, ok, err := s.correct(ctx, req.Query, unknown); err != nil {
			return res, err
		} else if ok {
			q := ParseQuery(fixed)
			alt := SearchResult{}
			g2, _, dfs2, n2, err := s.termGroups(ctx, q, &alt)
			if err != nil {
				return res, err
			}
			if ids, err = s.matchRows(ctx, req, g2, matchBound(g2, dfs2, false), false, false); err != nil {
				return res, err
			}
			if len(ids) > 0 {
				res.Corrected, groups, req.Query, dfs, n = fixed, g2, q, dfs2, n2
			}
		}
	}
	if len(ids) == 0 && len(groups) > 1 {
		if ids, err = s.matchRows(ctx, req, groups, matchBound(groups, dfs, true), true, false); err != nil {
			return res, err
		}
		res.Partial = len(ids) > 0
	}
	for _, g := range groups {
		res.Terms = append(res.Terms, g...)
	}
	res.Total = min(len(ids), MaxSearchRanked)
	res.Capped = len(ids) > MaxSearchRanked
	res.Matches = res.Total
	ids = ids[:res.Total]
	if len(ids) == 0 {
		return res, nil
	}
	ranked, oldest := rankSearch(s.Now(), ids, groups, dfs, n, req.Order)
	if res.Capped {
		if res.Matches, err = s.estimateMatches(ctx, req, groups, dfs, ids[len(ids)-1].id, oldest); err != nil {
			return res, err
		}
	}
	off := req.Page.Offset()
	if off >= len(ranked) {
		return res, nil
	}
	page := ranked[off:min(len(ranked), off+req.Page.Size)]
	if ids[0].brief != nil {
		byID := make(map[int64]*briefRow, len(ids))
		for _, r := range ids {
			byID[r.id] = r.brief
		}
		for _, id := range page {
			res.Articles = append(res.Articles, byID[id].a)
			res.Texts = append(res.Texts, byID[id].text)
		}
		if !req.WithoutRelations {
			err = s.loadRelations(ctx, res.Articles)
		}
		return res, err
	}
	if res.Articles, res.Texts, err = s.articlesByIDs(ctx, page, !req.WithoutRelations, req.Texts, req.Brief); err != nil {
		return res, err
	}
	return res, nil
}

// termGroups gives each query term the index words it matches: itself when
// the index holds it, else up to prefixTerms words beginning with the word
// as typed (or its stem). unknown lists the terms matching nothing; dfs
// holds the document frequency of every word of the groups and n the
// number of indexed articles (TermDocs), for ranking.
func (s *Store) termGroups(ctx context.Context, q Query, res *SearchResult) (groups [][]string, unknown []int,
	dfs map[string]int64, n int64, err error) {
	dfs, n, err = s.TermDocs(ctx, q.Terms)
	if err != nil {
		return nil, nil, nil, 0, err
	}
	for i, t := range q.Terms {
		var alts []string
		if dfs[t] > 0 {
			alts = []string{t}
		}
		// The word as typed may also be the beginning of index words
		// ("minyaki" stems to "minyak" and begins "minyakita"); an unknown
		// stem may be one too.
		for _, p := range []string{q.Words[i], t} {
			if utf8.RuneCountInString(p) < 3 || p == t && len(alts) > 0 {
				continue
			}
			more, err := s.termsWithPrefix(ctx, p, prefixTerms, dfs)
			if err != nil {
				return nil, nil, nil, 0, err
			}
			for _, m := range more {
				if !slices.Contains(alts, m) {
					alts = append(alts, m)
					res.Expanded = true
				}
			}
			if len(more) > 0 {
				break
			}
		}
		if len(alts) > 0 {
			groups = append(groups, alts)
			continue
		}
		groups = append(groups, []string{t})
		unknown = append(unknown, i)
	}
	return groups, unknown, dfs, n, nil
}

// termsWithPrefix returns the index words beginning with p, most used
// first (then alphabetical), at most n, and notes how many articles hold
// each in dfs.
func (s *Store) termsWithPrefix(ctx context.Context, p string, n int, dfs map[string]int64) ([]string, error) {
	rows, err := s.r.QueryContext(ctx, s.q(`SELECT term, docs FROM search_terms WHERE term >= ? AND term < ? AND docs > 0
		ORDER BY docs DESC, term LIMIT ?`), p, p+"\U0010FFFF", n)
	if err != nil {
		return nil, fmt.Errorf("search prefix: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var t string
		var d int64
		if err := rows.Scan(&t, &d); err != nil {
			return nil, fmt.Errorf("search prefix: %w", err)
		}
		out, dfs[t] = append(out, t), d
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search prefix: %w", err)
	}
	return out, nil
}

// correct replaces each unknown word of q by the closest index word (edit
// distance 1 for short words, 2 for longer ones; among equals the most
// used, then alphabetical) and returns the corrected query text.
func (s *Store) correct(ctx context.Context, q Query, unknown []int) (string, bool, error) {
	words := slices.Clone(q.Words)
	changed := false
	for _, i := range unknown {
		w := q.Words[i]
		first, size := utf8.DecodeRuneInString(w)
		if size == 0 {
			continue
		}
		rows, err := s.r.QueryContext(ctx, s.q(`SELECT term, docs FROM search_terms WHERE term >= ? AND term < ? AND docs > 0 LIMIT ?`),
			string(first), string(first+1), suggestScan)
		if err != nil {
			return "", false, fmt.Errorf("search: suggest: %w", err)
		}
		best, bestD, bestDocs := "", 3, int64(0)
		limit := 2
		if utf8.RuneCountInString(w) <= 4 {
			limit = 1
		}
		for rows.Next() {
			var t string
			var docs int64
			if err := rows.Scan(&t, &docs); err != nil {
				rows.Close()
				return "", false, fmt.Errorf("search: suggest: %w", err)
			}
			d := min(editDistance(w, t, limit), editDistance(q.Terms[i], t, limit))
			if d > limit {
				continue
			}
			if d < bestD || d == bestD && (docs > bestDocs || docs == bestDocs && t < best) {
				best, bestD, bestDocs = t, d, docs
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return "", false, fmt.Errorf("search: suggest: %w", err)
		}
		if best != "" {
			words[i], changed = best, true
		}
	}
	return strings.Join(words, " "), changed, nil
}

// editDistance is the optimal-string-alignment distance of a and b (an
// adjacent swap counts one), or limit+1 once it is surely above limit.
func editDistance(a, b string, limit int) int {
	x, y := []rune(a), []rune(b)
	if d := len(x) - len(y); d > limit || -d > limit {
		return limit + 1
	}
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}

// searchRow is a matching article as ranking needs it: its index text
// (empty for newest first, which needs none).
type searchRow struct {
	id                         int64
	pub                        time.Time
	title, excerpt, body, tags string
	brief                      *briefRow // when matchRows read the page's columns too
}

// briefRow is a match as a result page shows it (scanBrief).
type briefRow struct {
	a    domain.Article
	text string
}

// fewMatchesBound is how many articles the rarest term (of every term, for
// anyTerm) may be in for a search to count as one with few matches.
const fewMatchesBound = 5000

// fewMatches reports whether the articles matching groups are few, from
// the index's document counts: every group must match, so at most as many
// as the rarest group's words hold (with anyTerm, all groups' together).
func fewMatches(bound int64) bool { return bound >= 0 && bound <= fewMatchesBound }

// matchBound is at most how many articles match groups, from the index's
// document counts (see fewMatches); -1 without groups.
func matchBound(groups [][]string, dfs map[string]int64, anyTerm bool) int64 {
	var bound int64 = -1
	for _, g := range groups {
		var n int64
		for _, t := range g {
			n += dfs[t]
		}
		switch {
		case anyTerm && bound >= 0:
			bound += n
		case bound < 0 || n < bound:
			bound = n
		}
	}
	return bound
}

// matchRows returns the published articles matching every group (or, with
// any, at least one), and the phrases, within the filters: the newest
// MaxSearchRanked+1 by id, with their index text, read in the same query
// (the match visits those rows anyway; a second query by 500 ids cost a
// statement of 500 parameters and the look-ups again).
//
// bound is at most how many articles match (matchBound). When they are few
// (fewMatches), PostgreSQL reads them from
// the GIN index and sorts them: left to itself, at a million articles it
// walked the whole table newest first, testing each row, looking for 501
// matches a rare word does not have (5 s for "laporan 500067"). For a
// common word that walk is the fast way (it stops at the 501st match).
//
// When they all fit in the limit, SQLite reads them in FTS5's own order
// (rowid ascending) and Find ranks them anyway: newest first, FTS5 steps
// backwards through a common word's doclist index to meet a rare word
// ("laporan 500067" at a million articles: ~1 ms of the page's 1.7 ms in
// modernc's SQLite; native sqlite3 0.30 against 0.11 ms).
//
// brief (with req.Brief) also reads what the result page shows of each
// match (articleColsBrief), for a search whose matches all fit on its first
// page: the page then needs no second query.
func (s *Store) matchRows(ctx context.Context, req SearchRequest, groups [][]string, bound int64, anyTerm, brief bool) ([]searchRow, error) {
	few := fewMatches(bound)
	var from, match string
	syn := matchSyntax{quote: ftsQuote, or: " OR ", and: " AND ", next: " "}
	if s.dialect == Postgres {
		syn = matchSyntax{quote: func(t string) string { return "'" + strings.ReplaceAll(t, "'", "''") + "'" },
			or: " | ", and: " & ", next: " <-> "}
	}
	expr := syn.query(groups, req.Query.Phrases, anyTerm)
	if s.dialect == Postgres {
		from = " FROM article_search f JOIN articles a ON a.id = f.article_id JOIN categories c ON c.id = a.category_id"
		match = "f.tsv @@ to_tsquery('simple', ?)"
	} else {
		// CROSS JOIN: the full-text match drives the query (see Search's
		// history in docs/discovery.md), newest rowid first, so LIMIT stops
		// the scan early for a common word.
		from = " FROM article_search CROSS JOIN articles a ON a.id = article_search.rowid JOIN categories c ON c.id = a.category_id"
		match = "article_search MATCH ?"
	}
	where := " WHERE " + match + " AND" + published
	// One upper bound on the publish time: now, or an earlier To in its
	// place (two made PostgreSQL expect a few rows of a year's range and
	// hash-join all of it).
	upper, upToNow := s.Now(), true
	if !req.To.IsZero() && dbTime(req.To).Before(upper) {
		upper, upToNow = dbTime(req.To), false
	}
	args := []any{expr, upper}
	if req.Category != "" {
		where += " AND c.slug = ?"
		args = append(args, req.Category)
	}
	if !req.From.IsZero() {
		where += " AND a.published_at >= ?"
		args = append(args, dbTime(req.From))
	}
	key, f := "article_search.rowid", "article_search."
	if s.dialect == Postgres {
		key, f = "f.article_id", "f."
	}
	if !req.From.IsZero() || !req.To.IsZero() {
		// The match walks a common word's articles newest first, testing
		// each one's publish time: for a range years back (or one with
		// fewer matches than are ranked) that was every match of the
		// archive, over a minute at 1M on either engine. The ids published
		// in the range bound the walk.
		r, err := s.publishedIDRange(ctx, req.From, upper, upToNow)
		if err != nil || r.n == 0 && !r.wide {
			return nil, err
		}
		if !r.wide {
			// No more match than the range holds (a day's 233 fit the
			// limit, so SQLite's FTS5 reads them in its own order: newest
			// first, each of them had stepped backwards through a common
			// word's doclist index, 49 ms at 1M).
			bound = min(bound, int64(r.n))
			if bound < 0 {
				bound = int64(r.n)
			}
		}
		switch {
		case r.wide: // the newest matches are in the range: walked as without dates
		case r.scattered():
			where += " AND " + key + " IN (" + r.ids + ")"
			args = append(args, r.args...)
		default:
			// On both sides of the join: PostgreSQL does not carry the
			// match's bounds over to articles, and merge-joined the range
			// with every article newest first (592,473 rows read past at 1M).
			where += " AND " + key + " >= ? AND " + key + " <= ? AND a.id >= ? AND a.id <= ?"
			args = append(args, r.lo, r.hi, r.lo, r.hi)
		}
	}
	fields := f + "title, " + f + "excerpt, " + f + "body, " + f + "tags"
	if req.Order == SearchByNewest {
		fields = "NULL, NULL, NULL, NULL" // newest first needs no score: no index text read
	}
	order := " ORDER BY " + key + " DESC"
	switch {
	case few && s.dialect == Postgres:
		order = " ORDER BY " + key + " + 0 DESC" // not the primary key's order: the GIN index finds the few rows
	case bound >= 0 && bound <= MaxSearchRanked && s.dialect == SQLite:
		order = "" // every match fits: FTS5's order (see above)
	}
	if brief {
		fields += ", " + s.cols(articleColsBrief)
		from += " LEFT JOIN article_text t ON t.article_id = a.id"
	}
	args = append(args, MaxSearchRanked+1)
	if s.dialect == Postgres {
		// Planned for this query's words every time (pgx's unnamed
		// statement), never by a cached generic plan: from the sixth run of
		// a prepared statement PostgreSQL may plan without the values, and
		// for a rare word at 1M that plan hash-joined every published
		// article with the match (0.8 ms became 186 ms). Planning costs
		// about 0.4 ms.
		args = append([]any{pgx.QueryExecModeExec}, args...)
	}
	pub := s.timeText("a.published_at") + ", "
	out, err := s.matchQuery(ctx, "SELECT a.id, "+pub+fields+from+where+order+" LIMIT ?", brief, args)
	if err == nil && order == "" && len(out) > MaxSearchRanked {
		// The index's counts were behind: more matches than they said, so
		// the newest are wanted after all.
		out, err = s.matchQuery(ctx, "SELECT a.id, "+pub+fields+from+where+" ORDER BY "+key+" DESC LIMIT ?", brief, args)
	}
	return out, err
}

// matchQuery runs matchRows' query and reads its rows.
func (s *Store) matchQuery(ctx context.Context, query string, brief bool, args []any) ([]searchRow, error) {
	rows, err := s.r.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	defer rows.Close()
	var out []searchRow
	for rows.Next() {
		var r searchRow
		var title, excerpt, body, tags sql.NullString
		if brief {
			r.brief = new(briefRow)
			var err error
			if r.brief.a, r.brief.text, err = scanBrief(rows, &r.id, scanTime{t: &r.pub}, &title, &excerpt, &body, &tags); err != nil {
				return nil, fmt.Errorf("search: %w", err)
			}
		} else if err := rows.Scan(&r.id, scanTime{t: &r.pub}, &title, &excerpt, &body, &tags); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		r.title, r.excerpt, r.body, r.tags = title.String, excerpt.String, body.String, tags.String
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return out, nil
}

// matchSyntax writes a match expression for one engine: FTS5 or tsquery.
type matchSyntax struct {
	quote         func(string) string
	or, and, next string // next joins the words of a phrase
}

// query matches every group (any of its words), or with anyTerm at least
// one, and every phrase.
func (m matchSyntax) query(groups, phrases [][]string, anyTerm bool) string {
	join := func(words []string, op string) string {
		q := make([]string, len(words))
		for i, t := range words {
			q[i] = m.quote(t)
		}
		return "(" + strings.Join(q, op) + ")"
	}
	var ps []string
	for _, g := range groups {
		ps = append(ps, join(g, m.or))
	}
	op := m.and
	if anyTerm {
		op = m.or
	}
	expr := strings.Join(ps, op)
	if !anyTerm {
		for _, ph := range phrases {
			if m.next == " " { // FTS5: a phrase is one quoted string
				expr += m.and + m.quote(strings.Join(ph, " "))
			} else {
				expr += m.and + join(ph, m.next)
			}
		}
	}
	return expr
}

type searchRank struct {
	id      int64
	matched int
	score   float64
	pub     time.Time
}

// rankSearch orders the matching articles (see Find) and returns their ids
// and the oldest publication time among them. dfs and n are the document
// frequencies of the groups' terms and the number of indexed articles
// (TermDocs).
func rankSearch(now time.Time, rows []searchRow, groups [][]string, dfs map[string]int64, n int64,
	order SearchSort) ([]int64, time.Time) {
	ranked := make([]searchRank, 0, len(rows))
	for _, row := range rows {
		r := searchRank{id: row.id, pub: row.pub}
		for _, g := range groups {
			best := 0.0
			for _, t := range g {
				w := 0.0
				if termFreq(row.title, t, 1) > 0 {
					w += 4
				}
				if termFreq(row.tags, t, 1) > 0 {
					w += 4
				}
				if termFreq(row.excerpt, t, 1) > 0 {
					w += 2
				}
				// 1 + ln tf reaches 2 at tf = e: past 3 the count changes nothing.
				if tf := termFreq(row.body, t, 3); tf > 0 {
					w += min(2, 1+math.Log(float64(tf)))
				}
				best = max(best, w*math.Log(1+float64(n)/float64(max(dfs[t], 1))))
			}
			if best > 0 {
				r.matched++
				r.score += best
			}
		}
		age := max(0, now.Sub(r.pub).Hours()/24)
		r.score *= 1 + 0.5/(1+age/7)
		r.score = math.Round(r.score*1e6) / 1e6 // the same on both engines
		ranked = append(ranked, r)
	}
	slices.SortFunc(ranked, func(x, y searchRank) int {
		if order == SearchByRelevance {
			if c := cmp.Compare(y.matched, x.matched); c != 0 {
				return c
			}
			if c := cmp.Compare(y.score, x.score); c != 0 {
				return c
			}
		}
		if c := y.pub.Compare(x.pub); c != 0 {
			return c
		}
		return cmp.Compare(y.id, x.id)
	})
	out := make([]int64, len(ranked))
	var oldest time.Time
	for i, r := range ranked {
		out[i] = r.id
		if i == 0 || r.pub.Before(oldest) {
			oldest = r.pub
		}
	}
	return out, oldest
}

// estimateMatches estimates how many articles match a search whose newest
// MaxSearchRanked matches (by id) reach back to id lowID, published at
// oldest at the earliest, without counting them all: a common word at a
// million articles matches hundreds of thousands.
//
//   - One word, no filters: as many articles as search_terms says hold it.
//   - No date filter: the sample is the newest matches by id, so the
//     matches number about MaxSearchRanked times the ids of all published
//     articles over the ids the sample spans (two primary-key look-ups).
//   - A date range: as for long lists (countOrEstimate), the archive fills
//     the range at a steady pace: MaxSearchRanked times the range (from the
//     oldest article or From, to now or To) over the span the sample covers.
//
// The result is rounded to three significant digits and kept above
// MaxSearchRanked; both engines get the same figure from the same rows.
func (s *Store) estimateMatches(ctx context.Context, req SearchRequest, groups [][]string, dfs map[string]int64,
	lowID int64, oldest time.Time) (int, error) {
	k := MaxSearchRanked
	estimate := func(v float64) int { return max(k+1, roundSignificant(v, 3)) }
	if req.From.IsZero() && req.To.IsZero() {
		if len(groups) == 1 && len(groups[0]) == 1 && len(req.Query.Phrases) == 0 && req.Category == "" {
			return estimate(float64(dfs[groups[0][0]])), nil
		}
		first, last, err := s.publishedIDSpan(ctx)
		if err != nil {
			return 0, fmt.Errorf("search: estimate: %w", err)
		}
		if last < lowID {
			return k + 1, nil
		}
		return estimate(float64(k) * float64(last-first+1) / float64(last-lowID+1)), nil
	}
	end := s.Now()
	if !req.To.IsZero() && req.To.Before(end) {
		end = req.To
	}
	var firstPub any
	if err := s.r.QueryRowContext(ctx, s.q("SELECT MIN(a.published_at) FROM articles a WHERE"+published), s.Now()).
		Scan(&firstPub); err != nil {
		return 0, fmt.Errorf("search: estimate: %w", err)
	}
	start, err := anyTime(firstPub)
	if err != nil {
		return 0, fmt.Errorf("search: estimate: %w", err)
	}
	if req.From.After(start) {
		start = req.From
	}
	recent := end.Sub(oldest)
	if recent <= 0 || !end.After(start) {
		return k + 1, nil
	}
	return estimate(float64(k) * float64(end.Sub(start)) / float64(recent)), nil
}

// publishedIDSpan is the lowest and highest id of the published articles
// (0, 0 when there are none): each the first entry of one end of an index
// in id order. On SQLite that index is named: under the 1M archive's
// statistics (sqlite_stat1) its planner took articles_pub_views for the
// time bound and sorted every published article by id for each end: 320 ms
// of a three-word search at 1M, the whole of it.
func (s *Store) publishedIDSpan(ctx context.Context) (first, last int64, err error) {
	from := "articles a"
	if s.dialect == SQLite {
		from = "articles a INDEXED BY articles_sitemap"
	}
	var lo, hi sql.NullInt64
	err = s.r.QueryRowContext(ctx, s.q(`SELECT (SELECT a.id FROM `+from+` WHERE`+published+` ORDER BY a.id LIMIT 1),
		(SELECT a.id FROM `+from+` WHERE`+published+` ORDER BY a.id DESC LIMIT 1)`), s.Now(), s.Now()).Scan(&lo, &hi)
	return lo.Int64, hi.Int64, err
}

// publishedRange is the articles published from from to to (either zero
// for no bound) as the publish-time index holds them: ids is the query of
// their ids (args its arguments), lo and hi their lowest and highest id, n
// how many (0 for none). Reading it reads the range of the index (a year of
// a 1M archive: 98,519 entries, ids 307,441 to 407,686).
type publishedRange struct {
	ids    string
	args   []any
	lo, hi int64
	n      int
	many   bool // more than the store's rangeMax stories
	wide   bool // many, up to now: not read, no bounds needed
}

// scattered reports whether the range's ids are spread over many more ids
// than it holds (stories published into the past, or dated by an import):
// the match then tests the range's own articles, which are few, instead of
// walking every match between its lowest and highest id. A day of the 1M
// archive held 233 articles between ids 3 and 1,000,066 (the demo's stories
// are dated from now): 17 s walked, 23 ms tested.
func (r publishedRange) scattered() bool { return r.hi-r.lo+1 > 4*int64(r.n) && !r.many }

// ScatteredRangeMax is the most stories of a date range a search tests one
// by one; a longer range is walked between its lowest and highest id, or,
// up to now, as without dates.
const ScatteredRangeMax = 20000

// publishedIDRange reads the range of articles published from from (zero
// for no bound) to upper (now, or an earlier To: one upper bound, as SQLite
// carries one bound a side into the index range, and with both it took
// now's, reading from the range's start to today, 600,000 entries for 2020
// at 1M; upToNow when that is now) from the publish-time index (see
// publishedRange).
func (s *Store) publishedIDRange(ctx context.Context, from, upper time.Time, upToNow bool) (publishedRange, error) {
	index := ""
	if s.dialect == SQLite {
		index = " INDEXED BY articles_status_pub_id"
	}
	r := publishedRange{ids: "SELECT x.id FROM articles x" + index + " WHERE x.status = 'published' AND x.published_at <= ?",
		args: []any{upper}}
	if !from.IsZero() {
		r.ids += " AND x.published_at >= ?"
		r.args = append(r.args, dbTime(from))
	}
	// OFFSET 0 keeps PostgreSQL from turning MIN and MAX into a walk of an
	// id-ordered index from either end to the range (16,624 pages read for
	// a year of a 1M archive, 103 ms): the range is read in the
	// publish-time index.
	fence := ""
	if s.dialect == Postgres {
		fence = " OFFSET 0"
	}
	if upToNow {
		// A range up to now that holds many stories needs no bounds: the
		// match's newest are in it. Reading all of it would cost more (the
		// whole archive since 2016: 983,157 entries, 398 ms).
		var n int
		if err := s.r.QueryRowContext(ctx, s.q("SELECT COUNT(*) FROM ("+r.ids+" LIMIT ?) y"), append(slices.Clone(r.args), s.rangeMax+1)...).
			Scan(&n); err != nil {
			return r, fmt.Errorf("search: date range: %w", err)
		}
		if n > s.rangeMax {
			r.many, r.wide = true, true
			return r, nil
		}
	}
	var l, h sql.NullInt64
	if err := s.r.QueryRowContext(ctx, s.q("SELECT MIN(y.id), MAX(y.id), COUNT(*) FROM ("+r.ids+fence+") y"), r.args...).
		Scan(&l, &h, &r.n); err != nil {
		return r, fmt.Errorf("search: date range: %w", err)
	}
	r.lo, r.hi, r.many = l.Int64, h.Int64, r.n > s.rangeMax
	return r, nil
}

// termFreq counts the occurrences of term t in an index field (terms
// joined by single spaces), up to limit. It searches for t itself rather
// than splitting the field: ranking looks at 500 bodies of hundreds of
// terms each for one to a few query terms, and building a map of every
// body's terms was most of a common word's search.
func termFreq(field, t string, limit int) int {
	if t == "" {
		return 0
	}
	n := 0
	for i := 0; n < limit; {
		j := strings.Index(field[i:], t)
		if j < 0 {
			break
		}
		start, end := i+j, i+j+len(t)
		if (start == 0 || field[start-1] == ' ') && (end == len(field) || field[end] == ' ') {
			n++
		}
		i = end
	}
	return n
}

// articleColsForTexts reads a full article without its body source, and
// its body HTML only where its text is not kept; the kept text follows.
var articleColsForTexts = strings.Replace(strings.Replace(articleFullCols, "a.body_source", "''", 1),
	"a.body_html", "CASE WHEN t.text IS NULL THEN a.body_html ELSE '' END", 1) + ", t.text"

// articleColsBrief is what a result page shows of an article, then its
// body HTML where its text is not kept, then the kept text (scanBrief).
const articleColsBrief = `a.id, a.slug, a.title, a.excerpt, a.hot, a.published_at, c.id, c.slug, c.name,
	CASE WHEN t.text IS NULL THEN a.body_html ELSE '' END, t.text`

// scanBrief reads the columns of articleColsBrief (after any others dest
// asks for): the article and its SnippetText.
func scanBrief(row rowScanner, dest ...any) (domain.Article, string, error) {
	var a domain.Article
	var text sql.NullString
	err := row.Scan(append(dest, &a.ID, &a.Slug, &a.Title, &a.Excerpt, &a.Hot, scanTime{t: &a.PublishedAt}, &a.Category.ID, &a.Category.Slug,
		&a.Category.Name, &a.BodyHTML, &text)...)
	a.Status = domain.StatusPublished
	if !text.Valid {
		return a, SnippetText(a.Excerpt, a.BodyHTML), err
	}
	return a, text.String, err
}

// articlesByIDs loads published articles with bodies (and with relations,
// their tags and authors), in the order of ids. With texts it also gives
// each article's SnippetText: kept in article_text, else worked out from
// its body (an article written before 0190 and not yet filled in); the
// articles then have no body source, nor body HTML where the text was kept.
//
// brief (with texts) reads only the columns of articleColsBrief.
func (s *Store) articlesByIDs(ctx context.Context, ids []int64, relations, texts, brief bool) ([]domain.Article, []string, error) {
	args := make([]any, 0, len(ids)+1)
	args = append(args, s.Now())
	for _, id := range ids {
		args = append(args, id)
	}
	cols, from := s.cols(articleFullCols), articleFrom
	if texts {
		cols, from = s.cols(articleColsForTexts), articleFrom+" LEFT JOIN article_text t ON t.article_id = a.id"
		if brief {
			cols = s.cols(articleColsBrief)
		}
	}
	rows, err := s.r.QueryContext(ctx, s.q("SELECT "+cols+from+" WHERE"+published+
		" AND a.id IN ("+placeholders(len(ids))+")"), args...)
	if err != nil {
		return nil, nil, fmt.Errorf("search: %w", err)
	}
	type hit struct {
		a    domain.Article
		text string
	}
	byID := make(map[int64]hit, len(ids))
	for rows.Next() {
		var h hit
		var err error
		switch {
		case texts && brief:
			h.a, h.text, err = scanBrief(rows)
		case texts:
			var text sql.NullString
			h.a, err = scanArticle(extraColumn{rows, &text}, true)
			h.text = text.String
			if !text.Valid {
				h.text = SnippetText(h.a.Excerpt, h.a.BodyHTML)
			}
		default:
			h.a, err = scanArticle(rows, true)
		}
		if err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("search: %w", err)
		}
		byID[h.a.ID] = h
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("search: %w", err)
	}
	out := make([]domain.Article, 0, len(ids))
	var outTexts []string
	for _, id := range ids {
		if h, ok := byID[id]; ok {
			out = append(out, h.a)
			if texts {
				outTexts = append(outTexts, h.text)
			}
		}
	}
	if !relations {
		return out, outTexts, nil
	}
	if err := s.loadRelations(ctx, out); err != nil {
		return nil, nil, err
	}
	return out, outTexts, nil
}

// extraColumn scans one more column after what its caller asks for.
type extraColumn struct {
	rows  rowScanner
	extra any
}

func (e extraColumn) Scan(dest ...any) error { return e.rows.Scan(append(dest, e.extra)...) }

// SnippetText is the text a search result's snippet is cut from: the
// excerpt and the body as plain text. Kept per published article in
// article_text (indexArticle), so result pages read it rather than work
// it out from the body per result per request.
func SnippetText(excerpt, bodyHTML string) string {
	return strings.TrimSpace(excerpt + " " + PlainText(bodyHTML))
}

// putArticleText keeps article id's SnippetText in article_text while it is
// published (text), and none otherwise.
func (s *Store) putArticleText(ctx context.Context, ex execer, id int64, published bool, text string) error {
	if !published {
		_, err := ex.ExecContext(ctx, s.q("DELETE FROM article_text WHERE article_id = ?"), id)
		return err
	}
	_, err := ex.ExecContext(ctx, s.q(`INSERT INTO article_text (article_id, text) VALUES (?, ?)
		ON CONFLICT (article_id) DO UPDATE SET text = excluded.text WHERE article_text.text <> excluded.text`), id, text)
	return err
}

// FillArticleText keeps the SnippetText of every published article that
// has none (an archive from before migration 0190), newest first, in
// batches of 500, each in one write transaction with its reads, so an
// article written meanwhile keeps the text its own transaction gave it. It
// returns how many it filled.
//
// Every path that writes an article writes its text (the search hook, the
// bulk load, a rebuild of the index), and a fill goes from the newest to
// the oldest, so when the oldest published article has its text nothing is
// missing: a start then costs two look-ups, not a pass over the archive.
func (s *Store) FillArticleText(ctx context.Context) (int, error) {
	var oldest int64
	err := s.r.QueryRowContext(ctx, "SELECT a.id FROM articles a WHERE a.status = 'published' ORDER BY a.id LIMIT 1").Scan(&oldest)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("fill article text: %w", err)
	}
	var one int
	switch err := s.r.QueryRowContext(ctx, s.q("SELECT 1 FROM article_text WHERE article_id = ?"), oldest).Scan(&one); {
	case err == nil:
		return 0, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, fmt.Errorf("fill article text: %w", err)
	}
	const batch = 500
	filled := 0
	before := int64(math.MaxInt64)
	for {
		n, last := 0, before
		err := s.Tx(ctx, func(tx *sql.Tx) error {
			rows, err := tx.QueryContext(ctx, s.q(`SELECT a.id, a.excerpt, a.body_html FROM articles a
				LEFT JOIN article_text t ON t.article_id = a.id
				WHERE a.id < ? AND a.status = 'published' AND t.article_id IS NULL ORDER BY a.id DESC LIMIT ?`), before, batch)
			if err != nil {
				return err
			}
			type row struct {
				id            int64
				excerpt, body string
			}
			var list []row
			for rows.Next() {
				var r row
				if err := rows.Scan(&r.id, &r.excerpt, &r.body); err != nil {
					rows.Close()
					return err
				}
				list = append(list, r)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			for _, r := range list {
				if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO article_text (article_id, text) VALUES (?, ?)
					ON CONFLICT (article_id) DO NOTHING`), r.id, SnippetText(r.excerpt, r.body)); err != nil {
					return err
				}
				n, last = n+1, r.id
			}
			return nil
		})
		if err != nil {
			return filled, fmt.Errorf("fill article text: %w", err)
		}
		filled += n
		if n < batch {
			return filled, nil
		}
		before = last
	}
}

// ftsQuote quotes one term as an FTS5 string, the only FTS5 syntax we emit.
func ftsQuote(t string) string { return `"` + strings.ReplaceAll(t, `"`, `""`) + `"` }

// searchDoc is what the index holds for one article: stemmed terms joined
// by spaces.
type searchDoc struct{ title, excerpt, body, tags string }

func newSearchDoc(title, excerpt, bodyHTML, bodySource string) searchDoc {
	body := PlainText(bodyHTML)
	if strings.TrimSpace(body) == "" {
		body = bodySource
	}
	return searchDoc{
		title:   strings.Join(stem.Terms(title), " "),
		excerpt: strings.Join(stem.Terms(excerpt), " "),
		body:    strings.Join(stem.Terms(body), " "),
	}
}

// terms is the set of distinct terms of the document.
func (d searchDoc) terms() map[string]bool {
	set := map[string]bool{}
	for _, f := range []string{d.title, d.excerpt, d.body, d.tags} {
		for _, t := range strings.Fields(f) {
			set[t] = true
		}
	}
	return set
}

// tagTerms is what the index holds of an article's tags: the stemmed terms
// of their names, in name order.
func (s *Store) tagTerms(ctx context.Context, tx *sql.Tx, id int64) (string, error) {
	rows, err := tx.QueryContext(ctx, s.q(`SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id
		WHERE x.article_id = ?`), id)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return "", err
		}
		names = append(names, name)
	}
	slices.Sort(names) // in Go: the engines' collations differ
	var terms []string
	for _, n := range names {
		terms = append(terms, stem.Terms(n)...)
	}
	return strings.Join(terms, " "), rows.Err()
}

// searchKey is the article_search column holding the article id.
func (s *Store) searchKey() string {
	if s.dialect == Postgres {
		return "article_id"
	}
	return "rowid"
}

// registerSearchHooks keeps article_search and search_terms exact on every
// article write, inside the writing transaction.
func (s *Store) registerSearchHooks() {
	s.OnArticleWrite(func(ctx context.Context, tx *sql.Tx, c ArticleChange) error {
		if err := s.indexArticle(ctx, tx, c.ArticleID); err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		return nil
	})
}

// indexArticle brings one article's index row in line with the article:
// present with its current text when published, absent otherwise.
func (s *Store) indexArticle(ctx context.Context, tx *sql.Tx, id int64) error {
	var status, title, excerpt, bodyHTML, bodySource string
	err := tx.QueryRowContext(ctx, s.q("SELECT status, title, excerpt, body_html, body_source FROM articles WHERE id = ?"), id).
		Scan(&status, &title, &excerpt, &bodyHTML, &bodySource)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	var next *searchDoc
	isPublished := err == nil && domain.Status(status) == domain.StatusPublished
	if err := s.putArticleText(ctx, tx, id, isPublished, SnippetText(excerpt, bodyHTML)); err != nil {
		return err
	}
	if isPublished {
		d := newSearchDoc(title, excerpt, bodyHTML, bodySource)
		if d.tags, err = s.tagTerms(ctx, tx, id); err != nil {
			return err
		}
		next = &d
	}
	var prev *searchDoc
	var d searchDoc
	var tags sql.NullString
	err = tx.QueryRowContext(ctx, s.q("SELECT title, excerpt, body, tags FROM article_search WHERE "+s.searchKey()+" = ?"), id).
		Scan(&d.title, &d.excerpt, &d.body, &tags)
	d.tags = tags.String
	switch {
	case err == nil:
		prev = &d
	case !errors.Is(err, sql.ErrNoRows):
		return err
	}
	if prev == nil && next == nil || prev != nil && next != nil && *prev == *next {
		return nil // e.g. a status change that does not touch what readers find
	}
	if prev != nil {
		if _, err := tx.ExecContext(ctx, s.q("DELETE FROM article_search WHERE "+s.searchKey()+" = ?"), id); err != nil {
			return err
		}
	}
	if next != nil {
		if err := s.insertSearchDoc(ctx, tx, id, *next); err != nil {
			return err
		}
	}
	return s.adjustTermDocs(ctx, tx, prev, next)
}

func (s *Store) insertSearchDoc(ctx context.Context, tx *sql.Tx, id int64, d searchDoc) error {
	var err error
	if s.dialect == Postgres {
		_, err = tx.ExecContext(ctx, `INSERT INTO article_search (article_id, title, excerpt, body, tags, tsv)
			VALUES ($1, $2, $3, $4, $5, setweight(to_tsvector('simple', $2), 'A') || setweight(to_tsvector('simple', $3), 'B')
			|| setweight(to_tsvector('simple', $4), 'D') || setweight(to_tsvector('simple', $5), 'A'))`, id, d.title, d.excerpt, d.body, d.tags)
	} else {
		_, err = tx.ExecContext(ctx, "INSERT INTO article_search (rowid, title, excerpt, body, tags) VALUES (?, ?, ?, ?, ?)",
			id, d.title, d.excerpt, d.body, d.tags)
	}
	return err
}

// adjustTermDocs applies the change of one article's terms to search_terms.
// Terms are written in sorted order so that two concurrent writers on
// PostgreSQL lock rows in the same order and cannot deadlock.
func (s *Store) adjustTermDocs(ctx context.Context, tx *sql.Tx, prev, next *searchDoc) error {
	delta := map[string]int64{}
	if prev != nil {
		delta[docCountTerm]--
		for t := range prev.terms() {
			delta[t]--
		}
	}
	if next != nil {
		delta[docCountTerm]++
		for t := range next.terms() {
			delta[t]++
		}
	}
	terms := make([]string, 0, len(delta))
	for t, d := range delta {
		if d != 0 {
			terms = append(terms, t)
		}
	}
	slices.Sort(terms)
	const batch = 400 // 800 parameters, well under SQLite's limit
	for len(terms) > 0 {
		n := min(batch, len(terms))
		args := make([]any, 0, 2*n)
		for _, t := range terms[:n] {
			args = append(args, t, delta[t])
		}
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO search_terms (term, docs) VALUES "+
			strings.TrimSuffix(strings.Repeat("(?, ?), ", n), ", ")+
			" ON CONFLICT (term) DO UPDATE SET docs = search_terms.docs + excluded.docs"), args...); err != nil {
			return err
		}
		terms = terms[n:]
	}
	return nil
}

// RebuildSearchIndex indexes every published article from scratch, for a
// database that holds articles written before the index existed.
func (s *Store) RebuildSearchIndex(ctx context.Context) error {
	err := s.Tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM article_search"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM search_terms"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM article_text"); err != nil {
			return err
		}
		ids, err := s.publishedIDs(ctx, tx)
		if err != nil {
			return err
		}
		for _, id := range ids {
			if err := s.indexArticle(ctx, tx, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("rebuild search index: %w", err)
	}
	return nil
}

// EnsureSearchIndex rebuilds the index when it does not cover exactly the
// published articles (an upgraded database, or rows written by hand). It
// reports whether it rebuilt.
func (s *Store) EnsureSearchIndex(ctx context.Context) (bool, error) {
	var indexed, want int64
	err := s.r.QueryRowContext(ctx, s.q("SELECT COALESCE(MAX(docs), 0) FROM search_terms WHERE term = ?"), docCountTerm).Scan(&indexed)
	if err != nil {
		return false, fmt.Errorf("check search index: %w", err)
	}
	if err := s.r.QueryRowContext(ctx, "SELECT COUNT(*) FROM articles WHERE status = 'published'").Scan(&want); err != nil {
		return false, fmt.Errorf("check search index: %w", err)
	}
	if indexed == want {
		return false, nil
	}
	return true, s.RebuildSearchIndex(ctx)
}

func (s *Store) publishedIDs(ctx context.Context, ex execer) ([]int64, error) {
	rows, err := ex.QueryContext(ctx, "SELECT id FROM articles WHERE status = 'published' ORDER BY id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// inlineTags are the tags PlainText removes without a space, so that
// "<strong>per</strong>tama" stays one word; every other tag separates words.
var inlineTags = map[string]bool{"a": true, "abbr": true, "b": true, "code": true, "em": true, "i": true,
	"mark": true, "s": true, "small": true, "span": true, "strong": true, "sub": true, "sup": true, "u": true}

// PlainText turns sanitised article HTML into text for indexing and
// snippets: tags removed, entities decoded, whitespace collapsed (runs of
// Unicode white space and of invalid UTF-8 become one space; none at
// either end). It runs for every result of every search page, so it
// writes the text once, without splitting it into fields.
func PlainText(h string) string {
	if !strings.Contains(h, "<") && !strings.Contains(h, "&") {
		return collapseSpace(h, false)
	}
	var b strings.Builder
	b.Grow(len(h))
	for len(h) > 0 {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			b.WriteString(h)
			break
		}
		b.WriteString(h[:i])
		h = h[i:]
		j := strings.IndexByte(h, '>')
		if j < 0 {
			break // a cut-off tag: drop it
		}
		name := strings.TrimPrefix(h[1:j], "/")
		if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
			name = name[:k]
		}
		if !inlineTags[strings.ToLower(name)] {
			b.WriteByte(' ')
		}
		h = h[j+1:]
	}
	text := b.String()
	if strings.IndexByte(text, '&') >= 0 {
		text = html.UnescapeString(text)
	}
	return collapseSpace(text, true)
}

// collapseSpace is strings.Join(strings.Fields(s), " "), with invalid UTF-8
// taken for white space too when invalidSpace (strings.ToValidUTF8(s, " ")
// first).
func collapseSpace(s string, invalidSpace bool) string {
	// The common case: ASCII words between single spaces, nothing to do.
	clean := len(s) > 0 && s[0] != ' ' && s[len(s)-1] != ' '
	for i := 0; clean && i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			clean = false
		case c == ' ' && s[i+1] == ' ':
			clean = false
		}
	}
	if clean {
		return s
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		j := spaceEnd(s, i, invalidSpace, true)
		if j == len(s) {
			break
		}
		k := spaceEnd(s, j, invalidSpace, false)
		if len(out) > 0 {
			out = append(out, ' ')
		}
		out = append(out, s[j:k]...)
		i = k
	}
	return string(out)
}

// spaceEnd is where the run of white space (space) or of anything else
// (!space) that begins at s[i] ends.
func spaceEnd(s string, i int, invalidSpace, space bool) int {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			if asciiSpace[c] != space {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1 && invalidSpace || unicode.IsSpace(r)) != space {
			return i
		}
		i += size
	}
	return i
}

var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
