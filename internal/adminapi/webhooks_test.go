package adminapi_test

import (
	"bytes"
	"net/http"
	"strconv"
	"testing"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

func TestWebhooksAdminOnlyRegisterLogPingRetry(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		for _, role := range []domain.Role{editor, writer, moderator} {
			if r := e.API(t, role, "GET", "/webhooks", nil); r.Status != http.StatusForbidden {
				t.Errorf("%v lists webhooks: %d", role, r.Status)
			}
		}
		r := e.API(t, admin, "POST", "/webhooks", map[string]any{"url": "https://penerima.example/hook", "events": []string{"published"},
			"description": "Aplikasi mitra"})
		if r.Status != http.StatusCreated {
			t.Fatalf("create: %d %s", r.Status, r.Body)
		}
		var h struct {
			ID     int64    `json:"id"`
			Secret string   `json:"secret"`
			Events []string `json:"events"`
			Active bool     `json:"active"`
		}
		r.Data(t, &h)
		if h.ID == 0 || len(h.Secret) < 32 || len(h.Events) != 1 || !h.Active {
			t.Fatalf("created %+v", h)
		}
		id := strconv.FormatInt(h.ID, 10)
		if r := e.API(t, admin, "GET", "/webhooks/"+id, nil); r.Status != 200 || contains(r.Body, h.Secret) {
			t.Errorf("get shows the secret again or fails: %d %s", r.Status, r.Body)
		}
		for _, bad := range []map[string]any{{"url": "ftp://x.example"}, {"url": "https://x.example", "events": []string{"deleted"}}, {}} {
			if r := e.API(t, admin, "POST", "/webhooks", bad); r.Status != 400 {
				t.Errorf("create %v: %d", bad, r.Status)
			}
		}
		if r := e.API(t, admin, "PATCH", "/webhooks/"+id, map[string]any{"active": false}); r.Status != 200 || !contains(r.Body, `"active":false`) ||
			!contains(r.Body, `"url":"https://penerima.example/hook"`) {
			t.Errorf("patch: %d %s", r.Status, r.Body)
		}
		r = e.API(t, admin, "POST", "/webhooks/"+id+"/ping", nil)
		if r.Status != http.StatusAccepted || !contains(r.Body, `"event":"ping"`) || !contains(r.Body, `"status":"pending"`) {
			t.Fatalf("ping: %d %s", r.Status, r.Body)
		}
		var d struct {
			ID int64 `json:"id"`
		}
		r.Data(t, &d)
		r = e.API(t, admin, "GET", "/webhooks/"+id+"/deliveries", nil)
		if r.Status != 200 || !contains(r.Body, `"total":1`) {
			t.Errorf("log: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, admin, "POST", "/webhooks/"+id+"/deliveries/"+strconv.FormatInt(d.ID, 10)+"/retry", nil); r.Status != http.StatusAccepted {
			t.Errorf("retry: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, admin, "POST", "/webhooks/"+id+"/deliveries/999999/retry", nil); r.Status != 404 {
			t.Errorf("retry unknown: %d", r.Status)
		}
		if r := e.API(t, admin, "DELETE", "/webhooks/"+id, nil); r.Status != http.StatusNoContent {
			t.Errorf("delete: %d %s", r.Status, r.Body)
		}
		if r := e.API(t, admin, "GET", "/webhooks/"+id, nil); r.Status != 404 {
			t.Errorf("after delete: %d", r.Status)
		}
	})
}

func contains(b []byte, s string) bool { return bytes.Contains(b, []byte(s)) }
