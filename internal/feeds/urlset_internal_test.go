package feeds

import (
	"net/http/httptest"
	"testing"
)

// The hand-written urlset is byte for byte what encoding/xml writes,
// escaping included.
func TestWriteURLSetMatchesEncodingXML(t *testing.T) {
	f := &Feeds{}
	for _, set := range []urlSet{
		{XMLNS: nsSM},
		{XMLNS: nsSM, URLs: []urlEntry{{Loc: "http://warta.test/tag/a&b<c>\"d'e"}, {Loc: "http://warta.test/berita/é", LastMod: "2024-06-20T19:00:00+07:00"}}},
		{XMLNS: nsSM, XNews: "urn:x", URLs: []urlEntry{{Loc: "http://warta.test/x\ty\nz\xff"}}},
		// The news sitemap: a publication, dates, a title to escape, an
		// entry without news and one with empty fields.
		{XMLNS: nsSM, XNews: nsNews, URLs: []urlEntry{
			{Loc: "http://warta.test/berita/a", LastMod: "2024-06-20T19:00:00+07:00", News: &newsNews{
				Publication: newsPublication{Name: "Warta & <Co>", Language: "id"},
				Date:        "2024-06-20T18:00:00+07:00", Title: "Harga \"cabai\" naik 10% & turun\t<lagi>\xff"}},
			{Loc: "http://warta.test/berita/b"},
			{Loc: "http://warta.test/berita/c", News: &newsNews{}},
		}},
	} {
		a, b := httptest.NewRecorder(), httptest.NewRecorder()
		if err := f.writeURLSet(a, set); err != nil {
			t.Fatal(err)
		}
		if err := f.writeXML(b, xmlType, set); err != nil {
			t.Fatal(err)
		}
		if a.Body.String() != b.Body.String() {
			t.Errorf("by hand:\n%s\nencoding/xml:\n%s", a.Body, b.Body)
		}
	}
}

// So is the hand-written sitemap index.
func TestWriteIndexMatchesEncodingXML(t *testing.T) {
	f := &Feeds{}
	for _, idx := range []sitemapIndex{
		{XMLNS: nsSM},
		{XMLNS: nsSM, Sitemaps: []sitemapEntry{{Loc: "http://warta.test/sitemaps/pages.xml"},
			{Loc: "http://warta.test/sitemaps/a&b<c>\"d'e\xff.xml", LastMod: "2024-06-20T19:00:00+07:00"}}},
	} {
		a, b := httptest.NewRecorder(), httptest.NewRecorder()
		if err := f.writeIndex(a, idx); err != nil {
			t.Fatal(err)
		}
		if err := f.writeXML(b, xmlType, idx); err != nil {
			t.Fatal(err)
		}
		if a.Body.String() != b.Body.String() {
			t.Errorf("by hand:\n%s\nencoding/xml:\n%s", a.Body, b.Body)
		}
	}
}
