package media

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// Backend is where media files live: a local folder (the default) or an
// S3-compatible object store shared by several machines. Keys are slash
// paths below the media root, like "u/0a1b…-480.jpg".
type Backend interface {
	// Put stores data under key, whole or not at all: a reader never gets
	// half a file.
	Put(ctx context.Context, key string, data []byte, contentType string) error
	// Open returns the file for reading (and seeking, so it can be served
	// with ranges); ErrNotExist when there is none.
	Open(ctx context.Context, key string) (File, error)
	// Exists reports whether key is stored.
	Exists(ctx context.Context, key string) (bool, error)
	// Delete removes key; deleting what is not there is not an error.
	Delete(ctx context.Context, key string) error
	// String names the backend for logs.
	String() string
}

// File is an open media file.
type File interface {
	io.ReadSeekCloser
	Size() int64
	ModTime() time.Time
}

// ErrNotExist is returned by Open for a key that is not stored.
var ErrNotExist = fs.ErrNotExist

// cleanKey refuses keys that would leave the media root.
func cleanKey(key string) (string, error) {
	k := path.Clean("/" + key)[1:]
	if k == "" || k != key || strings.Contains(key, "\\") {
		return "", fmt.Errorf("media: bad key %q", key)
	}
	return k, nil
}

// Dir keeps media in a local folder.
type Dir string

func (d Dir) String() string { return "folder " + string(d) }

func (d Dir) path(key string) (string, error) {
	k, err := cleanKey(key)
	if err != nil {
		return "", err
	}
	return filepath.Join(string(d), filepath.FromSlash(k)), nil
}

// Put writes to a temporary file and renames it into place.
func (d Dir) Put(_ context.Context, key string, data []byte, _ string) error {
	p, err := d.path(key)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("media: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".up-*")
	if err != nil {
		return fmt.Errorf("media: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("media: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("media: %w", err)
	}
	if err := os.Rename(tmp.Name(), p); err != nil {
		return fmt.Errorf("media: %w", err)
	}
	return nil
}

type dirFile struct {
	*os.File
	info fs.FileInfo
}

func (f dirFile) Size() int64        { return f.info.Size() }
func (f dirFile) ModTime() time.Time { return f.info.ModTime() }

func (d Dir) Open(_ context.Context, key string) (File, error) {
	p, err := d.path(key)
	if err != nil {
		return nil, ErrNotExist
	}
	f, err := os.Open(p)
	if err != nil {
		return nil, ErrNotExist
	}
	info, err := f.Stat()
	if err != nil || info.IsDir() {
		f.Close()
		return nil, ErrNotExist
	}
	return dirFile{f, info}, nil
}

func (d Dir) Exists(_ context.Context, key string) (bool, error) {
	p, err := d.path(key)
	if err != nil {
		return false, err
	}
	info, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return err == nil && !info.IsDir(), err
}

func (d Dir) Delete(_ context.Context, key string) error {
	p, err := d.path(key)
	if err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("media: %w", err)
	}
	return nil
}

// S3Config says how to reach an S3-compatible object store.
type S3Config struct {
	Endpoint  string // host:port, e.g. s3.ap-southeast-1.amazonaws.com or 127.0.0.1:8333
	Bucket    string
	Prefix    string // key prefix inside the bucket, e.g. "warta/media"
	Region    string
	AccessKey string
	SecretKey string
	Insecure  bool // plain HTTP (a store on the same private network)
}

// ParseS3URL reads --media-store s3://bucket/prefix into a config (the
// endpoint and credentials come from their own flags).
func ParseS3URL(raw string) (S3Config, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "s3" || u.Host == "" {
		return S3Config{}, fmt.Errorf("media store %q is not s3://bucket/prefix", raw)
	}
	return S3Config{Bucket: u.Host, Prefix: strings.Trim(u.Path, "/")}, nil
}

// S3 keeps media in a bucket of an S3-compatible object store.
type S3 struct {
	cfg    S3Config
	client *minio.Client
}

// NewS3 connects to the store and checks that the bucket is there.
func NewS3(ctx context.Context, cfg S3Config) (*S3, error) {
	if cfg.Endpoint == "" || cfg.Bucket == "" {
		return nil, errors.New("media store: S3 needs an endpoint and a bucket")
	}
	c, err := minio.New(cfg.Endpoint, &minio.Options{
		Creds:  credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, ""),
		Secure: !cfg.Insecure,
		Region: cfg.Region,
	})
	if err != nil {
		return nil, fmt.Errorf("media store: %w", err)
	}
	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	ok, err := c.BucketExists(cctx, cfg.Bucket)
	if err != nil {
		return nil, fmt.Errorf("media store: cannot reach bucket %q at %s: %w", cfg.Bucket, cfg.Endpoint, err)
	}
	if !ok {
		return nil, fmt.Errorf("media store: bucket %q does not exist at %s", cfg.Bucket, cfg.Endpoint)
	}
	return &S3{cfg: cfg, client: c}, nil
}

