package site

import (
	"testing"

	"warta/internal/domain"
	"warta/internal/media"
)

// photoImg takes the smallest upload at least as wide as the slot, sized
// in proportion; other photos keep their own URL and size.
func TestPhotoImgPicksTheSmallestWideEnoughRendition(t *testing.T) {
	base := "/media/u/0123456789abcdef01234567"
	up := domain.Photo{URL: base + "-1440.jpg", Width: 1440, Height: 960}
	got := photoImg(up, 480)
	if want := (img{Src: base + "-480.jpg", Srcset: media.Srcset(up.URL, 1440), Width: 480, Height: 320}); got != want {
		t.Errorf("card: %+v, want %+v", got, want)
	}
	if got.Srcset == "" {
		t.Error("an upload has a srcset")
	}
	if got := photoImg(up, 5000); got.Src != up.URL || got.Width != 1440 || got.Height != 960 {
		t.Errorf("wider than every copy: %+v, want the largest", got)
	}
	ext := domain.Photo{URL: "https://example.com/a.jpg", Width: 800, Height: 600}
	if got := photoImg(ext, 480); got != (img{Src: ext.URL, Width: 800, Height: 600}) {
		t.Errorf("external photo: %+v, want its own URL and size", got)
	}
}
