package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/site"
	"warta/internal/testdb"
)

// BenchmarkUncachedPages renders each kind of reader page on the demo site
// with the page cache off (fragments and skeletons as serve keeps them),
// one request after another over every page of the kind, so ns/op is the
// cost of one render. With -cpuprofile it shows where that cost goes:
//
//	go test ./internal/server -run '^$' -bench UncachedPages -benchmem -cpuprofile /tmp/cpu.out
func BenchmarkUncachedPages(b *testing.B) {
	ctx := context.Background()
	st := testdb.SQLite(b)
	cfg := app.Config{Demo: true, MediaDir: b.TempDir(),
		Site: site.Config{Name: "Warta", BaseURL: "http://warta.test", Location: jakarta, FragmentTTL: 5 * time.Second},
		Log:  slog.New(slog.NewTextHandler(io.Discard, nil))}
	a, err := app.New(ctx, st, cfg)
	if err != nil {
		b.Fatal(err)
	}
	// search-cold: the same searches with skeletons off, so that none is
	// found kept (every search a new one).
	cfg.Site.SkeletonTTL = -1
	cold, err := app.New(ctx, st, cfg)
	if err != nil {
		b.Fatal(err)
	}
	pages := uncachedPages(b, ctx, a)
	pages["search-cold"] = pages["search"]
	for kind, paths := range pages {
		a := a
		if kind == "search-cold" {
			a = cold
		}
		b.Run(kind, func(b *testing.B) {
			reqs := make([]*http.Request, len(paths))
			for i, p := range paths {
				reqs[i] = httptest.NewRequest("GET", p, nil)
				reqs[i].Header.Set("User-Agent", "Mozilla/5.0 (Android 14) Chrome/120 Mobile")
			}
			i := 0
			cpu0 := processCPU()
			for b.Loop() {
				w := discardWriter{h: http.Header{}}
				a.ServeHTTP(&w, reqs[i%len(reqs)])
				if w.code != 200 {
					b.Fatalf("%s: status %d", paths[i%len(paths)], w.code)
				}
				i++
			}
			// CPU time, not wall time: the machine is shared.
			b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N), "cpu-ns/op")
		})
	}
}

// processCPU is the CPU time this process has used (user and system).
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// uncachedPages lists the demo site's pages by kind: every article, the
// home page, every category, tag and author page, and a search for a word
// of each of the first articles' titles.
func uncachedPages(b *testing.B, ctx context.Context, a *app.App) map[string][]string {
	list, _, err := a.Store.ListArticles(ctx, domain.ArticleFilter{}, domain.Page{Number: 1, Size: 100})
	if err != nil {
		b.Fatal(err)
	}
	pages := map[string][]string{"home": {"/"}}
	tags, authors := map[string]bool{}, map[string]bool{}
	for i, art := range list {
		full, err := a.Store.ArticleByID(ctx, art.ID)
		if err != nil {
			b.Fatal(err)
		}
		pages["article"] = append(pages["article"], domain.ArticlePath(full.Slug))
		for _, t := range full.Tags {
			if !tags[t.Slug] && t.Slug != domain.HotTagSlug {
				tags[t.Slug] = true
				pages["tag"] = append(pages["tag"], "/tag/"+t.Slug)
			}
		}
		for _, au := range full.Authors {
			if !authors[au.Slug] {
				authors[au.Slug] = true
				pages["author"] = append(pages["author"], "/penulis/"+au.Slug)
			}
		}
		if i < 20 {
			words := strings.Fields(full.Title)
			long := ""
			for _, w := range words {
				if len(w) > len(long) {
					long = w
				}
			}
			pages["search"] = append(pages["search"], "/cari?q="+url.QueryEscape(strings.ToLower(long)))
		}
	}
	cats, err := a.Store.Categories(ctx)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range cats {
		pages["category"] = append(pages["category"], "/kanal/"+c.Slug)
	}
	return pages
}