func (s *S3) String() string {
	return "s3://" + s.cfg.Bucket + "/" + s.cfg.Prefix + " at " + s.cfg.Endpoint
}

func (s *S3) object(key string) (string, error) {
	k, err := cleanKey(key)
	if err != nil {
		return "", err
	}
	if s.cfg.Prefix == "" {
		return k, nil
	}
	return s.cfg.Prefix + "/" + k, nil
}

// Put uploads in one request: object stores make an object visible whole
// or not at all.
func (s *S3) Put(ctx context.Context, key string, data []byte, contentType string) error {
	obj, err := s.object(key)
	if err != nil {
		return err
	}
	_, err = s.client.PutObject(ctx, s.cfg.Bucket, obj, bytes.NewReader(data), int64(len(data)),
		minio.PutObjectOptions{ContentType: contentType, CacheControl: "public, max-age=31536000, immutable"})
	if err != nil {
		return fmt.Errorf("media store: put %s: %w", key, err)
	}
	return nil
}

type s3File struct {
	*minio.Object
	info minio.ObjectInfo
}

func (f s3File) Size() int64        { return f.info.Size }
func (f s3File) ModTime() time.Time { return f.info.LastModified }

func notFound(err error) bool {
	code := minio.ToErrorResponse(err).Code
	return code == "NoSuchKey" || code == "NotFound" || minio.ToErrorResponse(err).StatusCode == 404
}

func (s *S3) Open(ctx context.Context, key string) (File, error) {
	obj, err := s.object(key)
	if err != nil {
		return nil, ErrNotExist
	}
	o, err := s.client.GetObject(ctx, s.cfg.Bucket, obj, minio.GetObjectOptions{})
	if err != nil {
		return nil, fmt.Errorf("media store: get %s: %w", key, err)
	}
	info, err := o.Stat()
	if err != nil {
		o.Close()
		if notFound(err) {
			return nil, ErrNotExist
		}
		return nil, fmt.Errorf("media store: stat %s: %w", key, err)
	}
	return s3File{o, info}, nil
}

func (s *S3) Exists(ctx context.Context, key string) (bool, error) {
	obj, err := s.object(key)
	if err != nil {
		return false, err
	}
	_, err = s.client.StatObject(ctx, s.cfg.Bucket, obj, minio.StatObjectOptions{})
	if err == nil {
		return true, nil
	}
	if notFound(err) {
		return false, nil
	}
	return false, fmt.Errorf("media store: stat %s: %w", key, err)
}

func (s *S3) Delete(ctx context.Context, key string) error {
	obj, err := s.object(key)
	if err != nil {
		return err
	}
	if err := s.client.RemoveObject(ctx, s.cfg.Bucket, obj, minio.RemoveObjectOptions{}); err != nil && !notFound(err) {
		return fmt.Errorf("media store: delete %s: %w", key, err)
	}
	return nil
}

// CreateBucket makes the bucket when it is missing (tests and first
// set-up; production buckets are usually made by the operator).
func CreateBucket(ctx context.Context, cfg S3Config) error {
	c, err := minio.New(cfg.Endpoint, &minio.Options{
		Creds: credentials.NewStaticV4(cfg.AccessKey, cfg.SecretKey, ""), Secure: !cfg.Insecure, Region: cfg.Region})
	if err != nil {
		return err
	}
	ok, err := c.BucketExists(ctx, cfg.Bucket)
	if err != nil {
		return err
	}
	if ok {
		return nil
	}
	return c.MakeBucket(ctx, cfg.Bucket, minio.MakeBucketOptions{Region: cfg.Region})
}

// CopyDir puts every file of a local media folder into dst under the same
// key, skipping those already there (names are content hashes, so a stored
// file is the same file). It returns how many it copied and skipped.
func CopyDir(ctx context.Context, dir string, dst Backend) (copied, skipped int, err error) {
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		key := filepath.ToSlash(rel)
		if ok, err := dst.Exists(ctx, key); err != nil {
			return err
		} else if ok {
			skipped++
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := dst.Put(ctx, key, data, mime.TypeByExtension(path.Ext(key))); err != nil {
			return err
		}
		copied++
		return nil
	})
	return copied, skipped, err
}
