package render_test

import (
	"strings"
	"testing"

	"github.com/microcosm-cc/bluemonday"

	"warta/internal/render"
)

// BenchmarkBalance: the cost of re-parsing a typical 4 KB article body.
func BenchmarkBalance(b *testing.B) {
	body := strings.Repeat(`<p>Paragraf berita dengan <strong>tebal</strong>, <em>miring</em> dan <a href="https://contoh.id/x" rel="nofollow">tautan</a>.</p>`+"\n", 32)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		render.Balance(body)
	}
}

// BenchmarkSanitize: the whole sanitiser (parse, clean, parse) on the same body.
func BenchmarkSanitize(b *testing.B) {
	r := render.New()
	body := strings.Repeat(`<p>Paragraf berita dengan <strong>tebal</strong>, <em>miring</em> dan <a href="https://contoh.id/x">tautan</a>.</p>`+"\n", 32)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		r.Sanitize(body)
	}
}

// BenchmarkSanitizeBluemondayOnly: the baseline, bluemonday's UGC policy
// alone (what Sanitize was before it balanced its output).
func BenchmarkSanitizeBluemondayOnly(b *testing.B) {
	p := bluemonday.UGCPolicy()
	body := strings.Repeat(`<p>Paragraf berita dengan <strong>tebal</strong>, <em>miring</em> dan <a href="https://contoh.id/x">tautan</a>.</p>`+"\n", 32)
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		p.Sanitize(body)
	}
}
