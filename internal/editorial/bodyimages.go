package editorial

import (
	"errors"
	"strings"

	"warta/internal/domain"
	"warta/internal/media"
	"warta/internal/render"
)

// BodyImage is an image uploaded for an article body, with the Markdown
// line that shows it there as a figure (issue 14; render/figures.go).
type BodyImage struct {
	media.Image
	Markdown string `json:"markdown"`
}

// UploadBodyImages stores images for an article body, each through the
// same checks as the lead photo (Upload), and returns them with the
// Markdown that places them: one image is a figure, several on consecutive
// lines a gallery. caption and credit go to every image (the writer edits
// each line afterwards). More than render.MaxGallery at once is refused.
func (s *Service) UploadBodyImages(u *domain.User, files [][]byte, caption, credit string) ([]BodyImage, string, error) {
	if len(files) == 0 {
		return nil, "", domain.Invalid("pilih berkas gambar terlebih dahulu")
	}
	if len(files) > render.MaxGallery {
		return nil, "", domain.Invalid("paling banyak %d gambar sekaligus untuk satu galeri (dipilih %d)", render.MaxGallery, len(files))
	}
	if err := checkRunes("keterangan foto", caption, MaxCaption); err != nil {
		return nil, "", err
	}
	if err := checkRunes("sumber foto", credit, MaxCredit); err != nil {
		return nil, "", err
	}
	caption, credit = strings.TrimSpace(caption), strings.TrimSpace(credit)
	out := make([]BodyImage, 0, len(files))
	lines := make([]string, 0, len(files))
	for i, data := range files {
		img, err := s.Upload(u, data)
		if err != nil {
			var de *domain.Error
			if len(files) > 1 && errors.As(err, &de) { // which of the files it was
				return nil, "", domain.Errorf(de.Code, "gambar ke-%d: %s", i+1, de.Message)
			}
			return nil, "", err
		}
		line := render.ImageMarkdown(img.URL, caption, credit)
		out = append(out, BodyImage{Image: img, Markdown: line})
		lines = append(lines, line)
	}
	return out, render.GalleryMarkdown(lines), nil
}
