package render_test

import (
	"regexp"
	"strings"
	"testing"

	"warta/internal/render"
)

// Issue 14: which addresses embed, as editors paste them, and which stay
// links: other sites, look-alike hosts, profile pages, malformed ids,
// credentials, ports, script schemes.
func TestParseEmbed(t *testing.T) {
	type want struct{ provider, id, frame, link string }
	good := map[string]want{
		"https://www.youtube.com/watch?v=dQw4w9WgXcQ":                       {"youtube", "dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
		"https://youtube.com/watch?v=dQw4w9WgXcQ&feature=share":             {"youtube", "dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
		"https://m.youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s":                 {"youtube", "dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s"},
		"https://youtu.be/dQw4w9WgXcQ?si=AbCdEf&t=42":                       {"youtube", "dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42", "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s"},
		"https://www.youtube.com/shorts/dQw4w9WgXcQ":                        {"youtube", "dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
		"http://www.youtube.com/embed/dQw4w9WgXcQ":                          {"youtube", "dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
		"https://WWW.YouTube.com/live/dQw4w9WgXcQ":                          {"youtube", "dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
		"https://x.com/BNPB_Indonesia/status/1790000000000000001":           {"x", "1790000000000000001", "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=1790000000000000001", "https://x.com/BNPB_Indonesia/status/1790000000000000001"},
		"https://twitter.com/jokowi/status/123456789?s=20":                  {"x", "123456789", "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=123456789", "https://x.com/jokowi/status/123456789"},
		"https://mobile.twitter.com/jokowi/status/123456789/photo/1":        {"x", "123456789", "https://platform.twitter.com/embed/Tweet.html?dnt=true&id=123456789", "https://x.com/jokowi/status/123456789"},
		"https://www.instagram.com/p/C1a2B3c4D5e/":                          {"instagram", "C1a2B3c4D5e", "https://www.instagram.com/p/C1a2B3c4D5e/embed/", "https://www.instagram.com/p/C1a2B3c4D5e/"},
		"https://instagram.com/reel/C1a2B3c4D5e?igsh=abc":                   {"instagram", "C1a2B3c4D5e", "https://www.instagram.com/p/C1a2B3c4D5e/embed/", "https://www.instagram.com/reel/C1a2B3c4D5e/"},
		"https://www.tiktok.com/@kompascom/video/7300000000000000000":       {"tiktok", "7300000000000000000", "https://www.tiktok.com/embed/v2/7300000000000000000", "https://www.tiktok.com/@kompascom/video/7300000000000000000"},
		"https://m.tiktok.com/@detik.com/video/7300000000000000000?lang=id": {"tiktok", "7300000000000000000", "https://www.tiktok.com/embed/v2/7300000000000000000", "https://www.tiktok.com/@detik.com/video/7300000000000000000"},
	}
	for in, w := range good {
		e, ok := render.ParseEmbed(in)
		if !ok || e.Provider != w.provider || e.ID != w.id || e.Frame != w.frame || e.Link != w.link {
			t.Errorf("%s: got %+v ok=%v, want %+v", in, e, ok, w)
		}
	}
	bad := []string{
		"", "youtube", "https://www.youtube.com/", "https://www.youtube.com/watch", "https://www.youtube.com/watch?v=short",
		"https://www.youtube.com/watch?v=dQw4w9WgXcQ1", "https://www.youtube.com/watch?v=dQw4w9WgX%22Q", "https://www.youtube.com/@kompastv",
		"https://www.youtube.com/playlist?list=PL123", "https://youtu.be/", "https://youtu.be/dQw4w9WgXcQ/extra",
		"https://evilyoutube.com/watch?v=dQw4w9WgXcQ", "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
		"https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ", "https://user:pw@www.youtube.com/watch?v=dQw4w9WgXcQ",
		"javascript://www.youtube.com/watch?v=dQw4w9WgXcQ", "ftp://www.youtube.com/watch?v=dQw4w9WgXcQ",
		"//www.youtube.com/watch?v=dQw4w9WgXcQ", " https://youtu.be/dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ\n",
		"https://x.com/jokowi", "https://x.com/jokowi/status/", "https://x.com/jokowi/status/12a", "https://x.com/a-b/status/1",
		"https://x.com/i/spaces/1abc", "https://x.com/waytoolongusername1/status/1", "https://notx.com/a/status/1",
		"https://www.instagram.com/kompascom/", "https://www.instagram.com/p/", "https://www.instagram.com/p/a\"b/",
		"https://www.instagram.com/p/C1a2B3c4D5e/comments/", "https://www.instagram.com/stories/a/1/",
		"https://www.tiktok.com/@kompascom", "https://vm.tiktok.com/ZMabc123/", "https://www.tiktok.com/@kompascom/video/abc",
		"https://www.tiktok.com/kompascom/video/7300000000000000000", "https://www.tiktok.com/@a/video/1/2",
		"https://www.facebook.com/watch?v=123", "https://vimeo.com/123456", "https://warta.example/berita/x",
		"https://www.youtube.com/watch?v=" + strings.Repeat("a", 600),
	}
	for _, in := range bad {
		if e, ok := render.ParseEmbed(in); ok {
			t.Errorf("%q embeds as %+v; want a plain link", in, e)
		}
	}
}

var cardRe = regexp.MustCompile(`<figure class="embed embed-(\w+)" data-embed="(\w+)" data-embed-id="([^"]+)" data-embed-src="https://[^"]+"`)

// An address alone on its paragraph or its line becomes a card linking to
// the post, with the link's text as the title when it has one; addresses
// inside text, in lists and quotes, and of unknown sites stay links.
func TestEmbedCardsInBodies(t *testing.T) {
	r := render.New()
	cases := []struct {
		name, in string
		cards    []string // provider:id of each card, in order
		keep     []string // what the output still holds
	}{
		{"bare address", "Pembuka.\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nPenutup.",
			[]string{"youtube:dQw4w9WgXcQ"}, []string{"<p>Pembuka.</p>", "<p>Penutup.</p>", `href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"`, "Video YouTube",
				`data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"`}},
		{"hard line breaks", "Lihat:  \nhttps://youtu.be/dQw4w9WgXcQ  \nSelesai.",
			[]string{"youtube:dQw4w9WgXcQ"}, []string{"<p>Lihat:</p><figure", "</figure><p>Selesai.</p>"}},
		{"autolink", "<https://x.com/BNPB_Indonesia/status/1790000000000000001>",
			[]string{"x:1790000000000000001"}, []string{"Postingan X"}},
		{"titled link", "[Detik-detik erupsi Semeru](https://youtu.be/dQw4w9WgXcQ)",
			[]string{"youtube:dQw4w9WgXcQ"}, []string{`<span class="embed-title">Detik-detik erupsi Semeru</span>`}},
		{"line of a paragraph", "Simak videonya berikut.\nhttps://www.tiktok.com/@kompascom/video/7300000000000000000\nSumber: TikTok.",
			[]string{"tiktok:7300000000000000000"}, []string{"<p>Simak videonya berikut.</p>", "<p>Sumber: TikTok.</p>"}},
		{"two in a row", "https://www.instagram.com/p/C1a2B3c4D5e/\nhttps://youtu.be/dQw4w9WgXcQ",
			[]string{"instagram:C1a2B3c4D5e", "youtube:dQw4w9WgXcQ"}, nil},
		{"with a start time", "https://youtu.be/dQw4w9WgXcQ?t=75",
			[]string{"youtube:dQw4w9WgXcQ"}, []string{`data-embed-start="75"`}},
		{"own thumbnail", "[![Warga mengungsi](/media/u/abc-480.jpg)](https://youtu.be/dQw4w9WgXcQ)",
			[]string{"youtube:dQw4w9WgXcQ"}, []string{`<img src="/media/u/abc-480.jpg" alt="" loading="lazy"/>`, "Warga mengungsi"}},
		{"inside text", "Tonton https://youtu.be/dQw4w9WgXcQ sekarang.", nil, []string{`<a href="https://youtu.be/dQw4w9WgXcQ"`}},
		{"titled link inside a paragraph", "Baca dulu.\n[Video](https://youtu.be/dQw4w9WgXcQ)", nil, []string{`<a href="https://youtu.be/dQw4w9WgXcQ"`}},
		{"in a list", "- https://youtu.be/dQw4w9WgXcQ", nil, []string{"<li><a href="}},
		{"in a quote", "> https://youtu.be/dQw4w9WgXcQ", nil, []string{"<blockquote>"}},
		{"unknown site", "https://vimeo.com/123456", nil, []string{`<p><a href="https://vimeo.com/123456"`}},
		{"malformed id", "https://www.youtube.com/watch?v=bukan-id", nil, []string{`<a href="https://www.youtube.com/watch?v=bukan-id"`}},
		{"raw html card is not trusted", `<figure class="embed" data-embed="youtube" data-embed-id="dQw4w9WgXcQ"><a href="https://evil.example">x</a></figure>`,
			nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := r.Markdown(c.in)
			if err != nil {
				t.Fatal(err)
			}
			check(t, c.in, out)
			var got []string
			for _, m := range cardRe.FindAllStringSubmatch(out, -1) {
				if m[1] != m[2] {
					t.Errorf("card class %s for provider %s", m[1], m[2])
				}
				got = append(got, m[2]+":"+m[3])
			}
			if strings.Join(got, " ") != strings.Join(c.cards, " ") {
				t.Errorf("cards %v, want %v\nout: %s", got, c.cards, out)
			}
			for _, k := range c.keep {
				if !strings.Contains(out, k) {
					t.Errorf("output lacks %q\nout: %s", k, out)
				}
			}
			if strings.Contains(out, "<iframe") || strings.Contains(out, ` src="http`) || strings.Contains(out, ` src="//`) {
				t.Errorf("the body loads the provider before the reader asks: %s", out)
			}
		})
	}
}

// FuzzEmbed: for any address, ParseEmbed either refuses it or gives an id
// of the provider's shape and a frame on one of FrameOrigins (the CSP's
// frame-src), and a body holding it alone on a line renders balanced,
// without a script vector.
func FuzzEmbed(f *testing.F) {
	for _, s := range []string{"https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://youtu.be/dQw4w9WgXcQ?t=1h2m3s",
		"https://x.com/a/status/1", "https://www.instagram.com/reel/C1a2B3c4D5e/embed", "https://www.tiktok.com/@a.b/video/1",
		"https://youtu.be/%00", "https://x.com/a/status/1#<script>", "https://www.instagram.com/p/\"><svg onload=alert(1)>/",
		"https://youtube.com/watch?v=dQw4w9WgXcQ&t=99999999999999999999s", "https://[::1]/watch?v=dQw4w9WgXcQ"} {
		f.Add(s)
	}
	origins := render.FrameOrigins()
	idShape := regexp.MustCompile(`^[A-Za-z0-9_-]{1,40}$`)
	r := render.New()
	f.Fuzz(func(t *testing.T, in string) {
		if e, ok := render.ParseEmbed(in); ok {
			if !idShape.MatchString(e.ID) {
				t.Fatalf("%q: id %q", in, e.ID)
			}
			framed := false
			for _, o := range origins {
				framed = framed || strings.HasPrefix(e.Frame, o+"/")
			}
			if !framed || !strings.HasPrefix(e.Link, "https://") || e.Start < 0 {
				t.Fatalf("%q: %+v", in, e)
			}
		}
		src := "Teks.\n\n" + in + "\n\nTeks lagi."
		out, err := r.Markdown(src)
		if err != nil {
			t.Fatal(err)
		}
		check(t, src, out)
	})
}
