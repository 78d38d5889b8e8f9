package server

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strings"

	"warta/internal/domain"
	"warta/internal/web"
)

// edgeBodyLimit is the largest form or JSON body the edge check reads
// ahead. Bigger bodies (uploads) go on unread, to the handlers' own limits
// and checks: reading them here would let anyone make the server buffer
// them before a handler's smaller limit applies.
const edgeBodyLimit = 256 << 10

// validInput refuses, before any handler runs, a request whose path, query
// or form carries text the database would refuse or store corrupted: bytes
// that are not UTF-8, or NUL (issue 16, M6: on PostgreSQL they gave 500s,
// anonymous ones too; on SQLite they were stored as they came). The answer
// is a 400 with the reason: JSON under /api/, the site's error page
// elsewhere.
func (s *Server) validInput(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := checkRequest(r); err != nil {
			if strings.HasPrefix(r.URL.Path, "/api/") {
				web.JSONError(w, err)
				return
			}
			if s.cfg.ErrorPage != nil {
				s.cfg.ErrorPage(w, r, err)
				return
			}
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.WriteHeader(web.StatusOf(err))
			w.Write([]byte("Permintaan tidak dapat diproses: " + domain.ErrorMessage(err) + ".\n"))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func checkRequest(r *http.Request) error {
	if err := web.CheckText("alamat halaman", r.URL.Path); err != nil {
		return err
	}
	if err := web.CheckQuery(r.URL.RawQuery); err != nil {
		return err
	}
	if r.Body == nil || r.Body == http.NoBody || r.ContentLength > edgeBodyLimit ||
		(r.Method != http.MethodPost && r.Method != http.MethodPut && r.Method != http.MethodPatch) {
		return nil
	}
	ctype, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	switch ctype {
	case "application/x-www-form-urlencoded", "multipart/form-data", "application/json":
	default:
		return nil
	}
	body := r.Body
	buf, err := io.ReadAll(io.LimitReader(body, edgeBodyLimit+1))
	if err != nil || len(buf) > edgeBodyLimit {
		// Too big or broken to check here: the handler reads it as it came.
		r.Body = readCloser{io.MultiReader(bytes.NewReader(buf), body), body}
		return nil
	}
	r.Body = readCloser{bytes.NewReader(buf), body}
	switch ctype {
	case "application/x-www-form-urlencoded":
		return web.CheckQuery(string(buf))
	case "multipart/form-data":
		return checkMultipart(buf, params["boundary"])
	default:
		return checkJSON(buf)
	}
}

type readCloser struct {
	io.Reader
	io.Closer
}

// checkMultipart checks the text fields of a multipart form (not its files).
// A form that does not parse is left to the handler, which says so.
func checkMultipart(buf []byte, boundary string) error {
	if boundary == "" {
		return nil
	}
	mr := multipart.NewReader(bytes.NewReader(buf), boundary)
	for {
		p, err := mr.NextPart()
		if err != nil {
			return nil
		}
		if p.FileName() != "" {
			continue
		}
		v, err := io.ReadAll(p)
		if err != nil {
			return nil
		}
		if err := web.CheckText("kolom "+quoteName(p.FormName()), string(v)); err != nil {
			return err
		}
	}
}

func quoteName(n string) string { return `"` + strings.ToValidUTF8(n, "?") + `"` }

// errJSONNul is why a JSON body with a \u0000 escape is refused; invalid
// UTF-8 in JSON is already replaced by the decoder, and a raw NUL is not
// valid JSON.
var errJSONNul = domain.Invalid("isi JSON berisi karakter NUL (\\u0000) yang tidak diizinkan")

// checkJSON finds a \u0000 escape in a JSON body (an escaped backslash
// followed by "u0000" is ordinary text).
func checkJSON(buf []byte) error {
	for i := 0; ; {
		j := bytes.Index(buf[i:], []byte(`u0000`))
		if j < 0 {
			return nil
		}
		j += i
		n := 0
		for k := j - 1; k >= 0 && buf[k] == '\\'; k-- {
			n++
		}
		if n%2 == 1 {
			return errJSONNul
		}
		i = j + 5
	}
}
