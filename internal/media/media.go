// Package media stores uploaded images. An upload is trusted only after its
// bytes decode as a JPEG, PNG, WebP or GIF image; it is then re-encoded (which
// drops EXIF and any other metadata, GPS positions included), resized to a few
// widths for srcset, and stored under content-hash names that can be cached
// forever.
package media

import (
	"bytes"
	"context"
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
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/image/draw"
	_ "golang.org/x/image/webp" // registers WebP decoding

	"warta/internal/domain"
)

// Widths are the sizes every upload is resized to (never enlarged): 240
// and 360 for card thumbnails (a 7.5rem slot at 2 and 3 device pixels per
// CSS pixel), 480 for tiles, 720 and 960 for the lead photo on a phone,
// 1440 for the article page on a desktop (issue 13). Uploads stored before
// a width joined the list get that copy when it is first asked for
// (MakeRendition).
var Widths = []int{240, 360, 480, 720, 960, 1440}

// DefaultMaxBytes is the largest upload accepted by default (10 MiB).
const DefaultMaxBytes = 10 << 20

// The defaults of the decoding budget (issue 16, H2: a 97 KB PNG can
// claim to be 1×50,000,000 pixels, a 389 KB one 7071×7071 at 16 bits).
// Every upload's header is read first and the upload refused, before any
// pixel is decoded, when it breaks one of them.
const (
	DefaultMaxPixels     = 40_000_000 // 40 megapixels
	DefaultMaxAspect     = 6          // the long side at most 6 times the short one
	DefaultMaxDecodeMB   = 96         // what decoding may allocate, in MiB
	DefaultConcurrent    = 2          // uploads decoded and resized at once
	DefaultConcurrentFor = 20 * time.Second
)

// Store writes images to its Backend (the folder Dir when Backend is nil)
// and names them under URLPrefix: "/media/" when Warta serves them, or a
// public base URL (a CDN, the object store's own address) that readers
// fetch them from directly.
type Store struct {
	Dir       string
	Backend   Backend
	URLPrefix string // "/media/"
	MaxBytes  int64
	// Zero values take the defaults above.
	MaxPixels   int
	MaxAspect   int
	MaxDecodeMB int
	Concurrent  int           // at most this many uploads are decoded at once
	Wait        time.Duration // how long an upload waits for its turn before a 429

	once  sync.Once
	slots chan struct{}
}

// New returns a store for dir served at /media/.
func New(dir string) *Store {
	return &Store{Dir: dir, URLPrefix: "/media/", MaxBytes: DefaultMaxBytes}
}

// NewWith returns a store over any backend, naming its files under
// urlPrefix ("" means "/media/", served by Warta).
func NewWith(b Backend, urlPrefix string) *Store {
	if urlPrefix == "" {
		urlPrefix = "/media/"
	}
	if !strings.HasSuffix(urlPrefix, "/") {
		urlPrefix += "/"
	}
	return &Store{Backend: b, URLPrefix: urlPrefix, MaxBytes: DefaultMaxBytes}
}

// backend is where files go: Backend, or the folder Dir.
func (s *Store) backend() Backend {
	if s.Backend != nil {
		return s.Backend
	}
	return Dir(s.Dir)
}

// opTimeout bounds one file operation on the backend.
const opTimeout = 30 * time.Second

// Key returns the backend key of a URL this store names; ok is false for
// any other URL.
func (s *Store) Key(url string) (string, bool) {
	if !strings.HasPrefix(url, s.URLPrefix) {
		return "", false
	}
	k, err := cleanKey(strings.TrimPrefix(url, s.URLPrefix))
	return k, err == nil
}

// Delete removes every rendition of an image stored by Save, given the URL
// and width of its largest one (as articles keep them). Other URLs are left
// alone.
func (s *Store) Delete(ctx context.Context, url string, width int) error {
	set := Srcset(url, width)
	if set == "" {
		return nil
	}
	for _, part := range strings.Split(set, ", ") {
		u, _, _ := strings.Cut(part, " ")
		if k, ok := s.Key(u); ok {
			if err := s.backend().Delete(ctx, k); err != nil {
				return err
			}
		}
	}
	return nil
}

func orDefault[T int | int64 | time.Duration](v, def T) T {
	if v <= 0 {
		return def
	}
	return v
}

