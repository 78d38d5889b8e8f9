package feeds

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"strconv"
	"strings"

	"warta/internal/domain"
)

const xmlType = "application/xml; charset=utf-8"

// Sitemap protocol (https://www.sitemaps.org/protocol.html).
type sitemapIndex struct {
	XMLName  xml.Name       `xml:"sitemapindex"`
	XMLNS    string         `xml:"xmlns,attr"`
	Sitemaps []sitemapEntry `xml:"sitemap"`
}

type sitemapEntry struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

type urlSet struct {
	XMLName xml.Name `xml:"urlset"`
	XMLNS   string   `xml:"xmlns,attr"`
	XNews   string   `xml:"xmlns:news,attr,omitempty"`
	URLs    []urlEntry
}

type urlEntry struct {
	XMLName xml.Name  `xml:"url"`
	Loc     string    `xml:"loc"`
	LastMod string    `xml:"lastmod,omitempty"`
	News    *newsNews `xml:"news:news"`
}

// Google News sitemap extension
// (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
type newsNews struct {
	Publication newsPublication `xml:"news:publication"`
	Date        string          `xml:"news:publication_date"`
	Title       string          `xml:"news:title"`
}

type newsPublication struct {
	Name     string `xml:"news:name"`
	Language string `xml:"news:language"`
}

// sitemapIndex lists every sitemap file: pages, tags, articles by id range
// and the news sitemap(s).
func (f *Feeds) sitemapIndex(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	idx := sitemapIndex{XMLNS: nsSM}
	idx.Sitemaps = append(idx.Sitemaps, sitemapEntry{Loc: f.abs("/sitemaps/pages.xml")})
	tagFiles, err := f.store.TagSitemapFiles(ctx, f.cfg.SitemapSize)
	if err != nil {
		return err
	}
	for _, n := range tagFiles {
		idx.Sitemaps = append(idx.Sitemaps, sitemapEntry{Loc: f.abs("/sitemaps/tags-" + strconv.Itoa(n) + ".xml")})
	}
	buckets, err := f.store.ArticleSitemapBuckets(ctx, f.cfg.SitemapSize)
	if err != nil {
		return err
	}
	for _, b := range buckets {
		idx.Sitemaps = append(idx.Sitemaps, sitemapEntry{Loc: f.abs("/sitemaps/articles-" + strconv.Itoa(b.Number) + ".xml"),
			LastMod: f.w3c(b.LastMod)})
	}
	news, err := f.store.CountPublishedSince(ctx, f.store.Now().Add(-NewsWindow))
	if err != nil {
		return err
	}
	for n := 1; n <= max(1, pages(news, f.cfg.NewsSize)); n++ {
		idx.Sitemaps = append(idx.Sitemaps, sitemapEntry{Loc: f.abs(newsPath(n))})
	}
	return f.writeIndex(w, idx)
}

func pages(total, size int) int { return (total + size - 1) / size }

// newsPath is where news sitemap file n lives: the first at the well-known
// /news-sitemap.xml, the rest beside the other sitemaps.
func newsPath(n int) string {
	if n == 1 {
		return "/news-sitemap.xml"
	}
	return "/sitemaps/news-" + strconv.Itoa(n) + ".xml"
}

// sitemapFile serves /sitemaps/{file}: pages.xml, tags-N.xml, articles-N.xml
// and news-N.xml.
func (f *Feeds) sitemapFile(w http.ResponseWriter, r *http.Request) error {
	file := r.PathValue("file")
	if file == "pages.xml" {
		return f.pagesSitemap(w, r)
	}
	kind, num, ok := strings.Cut(strings.TrimSuffix(file, ".xml"), "-")
	n, err := strconv.Atoi(num)
	if !ok || !strings.HasSuffix(file, ".xml") || err != nil || n < 1 || strconv.Itoa(n) != num {
		return domain.NotFound("sitemap %s tidak ada", domain.Truncate(file, 40))
	}
	switch kind {
	case "articles":
		return f.articleSitemap(w, r, n)
	case "tags":
		return f.tagSitemap(w, r, n)
	case "news":
		return f.newsSitemap(w, r, n)
	}
	return domain.NotFound("sitemap %s tidak ada", domain.Truncate(file, 40))
}

