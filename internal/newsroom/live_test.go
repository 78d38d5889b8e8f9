package newsroom_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

func liveFetch(t *testing.T, u string) (int, http.Header, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

// An editor runs a live report from the newsroom without JavaScript: makes
// the article live, posts, fixes and deletes updates (a refused update keeps
// what was typed), and ends it; readers see each step.
func TestLiveReportInTheNewsroom(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		id := e.CreateArticle(t, map[string]any{"title": "Pemilu 2029: Hitung Cepat", "category": "nasional", "status": "published"})
		b := newBrowser(t, e)
		b.login(domain.RoleEditor)
		base := fmt.Sprintf("/redaksi/artikel/%d/langsung", id)
		if p := b.get(fmt.Sprintf("/redaksi/artikel/%d", id)); !strings.Contains(p.body, `href="`+base+`"`) {
			t.Fatal("the editor page does not link to the live report")
		}
		if p := b.get(base); p.code != 200 || !strings.Contains(p.body, "Jadikan laporan langsung") {
			t.Fatalf("live page of a plain article: %d", p.code)
		}
		post := func(path string, kv ...string) page {
			v := url.Values{"csrf": {b.csrf}}
			for i := 0; i+1 < len(kv); i += 2 {
				v.Set(kv[i], kv[i+1])
			}
			return b.post(path, v)
		}
		if p := post(base + "/mulai"); p.code != http.StatusSeeOther {
			t.Fatalf("start: %d %s", p.code, p.body)
		}
		p := b.get(base + "?ok=langsung")
		if !strings.Contains(p.body, "Laporan langsung berlangsung") || !strings.Contains(p.body, "Tambah pembaruan") {
			t.Fatalf("running report page: %s", p.body)
		}
		if p := post(base+"/pembaruan", "title", "Quick count 10%", "body", "  "); p.code != http.StatusBadRequest ||
			!strings.Contains(p.body, "isi pembaruan wajib diisi") || !strings.Contains(p.body, `value="Quick count 10%"`) {
			t.Errorf("empty update: %d, typed title kept: %v", p.code, strings.Contains(p.body, "Quick count 10%"))
		}
		if p := post(base+"/pembaruan", "title", "Quick count 10%", "body", "Data masuk **10%**."); p.code != http.StatusSeeOther {
			t.Fatalf("add: %d %s", p.code, p.body)
		}
		p = b.get(base)
		m := regexp.MustCompile(`action="` + base + `/pembaruan/(\d+)"`).FindStringSubmatch(p.body)
		if m == nil || !strings.Contains(p.body, "<strong>10%</strong>") {
			t.Fatalf("the update is not listed: %s", p.body)
		}
		upd := base + "/pembaruan/" + m[1]
		if p := post(upd, "title", "Quick count 12%", "body", "Data masuk 12%."); p.code != http.StatusSeeOther {
			t.Fatalf("edit: %d", p.code)
		}
		_, _, reader := liveFetch(t, e.URL+"/berita/pemilu-2029-hitung-cepat")
		if !strings.Contains(reader, "Quick count 12%") || strings.Contains(reader, "Quick count 10%") {
			t.Error("readers do not see the edited update")
		}
		if p := post(upd + "/hapus"); p.code != http.StatusSeeOther {
			t.Fatalf("delete: %d", p.code)
		}
		if _, _, reader = liveFetch(t, e.URL+"/berita/pemilu-2029-hitung-cepat"); strings.Contains(reader, "Quick count") {
			t.Error("readers still see the deleted update")
		}
		if p := post(base + "/akhiri"); p.code != http.StatusSeeOther {
			t.Fatalf("end: %d", p.code)
		}
		if p := b.get(base); !strings.Contains(p.body, "Buka lagi laporan langsung") || strings.Contains(p.body, "Tambah pembaruan") {
			t.Error("an ended report still offers new updates")
		}
		if _, _, reader = liveFetch(t, e.URL+"/berita/pemilu-2029-hitung-cepat"); !strings.Contains(reader, "Laporan langsung selesai") {
			t.Error("readers are not told the report ended")
		}
		// A writer sees the page of their own article only, without the editors' buttons.
		w := newBrowser(t, e)
		w.login(domain.RoleWriter)
		if p := w.get(base); p.code != http.StatusForbidden {
			t.Errorf("writer opens an editor's live report: %d", p.code)
		}
	})
}

// The editor form sets the end of Breaking News in the site's zone.
func TestBreakingUntilInTheEditorForm(t *testing.T) {
	e := nrtest.New(t, testdb.SQLite(t))
	id := e.CreateArticle(t, map[string]any{"title": "Banjir Bandang Garut", "category": "nasional", "status": "published"})
	b := newBrowser(t, e)
	b.login(domain.RoleEditor)
	p := b.get(fmt.Sprintf("/redaksi/artikel/%d", id))
	if !strings.Contains(p.body, `name="breaking_until"`) {
		t.Fatal("the editor form has no Breaking sampai field")
	}
	version := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(p.body)
	until := time.Now().In(e.Location).Add(3 * time.Hour).Truncate(time.Minute)
	v := url.Values{"csrf": {b.csrf}, "title": {"Banjir Bandang Garut"}, "slug": {"banjir-bandang-garut"}, "category": {"nasional"},
		"body": {"Isi."}, "placement": {"1"}, "breaking": {"1"}, "breaking_until": {until.Format("2006-01-02T15:04")},
		"hot_badge": {"auto"}, "action": {"save"}}
	if version != nil {
		v.Set("version", version[1])
	}
	if p := b.post(fmt.Sprintf("/redaksi/artikel/%d", id), v); p.code != http.StatusSeeOther {
		t.Fatalf("save: %d %s", p.code, p.body)
	}
	var a struct {
		Breaking      bool   `json:"breaking"`
		BreakingUntil string `json:"breaking_until"`
	}
	e.API(t, domain.RoleEditor, "GET", fmt.Sprintf("/articles/%d", id), nil).Data(t, &a)
	if got, err := time.Parse(time.RFC3339, a.BreakingUntil); !a.Breaking || err != nil || !got.Equal(until) {
		t.Errorf("after the save: breaking %v until %q, want %v", a.Breaking, a.BreakingUntil, until)
	}
	if p := b.get(fmt.Sprintf("/redaksi/artikel/%d", id)); !strings.Contains(p.body, `value="`+until.Format("2006-01-02T15:04")+`"`) {
		t.Error("the form does not show the stored end")
	}
}
