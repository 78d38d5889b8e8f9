package wpimport_test

import (
	"fmt"
	"io"
	"runtime"
	"testing"

	"warta/internal/wpimport"
)

// The reader streams: reading a 64 MB export keeps the heap at what one
// item needs, not what the file weighs.
func TestReadStreamsLargeExports(t *testing.T) {
	if testing.Short() {
		t.Skip("large export")
	}
	const items = 32_000 // about 2 KB each
	pr, pw := io.Pipe()
	go func() {
		fmt.Fprint(pw, `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><wp:wxr_version>1.2</wp:wxr_version>`)
		body := make([]byte, 1800)
		for i := range body {
			body[i] = 'a' + byte(i%26)
		}
		for i := range items {
			fmt.Fprintf(pw, "<item><title>Berita %d</title><wp:post_id>%d</wp:post_id><wp:post_type>post</wp:post_type><content:encoded><![CDATA[<p>%s</p>]]></content:encoded></item>\n", i, i, body)
		}
		fmt.Fprint(pw, `</channel></rss>`)
		pw.Close()
	}()
	var peak uint64
	var ms runtime.MemStats
	n := 0
	err := wpimport.Read(pr, wpimport.Handler{Item: func(it *wpimport.Item) error {
		n++
		if n%2000 == 0 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapAlloc)
		}
		return nil
	}})
	if err != nil {
		t.Fatal(err)
	}
	if n != items {
		t.Fatalf("read %d items, want %d", n, items)
	}
	t.Logf("64 MB export: peak live heap %.1f MB", float64(peak)/(1<<20))
	if peak > 16<<20 {
		t.Errorf("live heap reached %d MB while reading a 64 MB export: not streaming", peak>>20)
	}
}