func (f *Feeds) pagesSitemap(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	set := urlSet{XMLNS: nsSM, URLs: []urlEntry{{Loc: f.abs("/")}}}
	cats, err := f.store.Categories(ctx)
	if err != nil {
		return err
	}
	for _, c := range cats {
		set.URLs = append(set.URLs, urlEntry{Loc: f.abs("/kanal/" + c.Slug)})
	}
	room := f.cfg.SitemapSize - len(set.URLs)
	if room > 0 {
		authors, err := f.store.ListedAuthors(ctx, room)
		if err != nil {
			return err
		}
		for _, a := range authors {
			set.URLs = append(set.URLs, urlEntry{Loc: f.abs("/penulis/" + a.Slug), LastMod: f.w3c(a.LastMod)})
		}
	}
	if len(set.URLs) > f.cfg.SitemapSize {
		set.URLs = set.URLs[:f.cfg.SitemapSize]
	}
	return f.writeURLSet(w, set)
}

func (f *Feeds) tagSitemap(w http.ResponseWriter, r *http.Request, n int) error {
	tags, err := f.store.TagSitemap(r.Context(), n, f.cfg.SitemapSize)
	if err != nil {
		return err
	}
	if len(tags) == 0 {
		return domain.NotFound("sitemap topik %d tidak ada", n)
	}
	set := urlSet{XMLNS: nsSM}
	for _, t := range tags {
		if t.Slug == domain.HotTagSlug {
			continue // a badge, not a topic: /tag/hot redirects to /terpopuler
		}
		set.URLs = append(set.URLs, urlEntry{Loc: f.abs("/tag/" + t.Slug), LastMod: f.w3c(t.LastMod)})
	}
	return f.writeURLSet(w, set)
}

func (f *Feeds) articleSitemap(w http.ResponseWriter, r *http.Request, n int) error {
	list, err := f.store.ArticleSitemap(r.Context(), n, f.cfg.SitemapSize)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return domain.NotFound("sitemap artikel %d tidak ada", n)
	}
	set := urlSet{XMLNS: nsSM}
	for _, a := range list {
		set.URLs = append(set.URLs, urlEntry{Loc: f.articleURL(a.Slug), LastMod: f.w3c(maxTime(a.UpdatedAt, a.PublishedAt))})
	}
	return f.writeURLSet(w, set)
}

func (f *Feeds) newsSitemap(w http.ResponseWriter, r *http.Request, n int) error {
	list, err := f.store.NewsSitemap(r.Context(), f.store.Now().Add(-NewsWindow), n, f.cfg.NewsSize)
	if err != nil {
		return err
	}
	// The first file always exists, empty on a quiet day; the others only
	// while there is news for them.
	if n > 1 && len(list) == 0 {
		return domain.NotFound("sitemap berita %d tidak ada", n)
	}
	pub := newsPublication{Name: f.brand(r.Context()).SiteName, Language: f.cfg.Language}
	set := urlSet{XMLNS: nsSM, XNews: nsNews, URLs: make([]urlEntry, 0, len(list))}
	for _, a := range list {
		set.URLs = append(set.URLs, urlEntry{Loc: f.articleURL(a.Slug), LastMod: f.w3c(maxTime(a.UpdatedAt, a.PublishedAt)),
			News: &newsNews{Publication: pub, Date: f.w3c(a.PublishedAt), Title: a.Title}})
	}
	return f.writeURLSet(w, set)
}

func (f *Feeds) news(w http.ResponseWriter, r *http.Request) error { return f.newsSitemap(w, r, 1) }

// robots tells crawlers where the sitemaps are and keeps them out of the
// newsroom and the API.
func (f *Feeds) robots(w http.ResponseWriter, r *http.Request) error {
	var b strings.Builder
	b.WriteString("# " + f.brand(r.Context()).SiteName + "\nUser-agent: *\nAllow: /\nDisallow: /redaksi/\nDisallow: /api/\n\n")
	b.WriteString("Sitemap: " + f.abs("/sitemap.xml") + "\n")
	b.WriteString("Sitemap: " + f.abs("/news-sitemap.xml") + "\n")
	f.write(w, "text/plain; charset=utf-8", []byte(b.String()))
	return nil
}

