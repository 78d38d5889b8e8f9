package newsroom_test

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"warta/internal/ads"
	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/render"
	"warta/internal/store"
	"warta/internal/testdb"
)

// reader fetches a reader page with no cookies, as a new reader would.
func reader(t *testing.T, e *nrtest.Env, path string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(e.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// cached turns the page and fragment caches on for a minute, so a change
// that shows at once shows because its change event dropped them.
func cached(c *app.Config) {
	c.Site.PageCacheTTL = time.Minute
	c.Site.FragmentTTL = time.Minute
}

// pngLogo is a real 400×100 PNG.
func pngLogo(t *testing.T) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 400, 100))
	for x := range 400 {
		for y := range 100 {
			img.Set(x, y, color.RGBA{uint8(x), 40, 60, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// navOf returns the labels of the header's menu.
func navOf(page string) []string {
	i := strings.Index(page, `<nav class="nav"`)
	if i < 0 {
		return nil
	}
	nav := page[i:]
	nav = nav[:strings.Index(nav, "</nav>")]
	var out []string
	for _, m := range regexp.MustCompile(`<a href="([^"]*)"[^>]*>([^<]*)</a>`).FindAllStringSubmatch(nav, -1) {
		out = append(out, m[2]+"="+m[1])
	}
	return out
}

// Issue 14: an admin sets the site's name, tagline, menu, footer and logo;
// reader pages, structured data and feeds use them at once (the change
// drops the cached pages), and bad input is refused with a clear 4xx.
func TestSiteLookReachesReaders(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st, cached)
		e.CreateArticle(t, map[string]any{"title": "Banjir Surut di Jakarta", "category": "nasional", "status": "published",
			"body": "Paragraf satu.\n\nParagraf dua."})
		_, _, home := reader(t, e, "/")
		if got := navOf(home); strings.Join(got, " ") != "Beranda=/ Nasional=/kanal/nasional Teknologi=/kanal/teknologi Indeks=/indeks" {
			t.Fatalf("default menu %v", got)
		}
		_, _, art := reader(t, e, "/berita/banjir-surut-di-jakarta") // cached too

		r := e.API(t, domain.RoleAdmin, "PATCH", "/settings", map[string]any{
			"site_name": "Kabar Kita", "tagline": "Kabar dari kita untuk kita",
			"menu": []map[string]string{{"category": "teknologi"}, {"label": "Kontak", "url": "/halaman/kontak"},
				{"label": "Karier", "url": "https://karier.example.id/lowongan"}},
			"footer_text":  "Jl. Merdeka 1, Jakarta\nTelepon 021-123",
			"footer_links": []map[string]string{{"label": "Pedoman", "url": "/halaman/pedoman"}},
		})
		if r.Status != 200 {
			t.Fatalf("PATCH /settings: %d %s", r.Status, r.Body)
		}
		var got struct {
			SiteName        string              `json:"site_name"`
			MenuAllChannels bool                `json:"menu_all_channels"`
			Menu            []map[string]string `json:"menu"`
			FooterLinks     []domain.Link       `json:"footer_links"`
			AdSlots         map[string]any      `json:"ad_slots"`
			Logo            *domain.Logo        `json:"logo"`
		}
		r.Data(t, &got)
		if got.SiteName != "Kabar Kita" || got.MenuAllChannels || len(got.Menu) != 3 || got.Menu[0]["category"] != "teknologi" ||
			len(got.FooterLinks) != 1 || got.Logo != nil {
			t.Errorf("settings answer %s", r.Body)
		}

		_, _, home = reader(t, e, "/")
		if !strings.Contains(home, "<title>Kabar Kita — Kabar dari kita untuk kita</title>") {
			t.Errorf("home title not the new name (the cached page was kept?):\n%.600s", home)
		}
		if got := navOf(home); strings.Join(got, " ") != "Beranda=/ Teknologi=/kanal/teknologi Kontak=/halaman/kontak Karier=https://karier.example.id/lowongan Indeks=/indeks" {
			t.Errorf("menu %v", got)
		}
		if !strings.Contains(home, `<p class="footer-text">Jl. Merdeka 1, Jakarta`+"\n"+`Telepon 021-123</p>`) ||
			!strings.Contains(home, `<li><a href="/halaman/pedoman">Pedoman</a></li>`) {
			t.Error("footer text or links missing")
		}
		_, _, art2 := reader(t, e, "/berita/banjir-surut-di-jakarta")
		if art2 == art || !strings.Contains(art2, `"publisher":{"@type":"Organization","name":"Kabar Kita"`) ||
			!strings.Contains(art2, `<meta property="og:site_name" content="Kabar Kita">`) {
			t.Errorf("article page does not name the new publisher:\n%s", between(art2, `application/ld+json`, `</script>`))
		}
		_, _, rss := reader(t, e, "/rss.xml")
		if !strings.Contains(rss, "<title>Kabar Kita</title>") || !strings.Contains(rss, "<description>Kabar dari kita untuk kita</description>") {
			t.Errorf("RSS keeps the old name:\n%.500s", rss)
		}

		// The logo, through the newsroom's upload form (no JavaScript needed).
		b := newBrowser(t, e)
		b.login(domain.RoleAdmin)
		b.get("/redaksi/pengaturan")
		post := func(file []byte) page {
			var buf bytes.Buffer
			mw := multipart.NewWriter(&buf)
			for k, v := range map[string]string{"csrf": b.csrf, "section": "identitas", "site_name": "Kabar Kita", "tagline": "Kabar dari kita untuk kita"} {
				mw.WriteField(k, v)
			}
			fw, _ := mw.CreateFormFile("logo_file", "logo.png")
			fw.Write(file)
			mw.Close()
			req, _ := http.NewRequest("POST", e.URL+"/redaksi/pengaturan", &buf)
			req.Header.Set("Content-Type", mw.FormDataContentType())
			return b.do(req)
		}
		if p := post([]byte("<script>alert(1)</script>")); p.code != 400 || !strings.Contains(p.body, "bukan gambar yang didukung") {
			t.Errorf("a fake logo: %d", p.code)
		}
		if p := post(pngLogo(t)); p.code != 303 || p.location != "/redaksi/pengaturan?ok=tersimpan#identitas" {
			t.Fatalf("logo upload: %d %s", p.code, p.location)
		}
		var look struct {
			Logo *domain.Logo `json:"logo"`
		}
		e.API(t, domain.RoleAdmin, "GET", "/settings", nil).Data(t, &look)
		if look.Logo == nil || !strings.HasPrefix(look.Logo.URL, "/media/") || look.Logo.Width != 400 || look.Logo.Height != 100 {
			t.Fatalf("stored logo %+v", look.Logo)
		}
		_, _, home = reader(t, e, "/")
		if !strings.Contains(home, `<a class="brand has-logo" href="/"><img src="`+look.Logo.URL+`" alt="" width="128" height="32">`) {
			t.Errorf("header does not show the logo:\n%s", between(home, `<a class="brand`, `</a>`))
		}
		if code, hdr, _ := reader(t, e, look.Logo.URL); code != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "image/") {
			t.Errorf("logo file: %d %s", code, hdr.Get("Content-Type"))
		}
		_, _, art = reader(t, e, "/berita/banjir-surut-di-jakarta")
		if !strings.Contains(art, `"logo":{"@type":"ImageObject","url":"http://warta.test`+look.Logo.URL+`"}`) {
			t.Errorf("publisher logo is not the upload:\n%s", between(art, `application/ld+json`, `</script>`))
		}
		if _, _, rss = reader(t, e, "/rss.xml"); !strings.Contains(rss, "<url>http://warta.test"+look.Logo.URL+"</url>") {
			t.Errorf("RSS image is not the upload")
		}
		// Removing it brings the built-in one back.
		if r := e.API(t, domain.RoleAdmin, "DELETE", "/settings/logo", nil); r.Status != 204 {
			t.Errorf("DELETE /settings/logo: %d", r.Status)
		}
		if _, _, home = reader(t, e, "/"); strings.Contains(home, look.Logo.URL) || !strings.Contains(home, `width="32" height="32"><span>Kabar Kita</span>`) {
			t.Error("the removed logo still shows")
		}

		// Bad input: a clear 4xx, nothing stored.
		for _, bad := range []map[string]any{
			{"menu": []map[string]string{{"label": "Klik", "url": "javascript:alert(1)"}}},
			{"menu": []map[string]string{{"label": "Klik", "url": "//evil.example/x"}}},
			{"menu": []map[string]string{{"label": "", "url": "/halaman/kontak"}}},
			{"menu": []map[string]string{{"category": "tidak-ada"}}},
			{"footer_links": []map[string]string{{"label": "Data", "url": "data:text/html,<script>alert(1)</script>"}}},
			{"site_name": strings.Repeat("x", 81)},
			{"tagline": "baris\u0000nol"},
		} {
			r := e.API(t, domain.RoleAdmin, "PATCH", "/settings", bad)
			var env struct {
				Error struct{ Message string } `json:"error"`
			}
			json.Unmarshal(r.Body, &env)
			if r.Status != 400 || env.Error.Message == "" {
				t.Errorf("PATCH %v: %d %s", bad, r.Status, r.Body)
			}
		}
		p := b.post("/redaksi/pengaturan", url.Values{"csrf": {b.csrf}, "section": {"menu"}, "link_label_0": {"X"}, "link_url_0": {"javascript:alert(1)"}})
		if p.code != 400 || !strings.Contains(p.body, "alamat tautan") {
			t.Errorf("newsroom menu with a javascript: link: %d", p.code)
		}
		if got := navOf(reader3(t, e)); strings.Contains(strings.Join(got, " "), "javascript") || len(got) != 5 {
			t.Errorf("a refused menu changed the site: %v", got)
		}

		// The newsroom's menu form (no JavaScript): channels ticked, ordered by their numbers.
		p = b.post("/redaksi/pengaturan", url.Values{"csrf": {b.csrf}, "section": {"menu"},
			"menu_cat": {"nasional", "teknologi"}, "menu_order_nasional": {"2"}, "menu_order_teknologi": {"1"},
			"link_label_0": {"Kontak"}, "link_url_0": {"/halaman/kontak"}, "link_order_0": {"3"}})
		if p.code != 303 {
			t.Fatalf("menu form: %d %s", p.code, p.body)
		}
		if got := navOf(reader3(t, e)); strings.Join(got, " ") != "Beranda=/ Teknologi=/kanal/teknologi Nasional=/kanal/nasional Kontak=/halaman/kontak Indeks=/indeks" {
			t.Errorf("menu from the form %v", got)
		}
		if p := b.get("/redaksi/pengaturan"); !strings.Contains(p.body, `name="menu_cat" value="teknologi" id="menu-teknologi" checked`) ||
			!strings.Contains(p.body, `name="link_url_0" value="/halaman/kontak"`) {
			t.Error("the settings page does not show the stored menu")
		}
		// Back to every channel.
		if p := b.post("/redaksi/pengaturan", url.Values{"csrf": {b.csrf}, "section": {"menu"}, "menu_all": {"1"}}); p.code != 303 {
			t.Fatalf("menu_all: %d", p.code)
		}
		if got := navOf(reader3(t, e)); len(got) != 4 || got[1] != "Nasional=/kanal/nasional" {
			t.Errorf("default menu back %v", got)
		}
	})
}

