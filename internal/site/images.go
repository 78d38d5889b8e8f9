package site

import (
	"fmt"
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

// tiled is a story shown as a tile, with the sizes attribute of its slot.
type tiled struct {
	domain.Article
	Sizes string
}

// The widths of a tile's slot (style.css): the secondary stories stand two
// a row on a phone (an odd last one alone, across the column) and n in one
// row from 40rem on, in the front's main column (2/3 of the page, at most
// 72rem, from 60rem on); a channel block's first story is a 7.5rem
// thumbnail on a phone and fills its block, two and then three a row,
// above. Each keeps the photo the browser picks as small as the slot
// allows (issue 13).
func secondaryTile(a domain.Article, i, n int) tiled {
	phone := "calc(50vw - 1.45rem)"
	if n%2 == 1 && i == n-1 {
		phone = "calc(100vw - 2rem)"
	}
	gaps := fmt.Sprintf("%.2frem", 0.9*float64(n-1))
	return tiled{a, fmt.Sprintf("(min-width: 72rem) calc((45.33rem - %[2]s) / %[1]d), (min-width: 60rem) calc(((100vw - 4rem) * 2 / 3 - %[2]s) / %[1]d), "+
		"(min-width: 40rem) calc((100vw - 2rem - %[2]s) / %[1]d), %[3]s", max(n, 1), gaps, phone)}
}

func blockTile(a domain.Article) tiled {
	return tiled{a, "(min-width: 72rem) 22rem, (min-width: 60rem) calc(33.33vw - 2rem), (min-width: 40rem) calc(50vw - 2rem), 7.5rem"}
}
