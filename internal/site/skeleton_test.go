package site

import (
	"bytes"
	"strings"
	"testing"
)

// A skeleton splits at its hole marks, the view-count holes naming their
// article, and fills each hole from its filler; a page whose text merely
// looks like a mark is refused rather than filled wrongly.
func TestSkeletonHoles(t *testing.T) {
	page := "<p>" + string(holeMark(holePopular)) + "</p><span>" + string(holeMarkOf(holeViewsOf, 42)) +
		"</span><span>" + string(holeMarkOf(holeViewsOf, 7)) + "</span>" + string(holeMark(holePoll))
	sk, err := parseSkeleton([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	var fillers [holeMax][]byte
	fillers[holePopular] = []byte("Terpopuler")
	var buf bytes.Buffer
	sk.fill(&buf, &fillers, map[int64][]byte{42: []byte("1.234"), 7: []byte("5")})
	if got, want := buf.String(), "<p>Terpopuler</p><span>1.234</span><span>5</span>"; got != want {
		t.Errorf("filled %q, want %q", got, want)
	}
	for _, bad := range []string{
		holePrefix + "z\x00", // unknown hole
		holePrefix + string(rune('a'+holeViews)) + "12\x00",    // a fixed hole with an article
		holePrefix + string(rune('a'+holeViewsOf)) + "\x00",    // a view count without one
		holePrefix + string(rune('a'+holeViewsOf)) + "12",      // unterminated
		strings.TrimSuffix(string(holeMark(holePoll)), "\x00"), // cut off
	} {
		if _, err := parseSkeleton([]byte("<p>" + bad)); err == nil {
			t.Errorf("%q parsed", bad)
		}
	}
}
