package discovery_test

import (
	"strings"
	"testing"

	"warta/internal/discovery"
	"warta/internal/store"
)

func TestHighlightMarksStemmedMatches(t *testing.T) {
	terms := store.SearchTerms("bertahan")
	got := discovery.HTML(discovery.Highlight("Sistem Pertahanan <Udara> & pasukan yang bertahan", terms))
	want := "Sistem <mark>Pertahanan</mark> &lt;Udara&gt; &amp; pasukan yang <mark>bertahan</mark>"
	if got != want {
		t.Errorf("Highlight = %q\nwant        %q", got, want)
	}
	// Stop words are never marked, even when typed.
	if got := discovery.HTML(discovery.Highlight("yang dan", store.SearchTerms("yang"))); strings.Contains(got, "<mark>") {
		t.Errorf("stop word marked: %q", got)
	}
}

func TestSnippetFindsThePassage(t *testing.T) {
	text := strings.Repeat("kalimat pembuka tanpa arti. ", 30) + "Warga menyatakan kekhawatiran soal banjir. " + strings.Repeat("penutup panjang. ", 30)
	fr := discovery.Snippet(text, store.SearchTerms("khawatir"), 12)
	s := discovery.HTML(fr)
	if !strings.Contains(s, "<mark>kekhawatiran</mark>") || !strings.HasPrefix(s, "… ") || !strings.HasSuffix(s, " …") {
		t.Errorf("snippet = %q", s)
	}
	if n := len(strings.Fields(discovery.Text(fr))); n > 12+2 {
		t.Errorf("snippet has %d words", n)
	}
	// No match: the start of the text; short text: all of it, no ellipsis.
	if s := discovery.Text(discovery.Snippet("Satu dua tiga.", nil, 12)); s != "Satu dua tiga." {
		t.Errorf("short snippet = %q", s)
	}
	if fr := discovery.Snippet("", []string{"x"}, 12); fr != nil {
		t.Errorf("empty snippet = %v", fr)
	}
	if s := discovery.HTML(discovery.Snippet("\xff<b>\x00", []string{"b"}, 5)); strings.Contains(s, "<b>") {
		t.Errorf("snippet not escaped: %q", s)
	}
}
