package media_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/draw"

	"warta/internal/domain"
	"warta/internal/media"
	"warta/internal/media/mediatest"
)

// Issue 16, H2: image bombs are refused from their header, with a message
// that says what to do, before any pixel is decoded.
func TestImageBombsAreRefusedFromTheHeader(t *testing.T) {
	m := media.New(t.TempDir())
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"1×50,000,000", mediatest.PNG(1, 50_000_000, false), "megapiksel"},
		{"100×60,000 (a 6-megapixel strip)", mediatest.PNG(100, 60_000, false), "perbandingan sisi"},
		{"7071×7071 at 16 bits", mediatest.PNG(7071, 7071, true), "megapiksel"},
		{"5000×5000 at 16 bits", mediatest.PNG(5000, 5000, true), "memori"},
		{"20,000×20,000", mediatest.PNG(20_000, 20_000, false), "megapiksel"},
	} {
		if len(tc.data) > 600<<10 {
			t.Fatalf("%s: the bomb is %d bytes, not a bomb", tc.name, len(tc.data))
		}
		_, err := m.Save(tc.data)
		if domain.ErrorCode(err) != domain.EInvalid || !strings.Contains(domain.ErrorMessage(err), tc.want) {
			t.Errorf("%s: %v, want a 400 about %q", tc.name, err, tc.want)
		}
	}
	// Within the budget all is well, 16-bit PNGs included.
	for _, data := range [][]byte{mediatest.PNG(2000, 1500, true), mediatest.PNG(600, 3000, false)} {
		if img, err := m.Save(data); err != nil || img.Width == 0 {
			t.Errorf("image within the budget: %+v %v", img, err)
		}
	}
}

// The cost of a JPEG follows its sampling and whether it is progressive.
func TestJPEGBudget(t *testing.T) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, photo(1200, 800), &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	small := &media.Store{Dir: t.TempDir(), URLPrefix: "/media/", MaxDecodeMB: 2}
	// 1200×800 at 4:2:0 decodes into 1.4 MB, and its rendition takes 3.8 MB.
	if _, err := small.Save(buf.Bytes()); err != nil {
		if !strings.Contains(domain.ErrorMessage(err), "memori") {
			t.Errorf("over a 2 MB budget: %v", err)
		}
	} else {
		t.Error("a 1200×800 JPEG fits a 2 MB budget")
	}
	roomy := &media.Store{Dir: t.TempDir(), URLPrefix: "/media/", MaxDecodeMB: 8}
	if _, err := roomy.Save(buf.Bytes()); err != nil {
		t.Errorf("within an 8 MB budget: %v", err)
	}
	var p bytes.Buffer
	png.Encode(&p, photo(10, 10))
	if _, err := roomy.Save(p.Bytes()); err != nil {
		t.Errorf("a tiny PNG: %v", err)
	}
}

// The averaging scaler that keeps memory bounded draws what a kernel scaler
// draws: the 480-wide rendition of a photo is within JPEG noise of
// CatmullRom's.
func TestRenditionMatchesAKernelScaler(t *testing.T) {
	src := photo(2000, 1000)
	var buf bytes.Buffer
	png.Encode(&buf, src)
	dir := t.TempDir()
	img, err := media.New(dir).Save(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(dir, "u", strings.TrimSuffix(filepath.Base(img.URL), "-1440.jpg")+"-480.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := jpeg.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	want := image.NewRGBA(image.Rect(0, 0, 480, 240))
	draw.CatmullRom.Scale(want, want.Bounds(), src, src.Bounds(), draw.Src, nil)
	meanDiff := func(got image.Image) float64 {
		var diff, n float64
		for y := range 240 {
			for x := range 480 {
				a, b := color.RGBAModel.Convert(got.At(x, y)).(color.RGBA), want.RGBAAt(x, y)
				diff += math.Abs(float64(a.R)-float64(b.R)) + math.Abs(float64(a.G)-float64(b.G)) + math.Abs(float64(a.B)-float64(b.B))
				n += 3
			}
		}
		return diff / n
	}
	// What JPEG alone changes, for comparison.
	var j bytes.Buffer
	jpeg.Encode(&j, want, &jpeg.Options{Quality: 82})
	noise, _ := jpeg.Decode(&j)
	base, mean := meanDiff(noise), meanDiff(got)
	t.Logf("mean difference from CatmullRom: %.2f per channel (JPEG alone: %.2f)", mean, base)
	if mean > base+1 {
		t.Errorf("rendition differs from CatmullRom by %.1f per channel on average, JPEG alone by %.1f", mean, base)
	}
}