// acquire waits for one of the decoding slots; release gives it back.
func (s *Store) acquire() (release func(), err error) {
	s.once.Do(func() { s.slots = make(chan struct{}, orDefault(s.Concurrent, DefaultConcurrent)) })
	t := time.NewTimer(orDefault(s.Wait, DefaultConcurrentFor))
	defer t.Stop()
	select {
	case s.slots <- struct{}{}:
		return func() { <-s.slots }, nil
	case <-t.C:
		return nil, domain.Errorf(domain.ETooMany, "terlalu banyak gambar sedang diolah, coba lagi sebentar lagi")
	}
}

// checkBudget refuses, from the header alone, an image too large, too
// narrow or too costly to decode.
func (s *Store) checkBudget(format string, cfg image.Config, data []byte) error {
	w, h := cfg.Width, cfg.Height
	maxPx, maxAspect := orDefault(s.MaxPixels, DefaultMaxPixels), orDefault(s.MaxAspect, DefaultMaxAspect)
	if w < 1 || h < 1 {
		return domain.Invalid("ukuran gambar %d×%d piksel tidak valid", w, h)
	}
	if int64(w)*int64(h) > int64(maxPx) {
		return domain.Invalid("gambar %d×%d piksel terlalu besar (paling besar %d megapiksel): perkecil dulu sebelum diunggah",
			w, h, maxPx/1_000_000)
	}
	if long, short := max(w, h), min(w, h); long > short*maxAspect {
		return domain.Invalid("perbandingan sisi gambar %d×%d piksel terlalu ekstrem (paling jauh 1:%d)", w, h, maxAspect)
	}
	budget := int64(orDefault(s.MaxDecodeMB, DefaultMaxDecodeMB)) << 20
	if cost := decodeCost(format, cfg, data); cost > budget {
		return domain.Invalid("gambar %d×%d piksel ini butuh %d MB memori untuk diolah (paling banyak %d MB): "+
			"simpan ulang sebagai JPEG atau PNG 8-bit yang lebih kecil", w, h, cost>>20, budget>>20)
	}
	return nil
}

// decodeCost estimates what processing an image allocates: its pixels at
// the decoder's depth (plus, for a progressive JPEG, the coefficients it
// keeps) and the largest rendition drawn from it.
func decodeCost(format string, cfg image.Config, data []byte) int64 {
	largest := int64(min(cfg.Width, Widths[len(Widths)-1]))
	rendition := largest * max(1, int64(cfg.Height)*largest/int64(max(cfg.Width, 1))) * 4
	return pixelCost(format, cfg, data) + rendition
}

func pixelCost(format string, cfg image.Config, data []byte) int64 {
	px := int64(cfg.Width) * int64(cfg.Height)
	if format == "jpeg" {
		samples, progressive := jpegLayout(data)
		cost := px * samples / 64
		if progressive {
			cost += px * samples / 64 * 4 // a 32-bit coefficient per sample
		}
		return cost
	}
	bpp := int64(8)
	// The other formats decode into one of these.
	switch cfg.ColorModel {
	case color.GrayModel, color.AlphaModel:
		bpp = 1
	case color.Gray16Model, color.Alpha16Model:
		bpp = 2
	case color.RGBAModel, color.NRGBAModel, color.CMYKModel, color.NYCbCrAModel:
		bpp = 4
	case color.YCbCrModel:
		bpp = 3
	default:
		if _, ok := cfg.ColorModel.(color.Palette); ok {
			bpp = 1
		}
	}
	return px * bpp
}

