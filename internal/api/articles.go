package api

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/web"
)

type categoryJSON struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type tagJSON struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type authorJSON struct {
	ID   int64  `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type photoJSON struct {
	URL     string `json:"url"`
	Caption string `json:"caption"`
	Credit  string `json:"credit"`
	Width   int    `json:"width"`
	Height  int    `json:"height"`
}

type relatedJSON struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url"`
}

type articleJSON struct {
	ID           int64         `json:"id"`
	Slug         string        `json:"slug"`
	Title        string        `json:"title"`
	Excerpt      string        `json:"excerpt"`
	URL          string        `json:"url"`
	PublishedAt  string        `json:"published_at"`
	UpdatedAt    string        `json:"updated_at"`
	Category     categoryJSON  `json:"category"`
	Tags         []tagJSON     `json:"tags"`
	Authors      []authorJSON  `json:"authors"`
	Photo        *photoJSON    `json:"photo"`
	Breaking     bool          `json:"breaking"`
	Featured     bool          `json:"featured"`
	Hot          bool          `json:"hot"`
	Views        int64         `json:"views"`
	Likes        int64         `json:"likes"`
	Dislikes     int64         `json:"dislikes"`
	CommentCount int64         `json:"comment_count"`
	BodyHTML     string        `json:"body_html,omitempty"`
	Related      []relatedJSON `json:"related,omitempty"`
}

func (a *API) articleJSON(x domain.Article) articleJSON {
	base := a.cfg.BaseURL
	j := articleJSON{ID: x.ID, Slug: x.Slug, Title: x.Title, Excerpt: x.Excerpt, URL: domain.ArticleURL(base, x.Slug),
		PublishedAt: web.RFC3339(x.PublishedAt, a.cfg.Location), UpdatedAt: web.RFC3339(x.UpdatedAt, a.cfg.Location),
		Category: categoryJSON{ID: x.Category.ID, Slug: x.Category.Slug, Name: x.Category.Name, URL: base + "/kanal/" + x.Category.Slug},
		Tags:     []tagJSON{}, Authors: []authorJSON{},
		Breaking: x.Breaking, Featured: x.Featured, Hot: x.Hot,
		Views: x.Views + a.pendingViews(x.ID), Likes: x.Likes, Dislikes: x.Dislikes, CommentCount: x.CommentCount, BodyHTML: x.BodyHTML}
	for _, t := range x.Tags {
		j.Tags = append(j.Tags, tagJSON{ID: t.ID, Slug: t.Slug, Name: t.Name, URL: base + "/tag/" + t.Slug})
	}
	for _, au := range x.Authors {
		j.Authors = append(j.Authors, authorJSON{ID: au.ID, Slug: au.Slug, Name: au.Name, URL: base + "/penulis/" + au.Slug})
	}
	if x.Photo.URL != "" {
		p := photoJSON{URL: x.Photo.URL, Caption: x.Photo.Caption, Credit: x.Photo.Credit, Width: x.Photo.Width, Height: x.Photo.Height}
		if len(p.URL) > 0 && p.URL[0] == '/' {
			p.URL = base + p.URL
		}
		j.Photo = &p
	}
	return j
}

// articleListParams are the query parameters GET /api/v1/articles accepts;
// any other is a 400, so a misspelt filter never silently returns
// everything.
var articleListParams = []string{"limit", "page", "cursor", "category", "tag", "author", "from", "to", "sort", "fields"}

// pendingViews are views counted but not yet written, so the API shows the
// same number as the page at once.
func (a *API) pendingViews(id int64) int64 {
	if a.engage == nil {
		return 0
	}
	return a.engage.Views.Pending(id)
}

func (a *API) listArticles(w http.ResponseWriter, r *http.Request) error {
	if err := onlyParams(r, articleListParams...); err != nil {
		return err
	}
	limit, err := intParam(r, "limit", 20, 100)
	if err != nil {
		return err
	}
	page, err := intParam(r, "page", 1, 100000)
	if err != nil {
		return err
	}
	q := store.ArticleQuery{Page: domain.Page{Number: page, Size: limit}}
	if q.Filter.CategorySlug, err = slugParam(r, "category"); err != nil {
		return err
	}
	if q.Filter.TagSlug, err = slugParam(r, "tag"); err != nil {
		return err
	}
	if q.Filter.AuthorSlug, err = slugParam(r, "author"); err != nil {
		return err
	}
	qs := r.URL.Query()
	if q.From, q.To, err = web.DateRange(qs.Get("from"), qs.Get("to"), "parameter from", "parameter to", a.cfg.Location); err != nil {
		return err
	}
	switch q.Sort = r.URL.Query().Get("sort"); q.Sort {
	case "", store.SortNewest, store.SortOldest, store.SortPopular:
	default:
		return domain.Invalid("parameter sort %q tidak dikenal: gunakan newest, oldest atau popular", domain.Truncate(q.Sort, 20))
	}
	fields, err := fieldsParam(r, false)
	if err != nil {
		return err
	}
	if c := r.URL.Query().Get("cursor"); c != "" {
		if q.After, err = parseCursor(c); err != nil {
			return err
		}
		if page != 1 || q.Sort == store.SortPopular {
			return domain.Invalid("parameter cursor tidak bisa digabung dengan page atau sort=popular")
		}
	}
	list, total, err := a.store.QueryArticles(r.Context(), q)
	if err != nil {
		return err
	}
	out := make([]any, 0, len(list))
	for _, x := range list {
		v, err := selectFields(a.articleJSON(x), fields)
		if err != nil {
			return err
		}
		out = append(out, v)
	}
	pg := web.NewPagination(page, limit, total)
	pg.TotalEstimated = store.EstimatedTotal(total)
	if len(list) == limit && q.Sort != store.SortPopular {
		pg.NextCursor = formatCursor(store.CursorAfter(list[len(list)-1]))
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: out, Pagination: pg})
	return nil
}

