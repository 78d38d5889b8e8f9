package media_test

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"warta/internal/media"
	"warta/internal/web"
)

func photo(w, h int) image.Image {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	return img
}

// withEXIF puts an APP1 Exif segment (with a fake GPS marker) after SOI.
func withEXIF(jpg []byte) []byte {
	payload := append([]byte("Exif\x00\x00"), []byte("GPS-LATITUDE-6.2088-LONGITUDE-106.8456")...)
	seg := []byte{0xFF, 0xE1, byte((len(payload) + 2) >> 8), byte(len(payload) + 2)}
	out := append([]byte{}, jpg[:2]...)
	out = append(out, seg...)
	out = append(out, payload...)
	return append(out, jpg[2:]...)
}

func TestSaveChecksResizesAndStrips(t *testing.T) {
	dir := t.TempDir()
	m := media.New(dir)
	var buf bytes.Buffer
	jpeg.Encode(&buf, photo(2000, 1000), nil)
	data := withEXIF(buf.Bytes())
	if _, err := jpeg.Decode(bytes.NewReader(data)); err != nil {
		t.Fatalf("test JPEG with EXIF is broken: %v", err)
	}
	img, err := m.Save(data)
	if err != nil {
		t.Fatal(err)
	}
	if img.Width != 1440 || img.Height != 720 || img.Format != "jpeg" {
		t.Errorf("largest rendition %+v", img)
	}
	if !strings.HasPrefix(img.URL, "/media/u/") || !strings.HasSuffix(img.URL, "-1440.jpg") {
		t.Errorf("url %s", img.URL)
	}
	if strings.Count(img.Srcset, "w,")+1 != len(media.Widths) || !strings.Contains(img.Srcset, "-240.jpg 240w") || !strings.Contains(img.Srcset, "-480.jpg 480w") {
		t.Errorf("srcset %q", img.Srcset)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "u", "*.jpg"))
	if len(files) != len(media.Widths) {
		t.Fatalf("files %v", files)
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		if bytes.Contains(b, []byte("Exif")) || bytes.Contains(b, []byte("GPS-LATITUDE")) {
			t.Errorf("%s keeps EXIF", f)
		}
	}
	if w, h, ok := m.Size(img.URL); !ok || w != 1440 || h != 720 {
		t.Errorf("Size = %d %d %v", w, h, ok)
	}
	// Same bytes, same name: content addressed.
	again, _ := m.Save(data)
	if again.URL != img.URL {
		t.Errorf("same upload, new name")
	}
}

func TestFormatsAndFakes(t *testing.T) {
	m := media.New(t.TempDir())
	var p, g bytes.Buffer
	png.Encode(&p, photo(300, 200))
	gif.Encode(&g, photo(64, 64), nil)
	webp, err := os.ReadFile("testdata/blue-purple-pink.lossy.webp")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"png": p.Bytes(), "gif": g.Bytes(), "webp": webp} {
		img, err := m.Save(data)
		if err != nil || img.Format != name || img.Srcset == "" {
			t.Errorf("%s: %+v %v", name, img, err)
		}
		if name == "png" && (img.Width != 300 || strings.Contains(img.Srcset, "480w")) {
			t.Errorf("small image enlarged: %+v", img)
		}
	}
	for name, data := range map[string][]byte{
		"script renamed .jpg": []byte("#!/bin/sh\nrm -rf /\n"),
		"html":                []byte("<html><script>alert(1)</script></html>"),
		"truncated jpeg":      append([]byte{0xFF, 0xD8, 0xFF, 0xE0}, make([]byte, 20)...),
	} {
		_, err := m.Save(data)
		if web.StatusOf(err) != 400 {
			t.Errorf("%s: %v, want 400", name, err)
		}
	}
	m.MaxBytes = 1000
	if _, err := m.Save(webp); web.StatusOf(err) != 413 {
		t.Errorf("oversized: %v, want 413", err)
	}
}

// An upload stored before a width joined Widths gets that copy the first
// time it is asked for, drawn from a larger one, at the upload's
// proportions; names that are no rendition, or that have no larger copy,
// make nothing.
func TestMakeRenditionFillsANewWidth(t *testing.T) {
	dir := t.TempDir()
	m := media.New(dir)
	var buf bytes.Buffer
	jpeg.Encode(&buf, photo(1600, 900), nil)
	img, err := m.Save(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	base := strings.TrimSuffix(strings.TrimPrefix(img.URL, "/media/"), "-1440.jpg")
	small := base + "-240.jpg"
	// As an older Warta left it: no 240 copy.
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(small))); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	be := media.Dir(dir)
	if ok, err := media.MakeRendition(ctx, be, small); err != nil || !ok {
		t.Fatalf("MakeRendition(%s) = %v, %v", small, ok, err)
	}
	f, err := os.Open(filepath.Join(dir, filepath.FromSlash(small)))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := jpeg.DecodeConfig(f)
	f.Close()
	if err != nil || cfg.Width != 240 || cfg.Height != 135 {
		t.Errorf("made copy: %+v %v, want 240×135", cfg, err)
	}
	for _, key := range []string{base + "-250.jpg", base + "-1440.png", "u/../" + small, "logo.jpg",
		"u/0123456789abcdef01234567-240.jpg"} {
		if ok, err := media.MakeRendition(ctx, be, key); ok || err != nil {
			t.Errorf("MakeRendition(%s) = %v, %v; want nothing made", key, ok, err)
		}
	}
}