func reader3(t *testing.T, e *nrtest.Env) string {
	_, _, b := reader(t, e, "/")
	return b
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i:]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return s
}

// cspOf splits a Content-Security-Policy into its directives' sources.
func cspOf(v string) map[string][]string {
	out := map[string][]string{}
	for _, d := range strings.Split(v, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			out[f[0]] = f[1:]
		}
	}
	return out
}

// strictCSP is the policy every answer had before issue 14.
func strictCSP() string {
	return "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-src " +
		strings.Join(render.FrameOrigins(), " ") + "; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
}

// Issue 14: ads that can pay the bills. Admins fill named slots; house ads
// are sanitised HTML; network units need the operator's --ad-network, and
// only then does the reader pages' CSP name the network's hosts, exactly.
func TestAdSlots(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st, cached)
		body := "Paragraf satu.\n\nParagraf dua.\n\n> Kutipan panjang.\n\nParagraf tiga.\n\nParagraf empat."
		e.CreateArticle(t, map[string]any{"title": "Banjir Surut", "category": "nasional", "status": "published", "body": body})
		for _, title := range []string{"Harga Cabai Naik", "Pasar Ramai", "Kereta Baru", "Jalan Tol Dibuka", "Sekolah Libur", "Hujan Deras", "Gempa Kecil"} {
			e.CreateArticle(t, map[string]any{"title": title, "category": "nasional", "status": "published", "body": "Isi."})
		}
		// The default: no slot, and the CSP as strict as ever, on every kind of answer.
		for _, path := range []string{"/", "/berita/banjir-surut", "/redaksi/masuk", "/rss.xml", "/api/v1/articles"} {
			code, hdr, page := reader(t, e, path)
			if code != 200 || hdr.Get("Content-Security-Policy") != strictCSP() {
				t.Errorf("%s: %d CSP %q, want %q", path, code, hdr.Get("Content-Security-Policy"), strictCSP())
			}
			if strings.Contains(page, `class="ad `) || strings.Contains(page, "googlesyndication") {
				t.Errorf("%s shows an ad slot by default", path)
			}
		}
		b := newBrowser(t, e)
		b.login(domain.RoleAdmin)
		b.get("/redaksi/pengaturan")
		// A network unit without a network enabled is refused.
		p := b.post("/redaksi/pengaturan", url.Values{"csrf": {b.csrf}, "section": {"iklan"}, "ad_kind_header": {"network"}, "ad_unit_header": {"123"}})
		if p.code != 400 || !strings.Contains(p.body, "belum ada jaringan iklan yang diaktifkan operator") {
			t.Errorf("network unit without a network: %d", p.code)
		}
		p = b.post("/redaksi/pengaturan", url.Values{"csrf": {b.csrf}, "section": {"iklan"},
			"ad_kind_header": {"house"}, "ad_html_header": {`<p>Promo <b>Langganan</b></p><script>alert(1)</script>`},
			"ad_kind_article": {"house"}, "ad_html_article": {`<p><a href="/halaman/iklan">Pasang iklan</a></p>`}, "ad_every_article": {"2"},
			"ad_kind_sidebar": {"house"}, "ad_html_sidebar": {`<img src="https://evil.example/x.png" onerror="alert(1)">`},
			"ad_kind_list": {"house"}, "ad_html_list": {`<p>Iklan baris</p>`}, "ad_every_list": {"2"}})
		if p.code != 400 || !strings.Contains(p.body, "berasal dari situs lain") {
			t.Errorf("an off-site image in a house ad: %d", p.code)
		}
		p = b.post("/redaksi/pengaturan", url.Values{"csrf": {b.csrf}, "section": {"iklan"},
			"ad_kind_header": {"house"}, "ad_html_header": {`<p>Promo <b>Langganan</b></p><script>alert(1)</script>`},
			"ad_kind_article": {"house"}, "ad_html_article": {`<p><a href="/halaman/iklan">Pasang iklan</a></p>`}, "ad_every_article": {"2"},
			"ad_kind_sidebar": {"house"}, "ad_html_sidebar": {`<p onclick="alert(1)">Samping</p>`},
			"ad_kind_list": {"house"}, "ad_html_list": {`<p>Iklan baris</p>`}, "ad_every_list": {"2"}})
		if p.code != 303 {
			t.Fatalf("ad slots: %d %s", p.code, p.body)
		}
		_, hdr, home := reader(t, e, "/")
		if !strings.Contains(home, `<aside class="ad ad-header" aria-label="Iklan atas"><p class="ad-label">Iklan</p><div class="ad-box"><p>Promo <b>Langganan</b></p></div></aside>`) {
			t.Errorf("header slot:\n%s", between(home, `<aside class="ad ad-header"`, `</aside>`))
		}
		if strings.Contains(home, "alert(1)") || strings.Contains(home, "onclick") {
			t.Error("a slot keeps a script or an event handler")
		}
		if !strings.Contains(home, `<aside class="ad ad-sidebar" aria-label="Iklan samping">`) {
			t.Error("no sidebar slot on the home page")
		}
		if !strings.Contains(home, `</article><aside class="ad ad-list" aria-label="Iklan di antara berita 1"><p class="ad-label">Iklan</p><div class="ad-box"><p>Iklan baris</p></div></aside><article class="card"`) {
			t.Errorf("no list slot between two stories:\n%s", between(home, `id="terbaru"`, `</section>`))
		}
		if hdr.Get("Content-Security-Policy") != strictCSP() {
			t.Error("house ads changed the CSP")
		}
		// Each box is a landmark of a name of its own (a screen reader lists
		// them by name; axe's landmark-unique rule fails several of one).
		uniqueAdNames(t, "/", home, 4)
		_, _, art := reader(t, e, "/berita/banjir-surut")
		slot := `<aside class="ad ad-article" aria-label="Iklan dalam artikel">`
		i, two, three := strings.Index(art, slot), strings.Index(art, "<p>Paragraf dua.</p>"), strings.Index(art, "<blockquote>")
		if i < 0 || !(two < i && i < three) {
			t.Errorf("article slot not after paragraph 2 (at %d, paragraph 2 at %d, quote at %d)", i, two, three)
		}
		if !strings.Contains(art, `<aside class="ad ad-sidebar"`) || !strings.Contains(art, `<aside class="ad ad-header"`) {
			t.Error("article page lacks the sidebar or header slot")
		}
		uniqueAdNames(t, "/berita/banjir-surut", art, 3)
		_, _, short := reader(t, e, "/berita/harga-cabai-naik")
		if strings.Contains(short, slot) {
			t.Error("a one-paragraph article shows the in-body slot")
		}
		// Bad slot input.
		for _, bad := range []map[string]any{
			{"ad_slots": map[string]any{"popup": map[string]string{"kind": "house", "html": "<p>x</p>"}}},
			{"ad_slots": map[string]any{"header": map[string]string{"kind": "script", "html": "<p>x</p>"}}},
			{"ad_slots": map[string]any{"article": map[string]any{"kind": "house", "html": "<p>x</p>", "every": 99}}},
			{"ad_slots": map[string]any{"list": map[string]any{"kind": "house", "html": strings.Repeat("<p>x</p>", 3000)}}},
		} {
			if r := e.API(t, domain.RoleAdmin, "PATCH", "/settings", bad); r.Status != 400 {
				t.Errorf("PATCH %v: %d %s", bad, r.Status, r.Body)
			}
		}
	})
}