func (a *API) getArticle(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id", "artikel")
	if err != nil {
		return err
	}
	if err := onlyParams(r, "fields"); err != nil {
		return err
	}
	fields, err := fieldsParam(r, true)
	if err != nil {
		return err
	}
	x, err := a.store.ArticleByID(r.Context(), id)
	if err != nil {
		return err
	}
	related, err := a.store.RelatedArticles(r.Context(), x, 5)
	if err != nil {
		return err
	}
	j := a.articleJSON(x)
	j.Related = []relatedJSON{}
	for _, rel := range related {
		j.Related = append(j.Related, relatedJSON{ID: rel.ID, Title: rel.Title, URL: domain.ArticleURL(a.cfg.BaseURL, rel.Slug)})
	}
	v, err := selectFields(j, fields)
	if err != nil {
		return err
	}
	web.JSON(w, http.StatusOK, web.Envelope{Data: v})
	return nil
}

// articleFields are the top-level keys of an article in JSON, in order;
// body_html and related only come with a single article.
var articleFields = jsonFields(reflect.TypeFor[articleJSON]())

var detailOnlyFields = map[string]bool{"body_html": true, "related": true}

// fieldsParam reads ?fields=id,title,url. nil means every field.
func fieldsParam(r *http.Request, detail bool) ([]string, error) {
	v := r.URL.Query().Get("fields")
	if v == "" {
		return nil, nil
	}
	var out []string
	seen := map[string]bool{}
	for _, f := range strings.Split(v, ",") {
		f = strings.TrimSpace(f)
		if f == "" || seen[f] {
			continue
		}
		if !slices.Contains(articleFields, f) || (!detail && detailOnlyFields[f]) {
			return nil, domain.Invalid("kolom %q tidak dikenal di parameter fields", domain.Truncate(f, 40))
		}
		seen[f] = true
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, domain.Invalid("parameter fields kosong: sebutkan kolom dipisah koma, misalnya fields=id,title,url")
	}
	return out, nil
}

// selectFields returns v itself, or an object holding only the given
// top-level fields in the order asked.
func selectFields(v any, fields []string) (any, error) {
	if fields == nil {
		return v, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, err
	}
	o := orderedObject{keys: fields, values: make([]json.RawMessage, len(fields))}
	for i, f := range fields {
		if raw, ok := all[f]; ok {
			o.values[i] = raw
		} else {
			o.values[i] = json.RawMessage("null")
		}
	}
	return o, nil
}

// orderedObject marshals as a JSON object with its keys in order.
type orderedObject struct {
	keys   []string
	values []json.RawMessage
}

// MarshalJSON writes the keys in order.
func (o orderedObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		b.Write(o.values[i])
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// jsonFields lists the JSON keys of a struct type.
func jsonFields(t reflect.Type) []string {
	var out []string
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" && name != "-" {
			out = append(out, name)
		}
	}
	return out
}

func (a *API) notFound(w http.ResponseWriter, r *http.Request) error {
	return domain.NotFound("endpoint %s %s tidak ada", r.Method, r.URL.Path)
}

// A cursor (?cursor=, pagination.next_cursor) is the publish time in Unix
// microseconds and the id of the last article of a page, base64url: the
// next page starts after it, as fast on page 50,000 as on page 1.
func formatCursor(c *store.Cursor) string {
	return base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(c.PublishedAt.UnixMicro(), 10) + "_" + strconv.FormatInt(c.ID, 10)))
}

func parseCursor(v string) (*store.Cursor, error) {
	bad := domain.Invalid("parameter cursor tidak valid: pakai pagination.next_cursor dari halaman sebelumnya")
	raw, err := base64.RawURLEncoding.DecodeString(v)
	if err != nil || len(v) > 64 {
		return nil, bad
	}
	us, id, ok := strings.Cut(string(raw), "_")
	micro, err1 := strconv.ParseInt(us, 10, 64)
	n, err2 := strconv.ParseInt(id, 10, 64)
	if !ok || err1 != nil || err2 != nil || n < 1 {
		return nil, bad
	}
	return &store.Cursor{PublishedAt: time.UnixMicro(micro).UTC(), ID: n}, nil
}
