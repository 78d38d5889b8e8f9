package adminapi_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"warta/internal/app"
	"warta/internal/domain"
	"warta/internal/media"
	"warta/internal/newsroom/nrtest"
	"warta/internal/site"
	"warta/internal/store"
	"warta/internal/testdb"
	"warta/internal/testobj"
)

func jpegOf(w, h int, tint uint8) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), tint, 255})
		}
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, nil)
	return buf.Bytes()
}

type uploaded struct {
	URL    string `json:"url"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Srcset string `json:"srcset"`
}

func upload(t *testing.T, e *nrtest.Env, data []byte) uploaded {
	t.Helper()
	r := e.API(t, domain.RoleEditor, http.MethodPost, "/uploads", data)
	if r.Status/100 != 2 {
		t.Fatalf("upload: %d %s", r.Status, r.Body)
	}
	var u uploaded
	r.Data(t, &u)
	return u
}

func get(t *testing.T, url string) (int, string, []byte) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header.Get("Content-Type"), b
}

func keys(t *testing.T, srcset string) []string {
	t.Helper()
	var out []string
	for _, part := range strings.Split(srcset, ", ") {
		u, _, _ := strings.Cut(part, " ")
		out = append(out, strings.TrimPrefix(u, "/media/"))
	}
	return out
}

// Photos go through the media backend, whichever it is: uploaded, served
// to readers with caching headers, served as well by a second machine that
// shares only the database and the object store, and deleted with all
// their copies when the article no longer shows them (issue 18).
func TestMediaThroughEveryBackend(t *testing.T) {
	for _, kind := range []string{"folder", "s3"} {
		t.Run(kind, func(t *testing.T) {
			testdb.Each(t, func(t *testing.T, st *store.Store) {
				var backend media.Backend
				withBackend := func(*app.Config) {}
				if kind == "s3" {
					cfg := testobj.Bucket(t)
					b, err := media.NewS3(context.Background(), cfg)
					if err != nil {
						t.Fatal(err)
					}
					backend = b
					withBackend = func(c *app.Config) { c.Media = b }
				}
				a := nrtest.New(t, st, withBackend)
				if backend == nil {
					backend = media.Dir(a.MediaDir)
				}
				first := upload(t, a, jpegOf(1600, 900, 10))
				id := a.CreateArticle(t, map[string]any{"title": "Banjir Rob Rendam Pesisir Utara", "status": "published", "category": "nasional",
					"body": "Air laut naik.", "photo_url": first.URL, "photo_width": first.Width, "photo_height": first.Height})
				ctx := context.Background()
				for _, k := range keys(t, first.Srcset) {
					if ok, err := backend.Exists(ctx, k); err != nil || !ok {
						t.Fatalf("rendition %s not in the %s backend (%v)", k, kind, err)
					}
				}
				code, ctype, body := get(t, a.URL+first.URL)
				if code != 200 || ctype != "image/jpeg" || len(body) < 1000 {
					t.Fatalf("photo served: %d %s %d bytes", code, ctype, len(body))
				}
				if kind == "s3" {
					// Machine B: same database and bucket, its own (empty) folder.
					cfg := app.Config{Site: site.Config{Name: "Warta", BaseURL: "http://warta.test"}, MediaDir: t.TempDir(), Secret: []byte("test-secret")}
					withBackend(&cfg)
					b, err := app.New(context.Background(), st, cfg)
					if err != nil {
						t.Fatal(err)
					}
					srv := httptest.NewServer(b)
					defer srv.Close()
					if code, _, other := get(t, srv.URL+first.URL); code != 200 || !bytes.Equal(other, body) {
						t.Errorf("second machine serves the photo: %d, same bytes %v", code, bytes.Equal(other, body))
					}
				}
				// A new lead photo: the old one's copies go.
				second := upload(t, a, jpegOf(1200, 800, 200))
				r := a.API(t, domain.RoleEditor, http.MethodPatch, "/articles/"+itoa(id), map[string]any{
					"photo_url": second.URL, "photo_width": second.Width, "photo_height": second.Height})
				if r.Status != 200 {
					t.Fatalf("replace photo: %d %s", r.Status, r.Body)
				}
				for _, k := range keys(t, first.Srcset) {
					if ok, _ := backend.Exists(ctx, k); ok {
						t.Errorf("old rendition %s kept after the photo was replaced", k)
					}
				}
				if code, _, _ := get(t, a.URL+first.URL); code != 404 {
					t.Errorf("old photo still served: %d", code)
				}
				// Deleting the article deletes its photo.
				if r := a.API(t, domain.RoleEditor, http.MethodDelete, "/articles/"+itoa(id), nil); r.Status/100 != 2 {
					t.Fatalf("delete: %d %s", r.Status, r.Body)
				}
				for _, k := range keys(t, second.Srcset) {
					if ok, _ := backend.Exists(ctx, k); ok {
						t.Errorf("rendition %s kept after the article was deleted", k)
					}
				}
			})
		})
	}
}

// A photo two articles show stays until neither does.
func TestSharedPhotoStaysWhileShown(t *testing.T) {
	st := testdb.SQLite(t)
	a := nrtest.New(t, st)
	p := upload(t, a, jpegOf(900, 600, 90))
	one := a.CreateArticle(t, map[string]any{"title": "Satu", "status": "published", "category": "nasional", "body": "x", "photo_url": p.URL, "photo_width": p.Width, "photo_height": p.Height})
	a.CreateArticle(t, map[string]any{"title": "Dua", "status": "published", "category": "nasional", "body": "y", "photo_url": p.URL, "photo_width": p.Width, "photo_height": p.Height})
	if r := a.API(t, domain.RoleEditor, http.MethodDelete, "/articles/"+itoa(one), nil); r.Status/100 != 2 {
		t.Fatalf("delete: %d", r.Status)
	}
	if code, _, _ := get(t, a.URL+p.URL); code != 200 {
		t.Errorf("photo still shown by another article answers %d", code)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