// With --ad-network the reader pages' CSP names exactly the network's hosts,
// the newsroom, API and feeds keep the strict one, and a network slot holds
// only a checked unit id whose markup Warta writes.
func TestAdNetworkCSP(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		net, err := ads.Parse("adsense:ca-pub-1234567890123456")
		if err != nil {
			t.Fatal(err)
		}
		e := nrtest.New(t, st, cached, func(c *app.Config) { c.Site.Ads = net })
		e.CreateArticle(t, map[string]any{"title": "Banjir Surut", "category": "nasional", "status": "published",
			"body": "Satu.\n\nDua.\n\nTiga.\n\nEmpat."})
		strict := cspOf(strictCSP())
		want := map[string][]string{
			"script-src": {"https://pagead2.googlesyndication.com", "https://tpc.googlesyndication.com", "https://partner.googleadservices.com",
				"https://www.googletagservices.com", "https://adservice.google.com", "https://fundingchoicesmessages.google.com", "https://ep2.adtrafficquality.google"},
			"frame-src": {"https://googleads.g.doubleclick.net", "https://tpc.googlesyndication.com", "https://www.google.com",
				"https://fundingchoicesmessages.google.com", "https://ep2.adtrafficquality.google"},
			"img-src": {"https://pagead2.googlesyndication.com", "https://tpc.googlesyndication.com", "https://googleads.g.doubleclick.net",
				"https://www.google.com", "https://ep1.adtrafficquality.google"},
			"connect-src": {"https://pagead2.googlesyndication.com", "https://googleads.g.doubleclick.net",
				"https://fundingchoicesmessages.google.com", "https://ep1.adtrafficquality.google"},
		}
		for _, path := range []string{"/", "/berita/banjir-surut", "/kanal/nasional"} {
			_, hdr, _ := reader(t, e, path)
			got := cspOf(hdr.Get("Content-Security-Policy"))
			for dir, srcs := range got {
				base := strict[dir]
				if dir == "connect-src" {
					base = []string{"'self'"}
				}
				added := srcs[min(len(base), len(srcs)):]
				if strings.Join(srcs[:min(len(base), len(srcs))], " ") != strings.Join(base, " ") ||
					strings.Join(added, " ") != strings.Join(want[dir], " ") {
					t.Errorf("%s %s = %v, want %v then exactly %v", path, dir, srcs, base, want[dir])
				}
			}
			if len(got) != len(strict)+1 {
				t.Errorf("%s: directives %v", path, got)
			}
		}
		for _, path := range []string{"/redaksi/masuk", "/api/v1/articles", "/rss.xml", "/sitemap.xml", "/healthz"} {
			if _, hdr, _ := reader(t, e, path); hdr.Get("Content-Security-Policy") != strictCSP() {
				t.Errorf("%s CSP %q, want the strict one", path, hdr.Get("Content-Security-Policy"))
			}
		}
		// Only digits are a unit id; the markup is Warta's own.
		if r := e.API(t, domain.RoleAdmin, "PATCH", "/settings", map[string]any{"ad_slots": map[string]any{
			"header": map[string]string{"kind": "network", "unit": `1" onload="alert(1)`}}}); r.Status != 400 {
			t.Errorf("a unit id with markup: %d", r.Status)
		}
		r := e.API(t, domain.RoleAdmin, "PATCH", "/settings", map[string]any{"ad_slots": map[string]any{
			"header": map[string]string{"kind": "network", "unit": "1234567890"}, "article": map[string]any{"kind": "network", "unit": "55", "every": 2}}})
		if r.Status != 200 || !strings.Contains(string(r.Body), `"ad_network":"adsense"`) {
			t.Fatalf("network slots: %d %s", r.Status, r.Body)
		}
		_, _, page := reader(t, e, "/berita/banjir-surut")
		if !strings.Contains(page, `<script src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-1234567890123456" async crossorigin="anonymous"></script>`) {
			t.Error("the network's loader is not in the head")
		}
		if !strings.Contains(page, `<ins class="adsbygoogle" data-ad-client="ca-pub-1234567890123456" data-ad-slot="1234567890" data-ad-format="auto" data-full-width-responsive="true"></ins>`) ||
			!strings.Contains(page, `data-ad-slot="55"`) {
			t.Error("network units missing")
		}
		if strings.Count(page, "adsbygoogle.js") != 1 {
			t.Error("the loader is not there exactly once")
		}
	})
}

