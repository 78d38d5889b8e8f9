// Package feeds serves what machines read: RSS 2.0 and Atom feeds for the
// whole site, each category and each tag; the sitemap index with its article
// and page sitemaps; the Google News sitemap; and robots.txt.
//
// Every document is built from typed structs with encoding/xml, rendered
// into a buffer first, and served with its own content type. Conditional
// requests (ETag / 304) are answered by the server's middleware.
package feeds

import (
	"bytes"
	"context"
	"encoding/xml"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"warta/internal/domain"
	"warta/internal/media"
	"warta/internal/store"
	"warta/internal/web"
)

// Limits set by the sitemap protocol and by Google News, and the size of an
// article or tag sitemap file unless configured: 1,000 URLs (one
// article_blocks row, and what WordPress's Yoast uses), so a file costs the
// same at any archive size; the index lists a thousand of them at a million
// articles.
const (
	MaxSitemapURLs     = 50000
	DefaultSitemapURLs = 1000
	MaxNewsURLs        = 1000
	NewsWindow         = 48 * time.Hour
)

// Config is what the feeds need to know about the site.
type Config struct {
	SiteName string
	Tagline  string
	BaseURL  string         // absolute origin, e.g. "https://warta.example"
	Location *time.Location // zone of the dates in feeds and sitemaps
	Language string         // BCP 47 language of the content; default "id"
	MediaDir string         // where /media/ files live, for enclosure lengths; may be empty
	Media    media.Backend  // or the backend they live in (wins over MediaDir)
	LogoURL  string         // absolute URL of the site's raster logo (RSS <image>, Atom <logo>); may be empty
	// Look, when set, gives the site's name, tagline and logo URL in force
	// (what admins set in the newsroom, issue 14); "" keeps the value above.
	Look func(ctx context.Context) (name, tagline, logoURL string)

	FeedItems   int // items per feed; default 20
	SitemapSize int // URLs per article or tag sitemap file; default 1,000, at most 50,000
	NewsSize    int // URLs per news sitemap file; default and maximum 1,000
}

// Feeds serves the feeds, sitemaps and robots.txt.
type Feeds struct {
	cfg   Config
	store *store.Store
	log   *slog.Logger
	sizes sync.Map // media key -> int64 size; files are named by content, so sizes never change
}

// New builds the feeds with defaults filled in.
func New(cfg Config, st *store.Store, log *slog.Logger) *Feeds {
	if cfg.Location == nil {
		cfg.Location = time.UTC
	}
	if cfg.Language == "" {
		cfg.Language = "id"
	}
	cfg.BaseURL = strings.TrimRight(cfg.BaseURL, "/")
	if cfg.Media == nil && cfg.MediaDir != "" {
		cfg.Media = media.Dir(cfg.MediaDir)
	}
	if cfg.FeedItems < 1 {
		cfg.FeedItems = 20
	}
	if cfg.SitemapSize < 1 {
		cfg.SitemapSize = DefaultSitemapURLs
	}
	cfg.SitemapSize = min(cfg.SitemapSize, MaxSitemapURLs)
	if cfg.NewsSize < 1 || cfg.NewsSize > MaxNewsURLs {
		cfg.NewsSize = MaxNewsURLs
	}
	return &Feeds{cfg: cfg, store: st, log: log}
}

// handler adapts a handler that returns an error. Feeds are read by
// programs, so errors are short plain-text answers with the right status.
func (f *Feeds) handler(fn func(w http.ResponseWriter, r *http.Request) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := fn(w, r); err != nil {
			status := web.StatusOf(err)
			web.LogError(f.log, r, status, err)
			web.SetRetryAfter(w, err)
			h := w.Header()
			h.Set("Content-Type", "text/plain; charset=utf-8")
			h.Set("Cache-Control", "no-store")
			w.WriteHeader(status)
			w.Write([]byte(domain.ErrorMessage(err) + "\n"))
		}
	})
}

// writeXML marshals v after the XML declaration and writes it with the given
// content type.
func (f *Feeds) writeXML(w http.ResponseWriter, ctype string, v any) error {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.WriteByte('\n')
	f.write(w, ctype, buf.Bytes())
	return nil
}

func (f *Feeds) write(w http.ResponseWriter, ctype string, body []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Content-Length", strconv.Itoa(len(body)))
	// Readers and crawlers may keep a copy for five minutes, then revalidate
	// with the ETag the server adds.
	h.Set("Cache-Control", "public, max-age=300")
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

// abs makes a site path absolute; absolute URLs pass unchanged.
func (f *Feeds) abs(p string) string {
	if strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") {
		return p
	}
	return f.cfg.BaseURL + p
}

// brand is the configuration with the site's name, tagline and logo in
// force.
func (f *Feeds) brand(ctx context.Context) Config {
	c := f.cfg
	if c.Look != nil {
		name, tagline, logo := c.Look(ctx)
		if name != "" {
			c.SiteName = name
		}
		if tagline != "" {
			c.Tagline = tagline
		}
		if logo != "" {
			c.LogoURL = logo
		}
	}
	return c
}

func (f *Feeds) articleURL(slug string) string { return domain.ArticleURL(f.cfg.BaseURL, slug) }

// w3c formats a time as W3C Datetime / RFC 3339 in the site zone.
func (f *Feeds) w3c(t time.Time) string { return t.In(f.cfg.Location).Format(time.RFC3339) }

// rfc822 formats a time for RSS (RFC 822 with a four-digit year and a
// numeric zone, as RSS 2.0 and the W3C validator want).
func (f *Feeds) rfc822(t time.Time) string { return t.In(f.cfg.Location).Format(time.RFC1123Z) }

// host is the base URL's host, for tag: URIs.
func (f *Feeds) host() string {
	u, err := url.Parse(f.cfg.BaseURL)
	if err != nil || u.Hostname() == "" {
		return "localhost"
	}
	return u.Hostname()
}

// entryID is a permanent id for an article that survives a slug change:
// a tag: URI (RFC 4151) from the host, the day it was created and its id.
func (f *Feeds) entryID(a domain.Article) string {
	return "tag:" + f.host() + "," + a.CreatedAt.UTC().Format("2006-01-02") + ":artikel/" + strconv.FormatInt(a.ID, 10)
}

// photoInfo returns the lead photo's absolute URL, media type and size in
// bytes (0 when unknown).
func (f *Feeds) photoInfo(p domain.Photo) (u, ctype string, size int64) {
	u = f.abs(p.URL)
	ext := strings.ToLower(path.Ext(strings.SplitN(p.URL, "?", 2)[0]))
	ctype = mime.TypeByExtension(ext)
	if i := strings.IndexByte(ctype, ';'); i >= 0 {
		ctype = ctype[:i]
	}
	if ctype == "" {
		ctype = "image/jpeg"
	}
	if strings.HasPrefix(p.URL, "/media/") {
		size = f.mediaSize(strings.TrimPrefix(path.Clean(p.URL), "/media/"))
	}
	return u, ctype, size
}

// mediaSize is the length of a stored media file, 0 when unknown.
func (f *Feeds) mediaSize(key string) int64 {
	if v, ok := f.sizes.Load(key); ok {
		return v.(int64)
	}
	b := f.cfg.Media // the MediaDir folder when no other backend was given (New)
	if b == nil {
		return 0
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	file, err := b.Open(ctx, key)
	if err != nil {
		return 0
	}
	size := file.Size()
	file.Close()
	f.sizes.Store(key, size)
	return size
}
