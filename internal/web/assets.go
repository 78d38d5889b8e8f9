package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

// Assets serves embedded static files under content-hashed names
// (style.css -> style.3f2a9c1b.css) so browsers may cache them for a year.
type Assets struct {
	prefix string
	byName map[string]string // "style.css" -> "/static/style.3f2a9c1b.css"
	files  map[string]asset  // "style.3f2a9c1b.css" -> content
}

type asset struct {
	body  []byte
	gz    []byte // compressed once at start-up; nil when it does not pay
	ctype string
	etag  string
}

// NewAssets reads every file of fsys and serves it under prefix ("/static/").
func NewAssets(fsys fs.FS, prefix string) (*Assets, error) {
	a := &Assets{prefix: prefix, byName: map[string]string{}, files: map[string]asset{}}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		h := hex.EncodeToString(sum[:])[:10]
		ext := path.Ext(p)
		hashed := strings.TrimSuffix(p, ext) + "." + h + ext
		ctype := mime.TypeByExtension(ext)
		if ctype == "" {
			ctype = http.DetectContentType(body)
		}
		a.byName[p] = prefix + hashed
		a.files[hashed] = asset{body: body, gz: Gzip(body), ctype: ctype, etag: `"` + h + `"`}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("assets: %w", err)
	}
	return a, nil
}

// URL returns the hashed URL of a file, e.g. URL("style.css").
func (a *Assets) URL(name string) string {
	if u, ok := a.byName[name]; ok {
		return u
	}
	return a.prefix + name
}

// ServeHTTP serves a hashed file with immutable caching.
func (a *Assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, a.prefix)
	f, ok := a.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ctype)
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	h.Set("Vary", "Accept-Encoding")
	body, etag := f.body, f.etag
	if f.gz != nil && AcceptsGzip(r) {
		body, etag = f.gz, GzipETag(f.etag)
		h.Set("Content-Encoding", "gzip")
	}
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}