// jpegLayout reads a JPEG's frame header: the samples its components hold
// per pixel, in 64ths (192 for full-size YCbCr, 96 for 4:2:0), and whether
// it is progressive. What it cannot read counts as the worst case.
func jpegLayout(data []byte) (samples64 int64, progressive bool) {
	const worst = 4 * 64
	for i := 2; i+9 < len(data); {
		if data[i] != 0xFF {
			return worst, true
		}
		m := data[i+1]
		if m == 0xFF { // fill byte
			i++
			continue
		}
		n := int(data[i+2])<<8 | int(data[i+3])
		if m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC {
			nf := int(data[i+9])
			if nf < 1 || i+10+3*nf > len(data) {
				return worst, true
			}
			var hmax, vmax int64 = 1, 1
			for c := range nf {
				hv := data[i+10+3*c+1]
				hmax, vmax = max(hmax, int64(hv>>4)), max(vmax, int64(hv&15))
			}
			for c := range nf {
				hv := data[i+10+3*c+1]
				samples64 += 64 * max(1, int64(hv>>4)) * max(1, int64(hv&15)) / (hmax * vmax)
			}
			return samples64, m != 0xC0 && m != 0xC1
		}
		if m == 0xDA || n < 2 {
			break
		}
		i += 2 + n
	}
	return worst, true
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
	if err := s.checkBudget(format, cfg, data); err != nil {
		return Image{}, err
	}
	release, err := s.acquire()
	if err != nil {
		return Image{}, err
	}
	defer release()
	img, err := s.process(format, data)
	if cost := decodeCost(format, cfg, data); cost > 16<<20 {
		// Hand a large image's buffers back now rather than at the next
		// collection, so uploads in a row do not pile up on garbage.
		runtime.GC()
	}
	return img, err
}

