package newsroom_test

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

var proposalRe = regexp.MustCompile(`^/redaksi/ralat/(\d+)\?ok=usulan$`)

// articleAsReader is an article page as a reader without cookies gets it.
func articleAsReader(t *testing.T, e *nrtest.Env, slug string) string {
	t.Helper()
	return html.UnescapeString(readerPage(t, e.URL+"/berita/"+slug))
}

// publishedByWriter makes an article the writer wrote and an editor
// published, and returns its id and slug.
func publishedByWriter(t *testing.T, e *nrtest.Env, fields map[string]any) (int64, string) {
	t.Helper()
	r := e.API(t, domain.RoleWriter, http.MethodPost, "/articles", fields)
	var out struct {
		ID   int64  `json:"id"`
		Slug string `json:"slug"`
	}
	if r.Data(t, &out); r.Status != http.StatusCreated {
		t.Fatalf("writer creates: %d %s", r.Status, r.Body)
	}
	if r := e.API(t, domain.RoleEditor, http.MethodPatch, fmt.Sprintf("/articles/%d", out.ID), map[string]any{"status": "published"}); r.Status != 200 {
		t.Fatalf("editor publishes: %d %s", r.Status, r.Body)
	}
	return out.ID, out.Slug
}

// Issue 12 item 8: a writer opening their own published article gets it
// read-only with "Usulkan ralat" (no form whose save is refused). The
// proposal goes to the editors (a list and a count on the dashboard), who
// compare it with the article as it is and accept it, which applies it
// with a public correction note that readers see at once (the cached page
// is dropped), or reject it with a reason; the writer sees the outcome.
// Everything through the newsroom's pages, without JavaScript; the roles
// are checked by the server.
func TestWriterProposesACorrectionAndEditorDecides(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st, func(c *app.Config) { c.Site.PageCacheTTL = time.Hour })
		id, slug := publishedByWriter(t, e, map[string]any{"title": "Longsor di Cianjur", "category": "nasional",
			"excerpt": "Hujan deras memicu longsor.", "body": "Sebanyak 21 rumah tertimbun longsor.\n\nWarga mengungsi ke balai desa."})
		w := newBrowser(t, e)
		w.login(domain.RoleWriter)
		path := fmt.Sprintf("/redaksi/artikel/%d", id)
		p := w.get(path)
		if p.code != http.StatusOK || !strings.Contains(p.body, "Hanya bisa dibaca") || !strings.Contains(p.body, path+"/ralat") ||
			strings.Contains(p.body, `id="editor"`) || strings.Contains(p.body, `value="save"`) {
			t.Fatalf("writer's published article: %d, read-only view with Usulkan ralat expected", p.code)
		}
		if !strings.Contains(p.body, "<p>Sebanyak 21 rumah tertimbun longsor.</p>") {
			t.Error("read-only view does not show the body as readers see it")
		}
		if before := articleAsReader(t, e, slug); !strings.Contains(before, "Sebanyak 21 rumah") { // now cached for an hour
			t.Fatal("reader page lacks the body")
		}

		// The proposal form starts from the article; a reason is required.
		p = w.get(path + "/ralat")
		if p.code != http.StatusOK || !strings.Contains(p.body, ">Sebanyak 21 rumah tertimbun longsor.") {
			t.Fatalf("proposal form: %d", p.code)
		}
		version := regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(p.body)[1]
		form := url.Values{"csrf": {w.csrf}, "version": {version}, "title": {"Longsor di Cianjur"}, "excerpt": {"Hujan deras memicu longsor."},
			"body": {"Sebanyak 12 rumah tertimbun longsor.\n\nWarga mengungsi ke balai desa."}}
		if p := w.post(path+"/ralat", form); p.code != http.StatusBadRequest || !strings.Contains(p.body, "Alasan ralat wajib diisi") ||
			!strings.Contains(p.body, "Sebanyak 12 rumah") {
			t.Errorf("proposal without a reason: %d", p.code)
		}
		form.Set("reason", "Data BPBD: 12 rumah, bukan 21.")
		p = w.post(path+"/ralat", form)
		m := proposalRe.FindStringSubmatch(p.location)
		if p.code != http.StatusSeeOther || m == nil {
			t.Fatalf("propose: %d %s", p.code, p.location)
		}
		prop := "/redaksi/ralat/" + m[1]
		if p := w.get(prop); !strings.Contains(p.body, "menunggu keputusan editor") || strings.Contains(p.body, prop+"/terima") {
			t.Error("writer's proposal page: not pending, or offers the editor's buttons")
		}
		// Only the changed field is proposed.
		var got struct {
			Changes map[string]string `json:"changes"`
		}
		e.API(t, domain.RoleEditor, "GET", "/proposals/"+m[1], nil).Data(t, &got)
		if len(got.Changes) != 1 || !strings.HasPrefix(got.Changes["body"], "Sebanyak 12") {
			t.Errorf("proposed fields %v, want only the body", got.Changes)
		}

		// Nobody but editors decides; moderators do not even see the list.
		if p := w.post(prop+"/terima", url.Values{"csrf": {w.csrf}, "note": {"x"}}); p.code != http.StatusForbidden {
			t.Errorf("writer accepts: %d, want 403", p.code)
		}
		if r := e.API(t, domain.RoleWriter, "POST", "/proposals/"+m[1]+"/accept", map[string]string{}); r.Status != http.StatusForbidden {
			t.Errorf("writer accepts through the API: %d, want 403", r.Status)
		}
		mod := newBrowser(t, e)
		mod.login(domain.RoleModerator)
		if p := mod.get("/redaksi/ralat"); p.code != http.StatusForbidden {
			t.Errorf("moderator opens the proposals: %d, want 403", p.code)
		}

		// The editor: a count on the dashboard, the list, the comparison.
		ed := newBrowser(t, e)
		ed.login(domain.RoleEditor)
		if p := ed.get("/redaksi/"); !regexp.MustCompile(`data-proposals><span class="big">1</span>`).MatchString(p.body) {
			t.Error("dashboard does not count the waiting proposal")
		}
		if p := ed.get("/redaksi/ralat"); !strings.Contains(p.body, prop) || !strings.Contains(p.body, "Longsor di Cianjur") || !strings.Contains(p.body, "Wati Penulis") {
			t.Error("proposal list lacks the proposal")
		}
		p = ed.get(prop)
		body := html.UnescapeString(p.body)
		if !strings.Contains(body, "- Sebanyak 21 rumah tertimbun longsor.") || !strings.Contains(body, "+ Sebanyak 12 rumah tertimbun longsor.") ||
			!strings.Contains(body, "Data BPBD: 12 rumah, bukan 21.") || !strings.Contains(p.body, prop+"/terima") {
			t.Error("editor's proposal page lacks the comparison, the reason or the buttons")
		}
		if p := ed.get(path); !strings.Contains(p.body, `id="usulan-menunggu"`) || !strings.Contains(p.body, `href="`+prop+`"`) {
			t.Error("the editor's page of the article does not point to the waiting proposal")
		}
		p = ed.post(prop+"/terima", url.Values{"csrf": {ed.csrf}, "note": {"Jumlah rumah tertimbun diperbaiki menjadi 12."}})
		if p.code != http.StatusSeeOther {
			t.Fatalf("accept: %d", p.code)
		}
		after := articleAsReader(t, e, slug)
		if !strings.Contains(after, "Sebanyak 12 rumah") || strings.Contains(after, "Sebanyak 21 rumah") ||
			!strings.Contains(after, "Jumlah rumah tertimbun diperbaiki menjadi 12.") {
			t.Error("reader page does not show the accepted correction and its note")
		}
		if p := ed.post(prop+"/terima", url.Values{"csrf": {ed.csrf}}); p.code != http.StatusConflict || !strings.Contains(p.body, "sudah diterima") {
			t.Errorf("accepting twice: %d, want 409", p.code)
		}
		if p := w.get(path); !strings.Contains(p.body, "Usulan #"+m[1]) || !strings.Contains(p.body, "diterima") {
			t.Error("writer's article view does not show the outcome")
		}
		if p := w.get(prop); !strings.Contains(p.body, "Diterima oleh Eko Editor") {
			t.Error("writer's proposal page does not say who accepted it")
		}

		// A second proposal, rejected with a reason the writer reads.
		p = w.get(path + "/ralat")
		version = regexp.MustCompile(`name="version" value="(\d+)"`).FindStringSubmatch(p.body)[1]
		p = w.post(path+"/ralat", url.Values{"csrf": {w.csrf}, "version": {version}, "title": {"Longsor Besar di Cianjur"},
			"reason": {"Judul kurang kuat."}})
		m = proposalRe.FindStringSubmatch(p.location)
		if m == nil {
			t.Fatalf("second proposal: %d", p.code)
		}
		prop = "/redaksi/ralat/" + m[1]
		if p := ed.post(prop+"/tolak", url.Values{"csrf": {ed.csrf}, "reason": {" "}}); p.code != http.StatusBadRequest || !strings.Contains(p.body, "Alasan penolakan wajib diisi") {
			t.Errorf("rejecting without a reason: %d", p.code)
		}
		if p := ed.post(prop+"/tolak", url.Values{"csrf": {ed.csrf}, "reason": {"Judul sudah sesuai fakta."}}); p.code != http.StatusSeeOther {
			t.Fatalf("reject: %d", p.code)
		}
		if p := w.get(path); !strings.Contains(p.body, "ditolak</strong>: Judul sudah sesuai fakta.") {
			t.Error("writer does not see the rejection and its reason")
		}
		if a, _ := st.ArticleByIDAnyStatus(t.Context(), id); a.Title != "Longsor di Cianjur" {
			t.Errorf("rejected proposal changed the title to %q", a.Title)
		}
		if p := w.get("/redaksi/ralat"); !strings.Contains(p.body, "ditolak") || !strings.Contains(p.body, "diterima") {
			t.Error("writer's proposal list lacks the outcomes")
		}
	})
}