// pollOn returns the question of the poll a reader page shows, "" for none.
func pollOn(t *testing.T, e *nrtest.Env, path string) string {
	t.Helper()
	_, _, page := reader(t, e, path)
	m := regexp.MustCompile(`<p id="poll-\d+" class="poll-q">([^<]*)</p>`).FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return m[1]
}

// Issue 14: a poll made for one article shows only there (before, attaching
// it made it the site-wide poll); editors choose the home page's poll.
func TestArticlePollsAndHomePoll(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st, cached)
		b := newBrowser(t, e)
		b.login(domain.RoleEditor)
		b.get("/redaksi/polling/baru")
		newPoll := func(q, scope string) int64 {
			t.Helper()
			p := b.post("/redaksi/polling/baru", url.Values{"csrf": {b.csrf}, "question": {q}, "options": {"Ya\nTidak"}, "scope": {scope}})
			if p.code != 303 {
				t.Fatalf("new poll %q: %d %s", q, p.code, p.body)
			}
			var id int64
			for _, c := range strings.TrimPrefix(strings.Split(p.location, "?")[0], "/redaksi/polling/") {
				id = id*10 + int64(c-'0')
			}
			return id
		}
		siteOld := newPoll("Setujukah Anda dengan kenaikan tarif?", "site")
		newPoll("Apakah Anda mudik tahun ini?", "site")
		own := newPoll("Apakah banjir sampai ke rumah Anda?", "article")
		flood := e.CreateArticle(t, map[string]any{"title": "Banjir Jakarta", "category": "nasional", "status": "published", "poll_id": own})
		e.CreateArticle(t, map[string]any{"title": "Harga Cabai", "category": "nasional", "status": "published"})
		_ = flood
		if got := pollOn(t, e, "/berita/banjir-jakarta"); got != "Apakah banjir sampai ke rumah Anda?" {
			t.Errorf("the article shows %q, want its own poll", got)
		}
		if got := pollOn(t, e, "/"); got != "Apakah Anda mudik tahun ini?" {
			t.Errorf("the home page shows %q, want the newest site poll (never the article's)", got)
		}
		if got := pollOn(t, e, "/berita/harga-cabai"); got != "Apakah Anda mudik tahun ini?" {
			t.Errorf("an article without a poll shows %q, want the site poll", got)
		}
		// The newsroom lists the choice; an article-only poll is not offered.
		p := b.get("/redaksi/polling")
		if !strings.Contains(p.body, `<option value="auto" selected>`) || strings.Contains(p.body, `<option value="`+itoa(own)+`"`) ||
			!strings.Contains(p.body, `<option value="`+itoa(siteOld)+`">`) {
			t.Errorf("home poll choice on the polls page:\n%s", between(p.body, `<select id="home-poll"`, `</select>`))
		}
		// Editors choose the older one (a plain form post: no JavaScript needed); cached pages drop at once.
		if p := b.post("/redaksi/polling/beranda", url.Values{"csrf": {b.csrf}, "home_poll": {itoa(siteOld)}}); p.code != 303 {
			t.Fatalf("choose the home poll: %d %s", p.code, p.body)
		}
		if got := pollOn(t, e, "/"); got != "Setujukah Anda dengan kenaikan tarif?" {
			t.Errorf("after choosing, the home page shows %q", got)
		}
		if got := pollOn(t, e, "/berita/banjir-jakarta"); got != "Apakah banjir sampai ke rumah Anda?" {
			t.Errorf("the article lost its own poll: %q", got)
		}
		// Choosing the article's poll for the home page is refused, clearly.
		if p := b.post("/redaksi/polling/beranda", url.Values{"csrf": {b.csrf}, "home_poll": {itoa(own)}}); p.code != 400 || !strings.Contains(p.body, "khusus artikel") {
			t.Errorf("article poll as home poll: %d", p.code)
		}
		for _, bad := range []string{"abc", "-1", "999999"} {
			r := e.API(t, domain.RoleEditor, "PUT", "/settings/home-poll", map[string]string{"home_poll": bad})
			if r.Status != 400 && r.Status != 404 {
				t.Errorf("home poll %q: %d %s", bad, r.Status, r.Body)
			}
		}
		// None.
		r := e.API(t, domain.RoleEditor, "PUT", "/settings/home-poll", map[string]string{"home_poll": "none"})
		if r.Status != 200 || !strings.Contains(string(r.Body), `"home_poll":"none"`) {
			t.Errorf("PUT none: %d %s", r.Status, r.Body)
		}
		if got := pollOn(t, e, "/"); got != "" {
			t.Errorf("no home poll, but the home page shows %q", got)
		}
		if got := pollOn(t, e, "/berita/banjir-jakarta"); got == "" {
			t.Error("no home poll hid the article's own poll")
		}
		// A writer may not choose.
		if r := e.API(t, domain.RoleWriter, "PUT", "/settings/home-poll", map[string]string{"home_poll": "auto"}); r.Status != 403 {
			t.Errorf("writer chooses the home poll: %d", r.Status)
		}
		// Turning the article's poll into a site poll (admin API) shows it on the home page once chosen.
		r = e.API(t, domain.RoleEditor, "PATCH", "/polls/"+itoa(own), map[string]string{"scope": "site"})
		if r.Status != 200 || !strings.Contains(string(r.Body), `"scope":"site"`) {
			t.Fatalf("scope change: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, domain.RoleEditor, "PUT", "/settings/home-poll", map[string]string{"home_poll": itoa(own)}); r.Status != 200 {
			t.Fatalf("choose it: %d %s", r.Status, r.Body)
		}
		if got := pollOn(t, e, "/"); got != "Apakah banjir sampai ke rumah Anda?" {
			t.Errorf("home shows %q", got)
		}
		if r := e.API(t, domain.RoleEditor, "PATCH", "/polls/"+itoa(own), map[string]string{"scope": "everywhere"}); r.Status != 400 {
			t.Errorf("unknown scope: %d", r.Status)
		}
	})
}

