package site

import (
	"strconv"
	"strings"

	"warta/internal/domain"
	"warta/internal/media"
)

// img is what an <img> of an article photo carries: the rendition to load
// where srcset is not understood, the srcset of every uploaded width, and
// the intrinsic size of src (so the box is reserved before it loads).
type img struct {
	Src    string
	Srcset string
	Width  int
	Height int
}

// photoImg picks, for a slot about want CSS pixels wide, the smallest
// uploaded rendition at least that wide as src (the 480 copy for cards),
// with the srcset of all renditions; photos not stored by the media package
// (external URLs, the demo's) keep their own URL and size.
func photoImg(p domain.Photo, want int) img {
	out := img{Src: p.URL, Width: p.Width, Height: p.Height}
	set := media.Srcset(p.URL, p.Width)
	if set == "" || p.Width <= 0 {
		return out
	}
	out.Srcset = set
	for part := range strings.SplitSeq(set, ", ") {
		url, w, ok := strings.Cut(part, " ")
		if !ok {
			continue
		}
		n, _ := strconv.Atoi(strings.TrimSuffix(w, "w"))
		if n >= want || n == p.Width {
			out.Src, out.Width, out.Height = url, n, max(1, p.Height*n/p.Width)
			break
		}
	}
	return out
}