// A proposal carries the version it was made from, so a field an editor
// changed after the writer opened the form is not proposed back; a
// proposal that changes nothing, or one for an article that is not
// published, is refused; another writer cannot open someone's proposal.
func TestProposalKeepsLaterEditsAndRefusesNonsense(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		id, _ := publishedByWriter(t, e, map[string]any{"title": "Harga Beras Naik", "category": "nasional", "excerpt": "Ringkasan lama.", "body": "Isi."})
		r := e.API(t, domain.RoleWriter, "GET", fmt.Sprintf("/articles/%d", id), nil)
		opened := r.Header.Get("ETag")
		if r := e.API(t, domain.RoleEditor, "PATCH", fmt.Sprintf("/articles/%d", id), map[string]any{"excerpt": "Ringkasan editor."}); r.Status != 200 {
			t.Fatalf("editor edits: %d", r.Status)
		}
		// The writer's form still holds the old excerpt; only the body is new.
		req := map[string]any{"title": "Harga Beras Naik", "excerpt": "Ringkasan lama.", "body": "Isi yang benar.", "reason": "Salah data."}
		resp := apiWithIfMatch(t, e, domain.RoleWriter, fmt.Sprintf("/articles/%d/proposals", id), opened, req)
		var prop struct {
			ID      int64             `json:"id"`
			Changes map[string]string `json:"changes"`
		}
		if resp.Data(t, &prop); resp.Status != http.StatusCreated || len(prop.Changes) != 1 || prop.Changes["body"] != "Isi yang benar." {
			t.Fatalf("proposal from an older version: %d %s", resp.Status, resp.Body)
		}
		if r := e.API(t, domain.RoleEditor, "POST", fmt.Sprintf("/proposals/%d/accept", prop.ID), map[string]any{}); r.Status != 200 {
			t.Fatalf("accept: %d %s", r.Status, r.Body)
		}
		a, _ := st.ArticleByIDAnyStatus(t.Context(), id)
		if a.Excerpt != "Ringkasan editor." || a.BodySource != "Isi yang benar." {
			t.Errorf("after accepting: excerpt %q, body %q", a.Excerpt, a.BodySource)
		}
		notes, _ := st.Notes(t.Context(), id)
		if len(notes) != 1 || notes[0].Kind != domain.NoteCorrection || notes[0].Body != "Salah data." {
			t.Errorf("correction note (the reason, when the API sends none): %+v", notes)
		}
		if r := e.API(t, domain.RoleWriter, "POST", fmt.Sprintf("/articles/%d/proposals", id), map[string]any{"body": "Isi yang benar.", "reason": "Lagi."}); r.Status != http.StatusBadRequest {
			t.Errorf("proposal changing nothing: %d, want 400", r.Status)
		}
		draft := e.CreateArticle(t, map[string]any{"title": "Draf", "category": "nasional"})
		if r := e.API(t, domain.RoleEditor, "POST", fmt.Sprintf("/articles/%d/proposals", draft), map[string]any{"title": "X", "reason": "y"}); r.Status != http.StatusConflict {
			t.Errorf("proposal for a draft: %d, want 409", r.Status)
		}
		other, err := e.App.Editorial.AddUser(t.Context(), "penulis2@warta.test", "Penulis Dua", domain.RoleWriter, nrtest.Password)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.App.Editorial.Proposal(t.Context(), &other, prop.ID); domain.ErrorCode(err) != domain.EForbidden {
			t.Errorf("another writer opens the proposal: %v, want forbidden", err)
		}
	})
}

