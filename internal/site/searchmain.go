package site

import (
	"bytes"
	"strconv"
	"strings"

	"warta/internal/domain"
	"warta/internal/web"
)

// writeSearchMain writes the search page's main block as templates/search.html
// renders it (the template stays the reference: TestSearchChromeRendersAsTheWholePage
// renders both and compares them byte for byte). A search nobody made before
// renders only this block, and the template's reflection over every field of
// every result was a fifth of such a search's cost.
func (s *Site) writeSearchMain(b *bytes.Buffer, p *searchPage) {
	b.WriteString(`
<header class="list-head">
  <h1>Cari berita</h1>
  <form class="search-page-form" method="get" action="/cari" role="search" aria-label="Pencarian lanjutan">
    <p><label for="cari-q">Kata kunci</label>
      <input id="cari-q" type="search" name="q" value="`)
	htmlEscape(b, p.Query)
	b.WriteString(`" maxlength="200" autocomplete="off"></p>
    <p><label for="cari-urut">Urutkan</label>
      <select id="cari-urut" name="sort">
        <option value="relevance"`)
	if p.Sort == "relevance" {
		b.WriteString(` selected`)
	}
	b.WriteString(`>Paling relevan</option>
        <option value="newest"`)
	if p.Sort == "newest" {
		b.WriteString(` selected`)
	}
	b.WriteString(`>Terbaru</option>
      </select>
      <button type="submit">Cari</button></p>
    <p><label for="cari-kanal">Kanal</label>
      <select id="cari-kanal" name="kanal">
        <option value="">Semua kanal</option>
        `)
	for _, c := range p.Nav {
		b.WriteString(`<option value="`)
		htmlEscape(b, c.Slug)
		b.WriteByte('"')
		if c.Slug == p.Category {
			b.WriteString(` selected`)
		}
		b.WriteByte('>')
		htmlEscape(b, c.Name)
		b.WriteString(`</option>`)
	}
	b.WriteString(`
      </select>
      <label for="cari-dari">Dari</label> <input id="cari-dari" type="date" name="dari" value="`)
	htmlEscape(b, p.From)
	b.WriteString(`">
      <label for="cari-sampai">Sampai</label> <input id="cari-sampai" type="date" name="sampai" value="`)
	htmlEscape(b, p.To)
	b.WriteString(`"></p>
  </form>
  `)
	if p.Suggest != "" {
		b.WriteString(`<p class="suggest">Mungkin maksud Anda: <a href="`)
		urlStart(b, p.SuggestURL)
		b.WriteString(`">`)
		htmlEscape(b, p.Suggest)
		b.WriteString(`</a></p>`)
	}
	b.WriteString("\n  ")
	if p.Notice != "" {
		b.WriteString(`<p class="notice" role="status">`)
		htmlEscape(b, p.Notice)
		b.WriteString(`</p>`)
	}
	b.WriteString("\n  ")
	if p.Message != "" {
		b.WriteString(`<p class="empty" role="status">`)
		htmlEscape(b, p.Message)
		b.WriteString("</p>\n  ")
	} else if p.Searched {
		b.WriteString(`<p class="small" role="status">`)
		if p.Capped {
			b.WriteString(`Sekitar `)
		}
		htmlEscape(b, web.FormatNumber(p.Total))
		b.WriteString(` berita cocok dengan “`)
		if p.Suggest != "" {
			htmlEscape(b, p.Suggest)
		} else {
			htmlEscape(b, p.Query)
		}
		b.WriteString(`”`)
		if p.Pages > 1 {
			b.WriteString(` · halaman `)
			b.WriteString(strconv.Itoa(p.Page))
			b.WriteString(` dari `)
			b.WriteString(strconv.Itoa(p.Pages))
		}
		b.WriteString(`</p>`)
	}
	b.WriteString("\n</header>\n")
	if len(p.Hits) > 0 {
		b.WriteString(`<ol class="search-results">
  `)
		for _, h := range p.Hits {
			a := &h.Article
			b.WriteString(`<li><article>
    <a class="kicker" href="/kanal/`)
			urlPart(b, a.Category.Slug)
			b.WriteString(`">`)
			htmlEscape(b, a.Category.Name)
			b.WriteString(`</a>
    <h2><a href="`)
			urlStart(b, domain.ArticlePath(a.Slug))
			b.WriteString(`">`)
			b.WriteString(string(h.Title))
			b.WriteString(`</a>`)
			if a.Hot {
				b.WriteString(` <span class="badge">#HOT</span>`)
			}
			b.WriteString(`</h2>
    <p>`)
			b.WriteString(string(h.Snippet))
			b.WriteString(`</p>
    <p class="meta"><time datetime="`)
			htmlEscape(b, web.RFC3339(a.PublishedAt, s.cfg.Location))
			b.WriteString(`">`)
			htmlEscape(b, web.FormatTime(a.PublishedAt, s.cfg.Location))
			b.WriteString(`</time></p>
  </article></li>
  `)
		}
		b.WriteString("\n</ol>")
	}
	b.WriteString("\n")
	if p.PrevURL != "" || p.NextURL != "" {
		b.WriteString(`<nav class="pager" aria-label="Halaman hasil pencarian">
  `)
		if p.PrevURL != "" {
			b.WriteString(`<a rel="prev" href="`)
			urlStart(b, p.PrevURL)
			b.WriteString(`">‹ Sebelumnya</a>`)
		}
		b.WriteString(`
  <span>Halaman `)
		b.WriteString(strconv.Itoa(p.Page))
		b.WriteString(` dari `)
		b.WriteString(strconv.Itoa(p.Pages))
		b.WriteString(`</span>
  `)
		if p.NextURL != "" {
			b.WriteString(`<a rel="next" href="`)
			urlStart(b, p.NextURL)
			b.WriteString(`">Berikutnya ›</a>`)
		}
		b.WriteString("\n</nav>")
	}
	b.WriteString("\n")
}

