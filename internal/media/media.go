// Package media stores uploaded images. An upload is trusted only after its
// bytes decode as a JPEG, PNG, WebP or GIF image; it is then re-encoded (which
// drops EXIF and any other metadata, GPS positions included), resized to a few
// widths for srcset, and stored under content-hash names that can be cached
// forever.
package media

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/gif" // registers GIF decoding
	"image/jpeg"
	_ "image/png" // registers PNG decoding
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // registers WebP decoding

	"warta/internal/domain"
)

// Widths are the sizes every upload is resized to (never enlarged).
var Widths = []int{480, 960, 1440}

// DefaultMaxBytes is the largest upload accepted by default (10 MiB).
const DefaultMaxBytes = 10 << 20

// maxPixels bounds decoding work (and memory) whatever the file size says.
const maxPixels = 50_000_000

// Store writes images under Dir and names them under URLPrefix.
type Store struct {
	Dir       string
	URLPrefix string // "/media/"
	MaxBytes  int64
}

// New returns a store for dir served at /media/.
func New(dir string) *Store {
	return &Store{Dir: dir, URLPrefix: "/media/", MaxBytes: DefaultMaxBytes}
}

// Image is a stored upload: the URL and size of its largest rendition and
// the srcset listing every width.
type Image struct {
	URL    string `json:"url"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
	Srcset string `json:"srcset"`
	Format string `json:"format"` // what the upload really was
}

// Detect names the image format of data by its magic bytes, or "".
func Detect(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return "jpeg"
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(data, []byte("GIF87a")), bytes.HasPrefix(data, []byte("GIF89a")):
		return "gif"
	case len(data) >= 12 && bytes.Equal(data[:4], []byte("RIFF")) && bytes.Equal(data[8:12], []byte("WEBP")):
		return "webp"
	}
	return ""
}

var errNotImage = domain.Invalid("berkas bukan gambar yang didukung: unggah JPEG, PNG, WebP atau GIF")

// Save checks, cleans, resizes and stores an upload.
func (s *Store) Save(data []byte) (Image, error) {
	maxBytes := s.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if int64(len(data)) > maxBytes {
		return Image{}, domain.Errorf(domain.ETooLarge, "gambar terlalu besar: paling besar %d MB", maxBytes>>20)
	}
	format := Detect(data)
	if format == "" {
		return Image{}, errNotImage
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Image{}, errNotImage
	}
	if cfg.Width < 1 || cfg.Height < 1 || cfg.Width*cfg.Height > maxPixels {
		return Image{}, domain.Invalid("ukuran gambar %dx%d piksel tidak didukung (paling besar 50 megapiksel)", cfg.Width, cfg.Height)
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return Image{}, domain.Invalid("gambar rusak atau tidak lengkap: %s tidak bisa dibaca", strings.ToUpper(format))
	}
	sum := sha256.Sum256(data)
	name := hex.EncodeToString(sum[:])[:24]
	if err := os.MkdirAll(filepath.Join(s.Dir, "u"), 0o755); err != nil {
		return Image{}, fmt.Errorf("media: %w", err)
	}
	b := src.Bounds()
	largest := min(b.Dx(), Widths[len(Widths)-1])
	var img Image
	for _, w := range renditions(b.Dx()) {
		h := max(1, b.Dy()*w/b.Dx())
		path := filepath.Join(s.Dir, "u", name+"-"+strconv.Itoa(w)+".jpg")
		if _, err := os.Stat(path); err != nil {
			if err := writeJPEG(path, scale(src, w, h)); err != nil {
				return Image{}, err
			}
		}
		if w == largest {
			img = Image{URL: s.URLPrefix + "u/" + name + "-" + strconv.Itoa(w) + ".jpg", Width: w, Height: h, Format: format}
		}
	}
	img.Srcset = Srcset(img.URL, img.Width)
	return img, nil
}

// renditions lists the widths made for an image of width w.
func renditions(w int) []int {
	largest := min(w, Widths[len(Widths)-1])
	var out []int
	for _, x := range Widths {
		if x < largest {
			out = append(out, x)
		}
	}
	return append(out, largest)
}

var renditionRe = regexp.MustCompile(`^(.*/u/[0-9a-f]{24})-(\d+)\.jpg$`)

// Srcset lists the renditions of a stored image for <img srcset>, given the
// URL and width of its largest one; "" for images not stored by Save.
func Srcset(url string, width int) string {
	m := renditionRe.FindStringSubmatch(url)
	if m == nil || strconv.Itoa(width) != m[2] {
		return ""
	}
	var parts []string
	for _, w := range renditions(width) {
		parts = append(parts, m[1]+"-"+strconv.Itoa(w)+".jpg "+strconv.Itoa(w)+"w")
	}
	return strings.Join(parts, ", ")
}

// scale draws src at w×h on white (JPEG has no transparency).
func scale(src image.Image, w, h int) image.Image {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Over, nil)
	return dst
}

// writeJPEG writes atomically: a half-written file is never served.
func writeJPEG(path string, img image.Image) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".up-*")
	if err != nil {
		return fmt.Errorf("media: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := jpeg.Encode(tmp, img, &jpeg.Options{Quality: 82}); err != nil {
		tmp.Close()
		return fmt.Errorf("media: encode: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("media: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("media: %w", err)
	}
	return nil
}

// Size returns the width and height of an image stored by Save, read from
// its file; ok is false for any other URL.
func (s *Store) Size(url string) (w, h int, ok bool) {
	if !strings.HasPrefix(url, s.URLPrefix+"u/") || !renditionRe.MatchString(url) {
		return 0, 0, false
	}
	f, err := os.Open(filepath.Join(s.Dir, filepath.FromSlash(strings.TrimPrefix(url, s.URLPrefix))))
	if err != nil {
		return 0, 0, false
	}
	defer f.Close()
	cfg, err := jpeg.DecodeConfig(f)
	if err != nil {
		return 0, 0, false
	}
	return cfg.Width, cfg.Height, true
}

// ReadUpload reads an upload from a request: the multipart field "file", or
// else the raw body. Anything over maxBytes is a 413 with a clear message.
func ReadUpload(w http.ResponseWriter, r *http.Request, maxBytes int64) ([]byte, error) {
	tooLarge := domain.Errorf(domain.ETooLarge, "gambar terlalu besar: paling besar %d MB", maxBytes>>20)
	if r.ContentLength > maxBytes+64<<10 {
		return nil, tooLarge
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxBytes+64<<10)
	var src io.Reader = r.Body
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		mr, err := r.MultipartReader()
		if err != nil {
			return nil, domain.Invalid("unggahan tidak terbaca")
		}
		for {
			part, err := mr.NextPart()
			if err != nil {
				var mbe *http.MaxBytesError
				if errors.As(err, &mbe) {
					return nil, tooLarge
				}
				return nil, domain.Invalid("unggahan tidak berisi berkas (kolom \"file\")")
			}
			if part.FormName() == "file" {
				src = part
				break
			}
		}
	}
	data, err := io.ReadAll(io.LimitReader(src, maxBytes+1))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, tooLarge
		}
		return nil, domain.Invalid("unggahan tidak terbaca")
	}
	if int64(len(data)) > maxBytes {
		return nil, tooLarge
	}
	if len(data) == 0 {
		return nil, domain.Invalid("berkas kosong")
	}
	return data, nil
}
