package site

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// The site's icons (issue 14). Browsers, phones and tools ask for some at
// fixed addresses whatever the page links: /favicon.ico (the newsroom's,
// a feed reader's) and /apple-touch-icon.png (iOS's home screen). The
// pages link the hashed copies under /static/ and the web manifest.
// genimages.go draws every raster icon from logo.svg.

// rootFile answers a fixed address with an embedded static file, cached a
// day (the address never changes, so it cannot carry a hash).
func rootFile(name, ctype string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, err := staticFS.ReadFile("static/" + name)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h.Set("Content-Type", ctype)
		h.Set("Content-Length", strconv.Itoa(len(b)))
		h.Set("Cache-Control", "public, max-age=86400")
		w.Write(b)
	}
}

// webManifest is the W3C web app manifest: the name, colours and icons a
// phone uses when a reader adds the site to the home screen.
type webManifest struct {
	Name            string         `json:"name"`
	ShortName       string         `json:"short_name"`
	Description     string         `json:"description,omitempty"`
	Lang            string         `json:"lang"`
	StartURL        string         `json:"start_url"`
	Scope           string         `json:"scope"`
	Display         string         `json:"display"`
	BackgroundColor string         `json:"background_color"`
	ThemeColor      string         `json:"theme_color"`
	Icons           []manifestIcon `json:"icons"`
}

type manifestIcon struct {
	Src     string `json:"src"`
	Sizes   string `json:"sizes"`
	Type    string `json:"type"`
	Purpose string `json:"purpose,omitempty"`
}

// manifest answers /manifest.webmanifest, with the name and tagline in
// force (the newsroom's site settings, else --site-name and --tagline).
func (s *Site) manifest(w http.ResponseWriter, r *http.Request) {
	name, tagline := s.cfg.Name, s.cfg.Tagline
	if look, err := s.look(r.Context()); err == nil {
		name, tagline = look.Name, look.Tagline
	}
	m := webManifest{Name: name, ShortName: name, Description: tagline, Lang: "id",
		StartURL: "/", Scope: "/", Display: "minimal-ui", BackgroundColor: "#ffffff", ThemeColor: "#b3261e",
		Icons: []manifestIcon{
			{Src: s.assets.URL("icon-192.png"), Sizes: "192x192", Type: "image/png"},
			{Src: s.assets.URL(logoPNG), Sizes: "512x512", Type: "image/png"},
			{Src: s.assets.URL("icon-maskable-512.png"), Sizes: "512x512", Type: "image/png", Purpose: "maskable"},
			{Src: s.assets.URL("logo.svg"), Sizes: "any", Type: "image/svg+xml"},
		}}
	b, err := json.Marshal(m)
	if err != nil {
		http.Error(w, "Terjadi kesalahan pada server.", http.StatusInternalServerError)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "application/manifest+json")
	h.Set("Cache-Control", "public, max-age=3600") // a renamed site shows within the hour
	w.Write(b)
}