func apiWithIfMatch(t *testing.T, e *nrtest.Env, role domain.Role, path, etag string, body map[string]any) nrtest.Response {
	t.Helper()
	return e.APIWith(t, role, http.MethodPost, path, body, http.Header{"If-Match": {etag}})
}

// A writer takes back their own pending correction proposal ("Tarik
// usulan", a CSRF-protected form; the API the same): it leaves the editors'
// queue, stays on record as withdrawn with who and when, and the article is
// unchanged. Nobody else but an editor may withdraw it, and a decided
// proposal cannot be withdrawn.
func TestWriterWithdrawsTheirPendingProposal(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		id, slug := publishedByWriter(t, e, map[string]any{"title": "Banjir di Bekasi", "category": "nasional",
			"body": "Air setinggi 50 cm merendam 300 rumah."})
		propose := func(body string) string {
			t.Helper()
			r := e.API(t, domain.RoleWriter, "POST", fmt.Sprintf("/articles/%d/proposals", id), map[string]any{"body": body, "reason": "Data BPBD terbaru."})
			var p struct {
				ID int64 `json:"id"`
			}
			if r.Data(t, &p); r.Status != http.StatusCreated {
				t.Fatalf("propose: %d %s", r.Status, r.Body)
			}
			return fmt.Sprint(p.ID)
		}
		first, second, third, fourth := propose("Air setinggi 70 cm merendam 300 rumah."), propose("Air setinggi 60 cm."),
			propose("Air setinggi 80 cm."), propose("Air setinggi 90 cm.")

		w := newBrowser(t, e)
		w.login(domain.RoleWriter)
		page := "/redaksi/ralat/" + first
		if p := w.get(page); !strings.Contains(p.body, `action="`+page+`/tarik"`) || !strings.Contains(p.body, "Tarik usulan") {
			t.Fatal("the writer's pending proposal offers no Tarik usulan form")
		}
		// Another writer may not, nor a moderator, nor a form without its token.
		other, err := e.App.Editorial.AddUser(t.Context(), "penulis2@warta.test", "Penulis Dua", domain.RoleWriter, nrtest.Password)
		if err != nil {
			t.Fatal(err)
		}
		w2 := newBrowser(t, e)
		w2.get("/redaksi/masuk")
		if p := w2.post("/redaksi/masuk", url.Values{"csrf": {w2.csrf}, "email": {other.Email}, "password": {nrtest.Password}}); p.code != http.StatusSeeOther {
			t.Fatalf("second writer logs in: %d", p.code)
		}
		w2.get("/redaksi/")
		if p := w2.post(page+"/tarik", url.Values{"csrf": {w2.csrf}}); p.code != http.StatusForbidden {
			t.Errorf("another writer withdraws: %d, want 403", p.code)
		}
		if r := e.API(t, domain.RoleModerator, "POST", "/proposals/"+first+"/withdraw", nil); r.Status != http.StatusForbidden {
			t.Errorf("moderator withdraws through the API: %d, want 403", r.Status)
		}
		if p := w.post(page+"/tarik", url.Values{}); p.code != http.StatusForbidden {
			t.Errorf("withdraw without the CSRF token: %d, want 403", p.code)
		}

		p := w.post(page+"/tarik", url.Values{"csrf": {w.csrf}})
		if p.code != http.StatusSeeOther || p.location != page+"?ok=ralat-ditarik" {
			t.Fatalf("withdraw: %d %s", p.code, p.location)
		}
		p = w.get(p.location)
		if !strings.Contains(p.body, "Usulan ralat ditarik") || !strings.Contains(p.body, ">ditarik</strong>") ||
			!strings.Contains(p.body, "Ditarik oleh Wati Penulis") || strings.Contains(p.body, page+"/tarik") {
			t.Error("the withdrawn proposal's page does not say so, or still offers to withdraw it")
		}
		again := w.post(page+"/tarik", url.Values{"csrf": {w.csrf}})
		if again.code != http.StatusConflict || !strings.Contains(again.body, "sudah ditarik, jadi tidak bisa ditarik lagi") {
			t.Errorf("withdrawing twice: %d, want 409 with a clear message", again.code)
		}

		// The editors' queue no longer has it; it cannot be decided; the
		// article is as it was.
		ed := newBrowser(t, e)
		ed.login(domain.RoleEditor)
		if p := ed.get("/redaksi/ralat"); strings.Contains(p.body, `href="`+page+`"`) {
			t.Error("the withdrawn proposal is still in the editors' pending list")
		}
		if p := ed.get("/redaksi/ralat?status=withdrawn"); !strings.Contains(p.body, `href="`+page+`"`) {
			t.Error("the withdrawn proposal is not listed under Ditarik")
		}
		if p := ed.get(page); strings.Contains(p.body, page+"/terima") {
			t.Error("the editor is offered to accept a withdrawn proposal")
		}
		if r := e.API(t, domain.RoleEditor, "POST", "/proposals/"+first+"/accept", map[string]string{}); r.Status != http.StatusConflict {
			t.Errorf("accepting a withdrawn proposal: %d, want 409", r.Status)
		}
		if body := articleAsReader(t, e, slug); !strings.Contains(body, "Air setinggi 50 cm") {
			t.Error("withdrawing changed the article")
		}

		// The API: the proposer withdraws; a decided proposal is a 409 with
		// a message; an editor may withdraw one for the writer.
		r := e.API(t, domain.RoleWriter, "POST", "/proposals/"+second+"/withdraw", nil)
		var got struct {
			Status    string `json:"status"`
			DecidedBy string `json:"decided_by"`
			DecidedAt string `json:"decided_at"`
		}
		if r.Data(t, &got); r.Status != http.StatusOK || got.Status != "withdrawn" || got.DecidedBy != "Wati Penulis" || got.DecidedAt == "" {
			t.Errorf("API withdraw: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, domain.RoleEditor, "POST", "/proposals/"+third+"/reject", map[string]string{"reason": "Data belum resmi."}); r.Status != http.StatusOK {
			t.Fatalf("reject: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, domain.RoleWriter, "POST", "/proposals/"+third+"/withdraw", nil); r.Status != http.StatusConflict ||
			!strings.Contains(string(r.Body), "sudah ditolak") {
			t.Errorf("withdrawing a rejected proposal: %d %s, want 409", r.Status, r.Body)
		}
		if p := ed.post("/redaksi/ralat/"+fourth+"/tarik", url.Values{"csrf": {ed.csrf}}); p.code != http.StatusSeeOther {
			t.Fatalf("editor withdraws for the writer: %d", p.code)
		}
		if p := w.get("/redaksi/ralat/" + fourth); !strings.Contains(p.body, "Ditarik oleh Eko Editor") {
			t.Error("the writer does not see that the editor withdrew their proposal")
		}
	})
}