// process decodes, resizes and writes the renditions of a checked upload.
func (s *Store) process(format string, data []byte) (Image, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return Image{}, domain.Invalid("gambar rusak atau tidak lengkap: %s tidak bisa dibaca", strings.ToUpper(format))
	}
	sum := sha256.Sum256(data)
	name := hex.EncodeToString(sum[:])[:24]
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	be := s.backend()
	b := src.Bounds()
	largest := min(b.Dx(), Widths[len(Widths)-1])
	var img Image
	for _, w := range renditions(b.Dx()) {
		h := max(1, b.Dy()*w/b.Dx())
		key := "u/" + name + "-" + strconv.Itoa(w) + ".jpg"
		// The name is the upload's hash: a copy already stored is the same.
		if ok, err := be.Exists(ctx, key); err != nil {
			return Image{}, err
		} else if !ok {
			if err := putJPEG(ctx, be, key, scale(src, w, h)); err != nil {
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

// putJPEG encodes a rendition and stores it under key.
func putJPEG(ctx context.Context, be Backend, key string, m image.Image) error {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 82}); err != nil {
		return fmt.Errorf("media: encode: %w", err)
	}
	return be.Put(ctx, key, buf.Bytes(), "image/jpeg")
}

// remake bounds the copies MakeRendition draws to one at a time.
var remake = make(chan struct{}, 1)

var keyRe = regexp.MustCompile(`^u/([0-9a-f]{24})-(\d+)\.jpg$`)

// MakeRendition makes the missing copy that key names (u/HASH-W.jpg, W one
// of Widths) from a larger copy of the same upload, and reports whether it
// is stored now. Uploads stored before W joined Widths have no such copy,
// yet their srcset (Srcset) names it. It draws from the smallest stored
// copy at least twice as wide, else the largest wider one; false, with
// nothing written, when key is no rendition name or no wider copy is
// stored (an upload narrower than every wider width: its srcset does not
// name the copy).
func MakeRendition(ctx context.Context, be Backend, key string) (bool, error) {
	m := keyRe.FindStringSubmatch(key)
	if m == nil {
		return false, nil
	}
	w, _ := strconv.Atoi(m[2])
	if !slices.Contains(Widths, w) {
		return false, nil
	}
	select {
	case remake <- struct{}{}:
		defer func() { <-remake }()
	case <-ctx.Done():
		return false, ctx.Err()
	}
	if ok, err := be.Exists(ctx, key); err != nil || ok {
		return ok, err // made while this request waited
	}
	from := ""
	for _, x := range Widths {
		if x <= w {
			continue
		}
		k := "u/" + m[1] + "-" + strconv.Itoa(x) + ".jpg"
		ok, err := be.Exists(ctx, k)
		if err != nil {
			return false, err
		}
		if ok {
			from = k
			if x >= 2*w {
				break
			}
		}
	}
	if from == "" {
		return false, nil
	}
	f, err := be.Open(ctx, from)
	if err != nil {
		return false, err
	}
	src, err := jpeg.Decode(f)
	f.Close()
	if err != nil {
		return false, fmt.Errorf("media: %s: %w", from, err)
	}
	b := src.Bounds()
	if err := putJPEG(ctx, be, key, scale(src, w, max(1, b.Dy()*w/b.Dx()))); err != nil {
		return false, err
	}
	return true, nil
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

// RenditionWidth is the width in the name of a rendition stored by Save
// (…/u/HASH-960.jpg); ok is false for other URLs.
func RenditionWidth(url string) (int, bool) {
	m := renditionRe.FindStringSubmatch(url)
	if m == nil {
		return 0, false
	}
	w, err := strconv.Atoi(m[2])
	return w, err == nil
}

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

// scale draws src at w×h (never larger than src) on white, as JPEG has no
// transparency, by averaging the source pixels each target pixel covers.
// It holds only the target, a strip of source rows and two rows of sums:
// a kernel scaler's float buffer of target width × source height (129 MB
// for a 1440-wide rendition of a 2800-pixel-high photo) is what made large
// uploads cost several times their decoded size.
func scale(src image.Image, w, h int) *image.RGBA {
	b := src.Bounds()
	sw, sh := b.Dx(), b.Dy()
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	cols := spans(sw, w)
	rows := spans(sh, h)
	const strip = 16
	buf := image.NewRGBA(image.Rect(0, 0, sw, strip))
	line := make([]float64, w*4)
	sums := [2][]float64{make([]float64, w*4), make([]float64, w*4)}
	cur := 0
	flush := func(y int) {
		acc := sums[y%2]
		out := dst.Pix[y*dst.Stride : y*dst.Stride+w*4]
		for k, v := range acc {
			out[k] = uint8(min(255, max(0, v+0.5)))
			acc[k] = 0
		}
		for x := 3; x < len(out); x += 4 {
			out[x] = 255
		}
	}
	for j0 := 0; j0 < sh; j0 += strip {
		n := min(strip, sh-j0)
		draw.Draw(buf, image.Rect(0, 0, sw, n), src, image.Pt(b.Min.X, b.Min.Y+j0), draw.Src)
		for j := j0; j < j0+n; j++ {
			clear(line)
			px := buf.Pix[(j-j0)*buf.Stride:]
			for i, c := range cols {
				p := px[i*4 : i*4+4]
				white := 255 - float64(p[3]) // premultiplied colour over white
				for k := range 3 {
					v := float64(p[k]) + white
					line[c.to*4+k] += v * c.w0
					if c.w1 > 0 {
						line[c.to*4+4+k] += v * c.w1
					}
				}
			}
			r := rows[j]
			for r.to > cur {
				flush(cur)
				cur++
			}
			a, next := sums[r.to%2], sums[(r.to+1)%2]
			for k, v := range line {
				a[k] += v * r.w0
				if r.w1 > 0 {
					next[k] += v * r.w1
				}
			}
		}
	}
	for ; cur < h; cur++ {
		flush(cur)
	}
	return dst
}

// span says where one source pixel (or row) goes when n of them shrink to
// m: the share w0 of it in target pixel to, the share w1 in the next one.
type span struct {
	to     int
	w0, w1 float64
}

// spans maps n source pixels onto m <= n target pixels by the length each
// covers: source pixel i covers [i·m, (i+1)·m), target pixel x [x·n, (x+1)·n).
func spans(n, m int) []span {
	out := make([]span, n)
	for i := range out {
		lo, hi := i*m, (i+1)*m
		x := lo / n
		if end := (x + 1) * n; hi > end && x+1 < m {
			out[i] = span{x, float64(end-lo) / float64(n), float64(hi-end) / float64(n)}
		} else {
			out[i] = span{x, float64(hi-lo) / float64(n), 0}
		}
	}
	return out
}

// Size returns the width and height of an image stored by Save, read from
// its file; ok is false for any other URL.
func (s *Store) Size(url string) (w, h int, ok bool) {
	key, ok := s.Key(url)
	if !ok || !strings.HasPrefix(key, "u/") || !renditionRe.MatchString(url) {
		return 0, 0, false
	}
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	f, err := s.backend().Open(ctx, key)
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

// Exists reports whether the file behind url is stored. A URL this store
// does not name (another site's image) counts as there, and so does one
// the backend cannot answer for now (an error is not proof it is gone).
func (s *Store) Exists(ctx context.Context, url string) bool {
	k, ok := s.Key(url)
	if !ok {
		return true
	}
	ctx, cancel := context.WithTimeout(ctx, opTimeout)
	defer cancel()
	there, err := s.backend().Exists(ctx, k)
	return there || err != nil
}