// htmlEscape writes s as html/template escapes text and quoted attribute
// values (the title filled into the search chrome too, so it reads byte
// for byte as the whole page rendered at once would).
func htmlEscape(b *bytes.Buffer, s string) {
	for {
		i := strings.IndexAny(s, "\x00\"&'+<>")
		if i < 0 {
			b.WriteString(s)
			return
		}
		b.WriteString(s[:i])
		switch s[i] {
		case 0:
			b.WriteString("\uFFFD")
		case '"':
			b.WriteString("&#34;")
		case '&':
			b.WriteString("&amp;")
		case '\'':
			b.WriteString("&#39;")
		case '+':
			b.WriteString("&#43;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		}
		s = s[i+1:]
	}
}

// urlStart writes a URL that begins an attribute as html/template does:
// an unsafe scheme replaced, bytes outside URLs percent-encoded (what is
// already encoded kept), then attribute-escaped.
func urlStart(b *bytes.Buffer, u string) {
	if i := strings.IndexByte(u, ':'); i >= 0 && !strings.Contains(u[:i], "/") {
		switch strings.ToLower(u[:i]) {
		case "http", "https", "mailto":
		default:
			b.WriteString("#ZgotmplZ")
			return
		}
	}
	writeURL(b, u, true)
}

// urlPart writes a value inside a URL's path as html/template does: every
// byte but letters, digits and -._~ percent-encoded.
func urlPart(b *bytes.Buffer, s string) { writeURL(b, s, false) }

func writeURL(b *bytes.Buffer, s string, norm bool) {
	const hex = "0123456789ABCDEF"
	var out strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '.', c == '_', c == '~':
		case norm && strings.IndexByte("!#$&*+,/:;=?@[]%", c) >= 0:
		default:
			if out.Len() == 0 {
				out.Grow(len(s) + 8)
			}
			out.WriteString(s[:i])
			out.WriteByte('%')
			out.WriteByte(hex[c>>4])
			out.WriteByte(hex[c&15])
			s, i = s[i+1:], -1
			continue
		}
	}
	if out.Len() > 0 {
		out.WriteString(s)
		s = out.String()
	}
	htmlEscape(b, s)
}
