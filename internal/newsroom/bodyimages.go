package newsroom

import (
	"io"
	"mime/multipart"
	"net/http"

	"warta/internal/auth"
	"warta/internal/domain"
	"warta/internal/editorial"
	"warta/internal/web"
)

// Images in the article body (issue 14): the editor's "Gambar di isi
// berita" box uploads one image (a figure) or several (a gallery) through
// the same checks as the lead photo. With JavaScript each file goes to
// /redaksi/unggah as it is chosen and its Markdown is typed in at the
// cursor; without, the editor's form is sent with the "body_upload" action
// and the page comes back, with everything typed, showing the Markdown to
// paste.

// readFormFile reads one uploaded file of a form, refusing it over max.
func readFormFile(fh *multipart.FileHeader, max int64) ([]byte, error) {
	if fh.Size > max {
		return nil, domain.Errorf(domain.ETooLarge, "gambar terlalu besar: paling besar %d MB", max>>20)
	}
	file, err := fh.Open()
	if err != nil {
		return nil, domain.Invalid("berkas gambar tidak terbaca")
	}
	defer file.Close()
	data, err := io.ReadAll(file)
	if err != nil {
		return nil, domain.Invalid("berkas gambar tidak terbaca")
	}
	return data, nil
}

// bodyFiles returns the non-empty files of the form's body_files field.
func bodyFiles(r *http.Request) []*multipart.FileHeader {
	if r.MultipartForm == nil {
		return nil
	}
	var out []*multipart.FileHeader
	for _, fh := range r.MultipartForm.File["body_files"] {
		if fh.Size > 0 {
			out = append(out, fh)
		}
	}
	return out
}

// uploadBody stores the form's body images and returns them with their Markdown.
func (u *UI) uploadBody(r *http.Request, p *auth.Principal) ([]editorial.BodyImage, string, error) {
	fhs := bodyFiles(r)
	if len(fhs) == 0 {
		return nil, "", domain.Invalid("pilih berkas gambar untuk isi berita terlebih dahulu")
	}
	files := make([][]byte, 0, len(fhs))
	for _, fh := range fhs {
		data, err := readFormFile(fh, u.ed.MaxUpload())
		if err != nil {
			return nil, "", err
		}
		files = append(files, data)
	}
	return u.ed.UploadBodyImages(&p.User, files, r.PostFormValue("body_caption"), r.PostFormValue("body_credit"))
}

// bodyUploadJSON answers the editor's script: the images and the Markdown.
func (u *UI) bodyUploadJSON(w http.ResponseWriter, r *http.Request, p *auth.Principal) error {
	imgs, md, err := u.uploadBody(r, p)
	if err != nil {
		return err
	}
	web.JSON(w, http.StatusCreated, web.Envelope{Data: map[string]any{"images": imgs, "markdown": md}})
	return nil
}
