package media_test

import (
	"bytes"
	"context"
	"errors"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"warta/internal/media"
	"warta/internal/testobj"
)

func TestMain(m *testing.M) {
	code := m.Run()
	testobj.Shutdown()
	os.Exit(code)
}

// backends runs fn against every media backend: the local folder always,
// and a real S3 server (SeaweedFS) where its binary is installed.
func backends(t *testing.T, fn func(t *testing.T, b media.Backend)) {
	t.Run("folder", func(t *testing.T) { fn(t, media.Dir(t.TempDir())) })
	t.Run("s3", func(t *testing.T) {
		cfg := testobj.Bucket(t)
		cfg.Prefix += "/situs/media"
		b, err := media.NewS3(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		fn(t, b)
	})
}

// The same suite for both: put, read back (whole and by range), exist,
// delete, and refuse keys that climb out of the media root.
func TestBackendSuite(t *testing.T) {
	backends(t, func(t *testing.T, b media.Backend) {
		ctx := context.Background()
		key := "u/0123456789abcdef01234567-480.jpg"
		if ok, err := b.Exists(ctx, key); err != nil || ok {
			t.Fatalf("exists before put: %v %v", ok, err)
		}
		if _, err := b.Open(ctx, key); !errors.Is(err, media.ErrNotExist) {
			t.Fatalf("open before put: %v", err)
		}
		data := bytes.Repeat([]byte("warta-"), 2000)
		if err := b.Put(ctx, key, data, "image/jpeg"); err != nil {
			t.Fatal(err)
		}
		if ok, err := b.Exists(ctx, key); err != nil || !ok {
			t.Fatalf("exists after put: %v %v", ok, err)
		}
		f, err := b.Open(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		if f.Size() != int64(len(data)) || f.ModTime().IsZero() || time.Since(f.ModTime()) > time.Hour {
			t.Errorf("size %d (want %d), modtime %v", f.Size(), len(data), f.ModTime())
		}
		got, _ := io.ReadAll(f)
		if !bytes.Equal(got, data) {
			t.Errorf("read back %d bytes, differ", len(got))
		}
		if _, err := f.Seek(6, io.SeekStart); err != nil {
			t.Fatal(err)
		}
		part := make([]byte, 6)
		if _, err := io.ReadFull(f, part); err != nil || string(part) != "warta-" {
			t.Errorf("after seek: %q %v", part, err)
		}
		f.Close()
		if err := b.Delete(ctx, key); err != nil {
			t.Fatal(err)
		}
		if ok, _ := b.Exists(ctx, key); ok {
			t.Error("still there after delete")
		}
		if err := b.Delete(ctx, key); err != nil {
			t.Errorf("deleting what is gone: %v", err)
		}
		for _, bad := range []string{"../etc/passwd", "/abs", "u/../../x", "", "u\\x"} {
			if err := b.Put(ctx, bad, data, ""); err == nil {
				t.Errorf("put %q accepted", bad)
			}
		}
	})
}

// An upload through the media store lands in the backend with all its
// renditions, its size reads back, and Delete removes every copy.
func TestUploadsThroughEveryBackend(t *testing.T) {
	backends(t, func(t *testing.T, b media.Backend) {
		m := media.NewWith(b, "")
		var buf bytes.Buffer
		jpeg.Encode(&buf, photo(1600, 900), nil)
		img, err := m.Save(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(img.URL, "/media/u/") || img.Width != 1440 {
			t.Fatalf("saved %+v", img)
		}
		ctx := context.Background()
		var keys []string
		for _, part := range strings.Split(img.Srcset, ", ") {
			u, _, _ := strings.Cut(part, " ")
			k, ok := m.Key(u)
			if !ok {
				t.Fatalf("key of %s", u)
			}
			if ok, err := b.Exists(ctx, k); err != nil || !ok {
				t.Errorf("rendition %s not stored (%v)", k, err)
			}
			keys = append(keys, k)
		}
		if len(keys) != len(media.Widths) {
			t.Errorf("renditions %v", keys)
		}
		if w, h, ok := m.Size(img.URL); !ok || w != 1440 || h != 810 {
			t.Errorf("Size = %d %d %v", w, h, ok)
		}
		if err := m.Delete(ctx, img.URL, img.Width); err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			if ok, _ := b.Exists(ctx, k); ok {
				t.Errorf("%s left after Delete", k)
			}
		}
	})
}

// A public base URL names files under it (readers fetch them from a CDN).
func TestPublicMediaURL(t *testing.T) {
	m := media.NewWith(media.Dir(t.TempDir()), "https://cdn.warta.example/media")
	var buf bytes.Buffer
	jpeg.Encode(&buf, photo(600, 400), nil)
	img, err := m.Save(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(img.URL, "https://cdn.warta.example/media/u/") || !strings.Contains(img.Srcset, "https://cdn.warta.example/media/u/") {
		t.Errorf("url %s srcset %s", img.URL, img.Srcset)
	}
	if _, _, ok := m.Size(img.URL); !ok {
		t.Error("size of a CDN-named file")
	}
}

// CopyDir moves a local media folder into another backend, once.
func TestCopyDir(t *testing.T) {
	src := t.TempDir()
	os.MkdirAll(filepath.Join(src, "u"), 0o755)
	os.WriteFile(filepath.Join(src, "u", "a-480.jpg"), []byte("a"), 0o644)
	os.WriteFile(filepath.Join(src, "demo.jpg"), []byte("b"), 0o644)
	os.WriteFile(filepath.Join(src, ".up-tmp"), []byte("half"), 0o644)
	backends(t, func(t *testing.T, b media.Backend) {
		c, s, err := media.CopyDir(context.Background(), src, b)
		if err != nil || c != 2 || s != 0 {
			t.Fatalf("first copy: %d copied %d skipped %v", c, s, err)
		}
		c, s, err = media.CopyDir(context.Background(), src, b)
		if err != nil || c != 0 || s != 2 {
			t.Fatalf("second copy: %d copied %d skipped %v", c, s, err)
		}
	})
}