// writeIndex writes a sitemap index as writeXML would, byte for byte, but
// by hand: at a million articles it lists a thousand files.
func (f *Feeds) writeIndex(w http.ResponseWriter, idx sitemapIndex) error {
	var buf bytes.Buffer
	buf.Grow(64 + len(idx.Sitemaps)*128)
	buf.WriteString(xml.Header)
	buf.WriteString(`<sitemapindex xmlns="`)
	xml.EscapeText(&buf, []byte(idx.XMLNS))
	buf.WriteString(`">`)
	for _, e := range idx.Sitemaps {
		writeLocEntry(&buf, "sitemap", e.Loc, e.LastMod)
	}
	if len(idx.Sitemaps) == 0 {
		buf.WriteString("</sitemapindex>\n")
	} else {
		buf.WriteString("\n</sitemapindex>\n")
	}
	f.write(w, xmlType, buf.Bytes())
	return nil
}

// writeURLSet writes a urlset as writeXML would, byte for byte, but by
// hand: encoding/xml's reflection took most of the time of a 50,000-URL
// sitemap file, and about 10 µs per entry of the news sitemap.
func (f *Feeds) writeURLSet(w http.ResponseWriter, set urlSet) error {
	var buf bytes.Buffer
	buf.Grow(64 + len(set.URLs)*128)
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="`)
	xml.EscapeText(&buf, []byte(set.XMLNS))
	buf.WriteString(`"`)
	if set.XNews != "" {
		buf.WriteString(` xmlns:news="`)
		xml.EscapeText(&buf, []byte(set.XNews))
		buf.WriteString(`"`)
	}
	if len(set.URLs) == 0 {
		buf.WriteString("></urlset>\n")
		f.write(w, xmlType, buf.Bytes())
		return nil
	}
	buf.WriteString(">")
	// The publication's part of every news entry, escaped once: the same
	// site name and language in each.
	var pub bytes.Buffer
	var pubOf newsPublication
	for _, u := range set.URLs {
		if u.News == nil {
			writeLocEntry(&buf, "url", u.Loc, u.LastMod)
			continue
		}
		buf.WriteString("\n  <url>\n    <loc>")
		escapeText(&buf, u.Loc)
		buf.WriteString("</loc>")
		if u.LastMod != "" {
			buf.WriteString("\n    <lastmod>")
			escapeText(&buf, u.LastMod)
			buf.WriteString("</lastmod>")
		}
		n := u.News
		if pub.Len() == 0 || n.Publication != pubOf {
			pub.Reset()
			pubOf = n.Publication
			writeTextElem(&pub, "\n    <news:news>\n      <news:publication>\n        <news:name>", n.Publication.Name, "</news:name>")
			writeTextElem(&pub, "\n        <news:language>", n.Publication.Language, "</news:language>\n      </news:publication>")
		}
		buf.Write(pub.Bytes())
		writeTextElem(&buf, "\n      <news:publication_date>", n.Date, "</news:publication_date>")
		writeTextElem(&buf, "\n      <news:title>", n.Title, "</news:title>\n    </news:news>\n  </url>")
	}
	buf.WriteString("\n</urlset>\n")
	f.write(w, xmlType, buf.Bytes())
	return nil
}

// writeTextElem writes open, text escaped as character data, and closing.
func writeTextElem(buf *bytes.Buffer, open, text, closing string) {
	buf.WriteString(open)
	escapeText(buf, text)
	buf.WriteString(closing)
}

// escapeText writes s as xml.EscapeText does. Most of a sitemap's text (its
// URLs, times, ASCII titles) has nothing to escape: that is written as it
// is, the rest goes to xml.EscapeText.
func escapeText(buf *bytes.Buffer, s string) {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7e || c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' {
			xml.EscapeText(buf, []byte(s))
			return
		}
	}
	buf.WriteString(s)
}

// writeLocEntry writes one <sitemap> or <url> element of an index or a
// urlset, indented as encoding/xml's MarshalIndent("", "  ") writes it.
func writeLocEntry(buf *bytes.Buffer, elem, loc, lastMod string) {
	buf.WriteString("\n  <" + elem + ">\n    <loc>")
	escapeText(buf, loc)
	buf.WriteString("</loc>")
	if lastMod != "" {
		buf.WriteString("\n    <lastmod>")
		escapeText(buf, lastMod)
		buf.WriteString("</lastmod>")
	}
	buf.WriteString("\n  </" + elem + ">")
}