func itoa(v int64) string { return strconv.FormatInt(v, 10) }

// The newsroom is the site's too: once an admin saves a site name, the
// newsroom's header and page titles show it for every account (not the
// server's --site-name), the settings form still names the server's default,
// and clearing the name brings the default back.
func TestNewsroomShowsTheSavedSiteName(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		admin, writer := newBrowser(t, e), newBrowser(t, e)
		admin.login(domain.RoleAdmin)
		writer.login(domain.RoleWriter)
		brand := func(p page) string { return between(p.body, `<a class="brand"`, `</a>`) }
		if p := writer.get("/redaksi/artikel"); !strings.Contains(brand(p), "Redaksi <strong>Warta</strong>") {
			t.Fatalf("newsroom header before any setting: %q", brand(p))
		}
		save := func(name string) {
			t.Helper()
			p := admin.post("/redaksi/pengaturan", url.Values{"csrf": {admin.csrf}, "section": {"identitas"}, "site_name": {name}, "tagline": {""}})
			if p.code != http.StatusSeeOther {
				t.Fatalf("save site name %q: %d %s", name, p.code, p.body)
			}
		}
		save("Kabar Kita")
		for _, b := range []*browser{writer, admin} {
			p := b.get("/redaksi/artikel")
			if !strings.Contains(brand(p), "Redaksi <strong>Kabar Kita</strong>") || !strings.Contains(p.body, "— Redaksi Kabar Kita</title>") {
				t.Errorf("newsroom header or title keeps the server's name after the admin saved one: %q", brand(p))
			}
		}
		if p := admin.get("/redaksi/pengaturan"); !strings.Contains(p.body, `value="Kabar Kita"`) || !strings.Contains(p.body, `placeholder="bawaan server: Warta"`) {
			t.Error("the settings form does not show the saved name beside the server's default")
		}
		if p := writer.get("/redaksi/tidak-ada"); p.code != http.StatusNotFound || !strings.Contains(brand(p), "Kabar Kita") {
			t.Errorf("newsroom error page: %d, header %q", p.code, brand(p))
		}
		save("")
		if p := writer.get("/redaksi/artikel"); !strings.Contains(brand(p), "Redaksi <strong>Warta</strong>") {
			t.Errorf("cleared site name: the header shows %q, want the server's default", brand(p))
		}
	})
}

var asideName = regexp.MustCompile(`<aside [^>]*aria-label="([^"]*)"`)

// uniqueAdNames checks that page has at least min ad boxes and that no two
// of its labelled asides share a name.
func uniqueAdNames(t *testing.T, path, page string, min int) {
	t.Helper()
	if n := strings.Count(page, `<aside class="ad `); n < min {
		t.Errorf("%s: %d ad boxes, want at least %d", path, n, min)
	}
	seen := map[string]bool{}
	for _, m := range asideName.FindAllStringSubmatch(page, -1) {
		if seen[m[1]] {
			t.Errorf("%s: two asides named %q", path, m[1])
		}
		seen[m[1]] = true
	}
}
