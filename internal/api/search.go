package api

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"warta/internal/discovery"
	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/web"
)

// searchSnippetWords is how long a result's snippet is, in words.
const searchSnippetWords = 32

// searchHitJSON is an article in search results: the list fields plus the
// title and a snippet as HTML, text escaped, matched words in <mark>.
type searchHitJSON struct {
	articleJSON
	TitleHTML   string `json:"title_html"`
	SnippetHTML string `json:"snippet_html"`
}

// searchQueryJSON echoes how the query was understood: the index terms
// (stemmed, stop words removed) explain why an article matched or not.
type searchQueryJSON struct {
	Q     string   `json:"q"`
	Terms []string `json:"terms"`
	Sort  string   `json:"sort"`
	// Partial: no article holds every term; the results hold some.
	Partial bool `json:"partial"`
	// Corrected: the query the results are for ("Mungkin maksud Anda"),
	// when the words typed are not in the index and close ones are.
	Corrected string `json:"corrected,omitempty"`
	// TotalCapped: more match than are ranked; pagination.total counts the
	// ranked ones and TotalEstimate says about how many match.
	TotalCapped   bool   `json:"total_capped"`
	TotalEstimate int    `json:"total_estimate,omitempty"`
	Category      string `json:"category,omitempty"`
	From          string `json:"from,omitempty"`
	To            string `json:"to,omitempty"`
}

// searchEnvelope is the usual list envelope with the query beside it and,
// when there can be no results, a message that says why.
type searchEnvelope struct {
	Data       []searchHitJSON `json:"data"`
	Pagination *web.Pagination `json:"pagination"`
	Query      searchQueryJSON `json:"query"`
	Message    string          `json:"message,omitempty"`
}

// search is GET /api/v1/search?q=&page=&limit=&sort=relevance|newest. A
// missing or over-long q and unknown parameters or sort values are 400s;
// any other q is a 200, with results or a message.
func (a *API) search(w http.ResponseWriter, r *http.Request) error {
	if err := onlyParams(r, "q", "page", "limit", "sort", "category", "from", "to"); err != nil {
		return err
	}
	limit, err := intParam(r, "limit", 10, 50)
	if err != nil {
		return err
	}
	page, err := intParam(r, "page", 1, 100000)
	if err != nil {
		return err
	}
	qs := r.URL.Query()
	order := store.SearchSort(qs.Get("sort"))
	if order == "" {
		order = store.SearchByRelevance
	}
	if !order.Valid() {
		return domain.Invalid("parameter sort %q tidak dikenal: gunakan relevance atau newest", domain.Truncate(string(order), 20))
	}
	q := qs.Get("q")
	if strings.TrimSpace(q) == "" {
		return domain.Invalid("parameter q (kata kunci) wajib diisi")
	}
	if utf8.RuneCountInString(q) > store.MaxQueryRunes {
		return domain.Invalid("parameter q terlalu panjang: paling banyak %d karakter", store.MaxQueryRunes)
	}
	cat := qs.Get("category")
	if cat != "" && domain.Slugify(cat) != cat {
		return domain.Invalid("parameter category %q bukan slug kanal", domain.Truncate(cat, 40))
	}
	from, to, err := web.DateRange(qs.Get("from"), qs.Get("to"), "parameter from", "parameter to", a.cfg.Location)
	if err != nil {
		return err
	}
	query := store.ParseQuery(q)
	terms := query.Terms
	env := searchEnvelope{Data: []searchHitJSON{}, Query: searchQueryJSON{Q: strings.ToValidUTF8(q, "\uFFFD"), Terms: terms, Sort: string(order),
		Category: cat, From: qs.Get("from"), To: qs.Get("to")}}
	if env.Query.Terms == nil {
		env.Query.Terms = []string{}
	}
	total := 0
	if len(terms) == 0 {
		env.Message = "kata kunci terlalu umum: tidak ada kata yang bisa dicari"
	} else {
		res, err := a.store.Find(r.Context(), store.SearchRequest{Query: query, Order: order, Category: cat, From: from, To: to,
			Page: domain.Page{Number: page, Size: limit}, Texts: true})
		if err != nil {
			return err
		}
		total = res.Total
		env.Query.Partial, env.Query.Corrected, env.Query.TotalCapped = res.Partial, res.Corrected, res.Capped
		if res.Capped {
			env.Query.TotalEstimate = res.Matches
		}
		switch {
		case total == 0:
			env.Message = "tidak ada berita yang cocok"
		case res.Corrected != "":
			env.Message = "tidak ada berita yang cocok; hasil untuk “" + res.Corrected + "”"
		case res.Partial:
			env.Message = "tidak ada berita yang memuat semua kata; hasil memuat sebagian kata"
		}
		terms = res.Terms
		m := discovery.NewMatcher(terms)
		for i, x := range res.Articles {
			j := searchHitJSON{articleJSON: a.articleJSON(x), TitleHTML: m.HighlightHTML(x.Title),
				SnippetHTML: m.SnippetHTML(res.Texts[i], searchSnippetWords)}
			j.BodyHTML = "" // results are a list: no bodies
			env.Data = append(env.Data, j)
		}
	}
	env.Pagination = web.NewPagination(page, limit, total)
	web.JSON(w, http.StatusOK, env)
	return nil
}
