package main

// Where media live: the local folder (--media, the default) or an
// S3-compatible object store shared by several machines (--media-store).

import (
	"context"
	"flag"
	"fmt"
	"os"

	"warta/internal/media"
)

type mediaFlags struct {
	store    string
	endpoint string
	region   string
	insecure bool
	url      string
}

func (m *mediaFlags) register(fs *flag.FlagSet, withURL bool) {
	fs.StringVar(&m.store, "media-store", env("WARTA_MEDIA_STORE", ""),
		"keep media in an S3-compatible object store, s3://BUCKET/PREFIX, instead of the --media folder (env WARTA_MEDIA_STORE; "+
			"credentials from WARTA_S3_ACCESS_KEY and WARTA_S3_SECRET_KEY, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)")
	fs.StringVar(&m.endpoint, "s3-endpoint", env("WARTA_S3_ENDPOINT", ""), "the object store's host:port, e.g. s3.ap-southeast-3.amazonaws.com (env WARTA_S3_ENDPOINT)")
	fs.StringVar(&m.region, "s3-region", env("WARTA_S3_REGION", ""), "the object store's region, when it needs one (env WARTA_S3_REGION)")
	fs.BoolVar(&m.insecure, "s3-insecure", env("WARTA_S3_INSECURE", "") == "true", "reach the object store over plain HTTP (only on a private network; env WARTA_S3_INSECURE=true)")
	if withURL {
		fs.StringVar(&m.url, "media-url", env("WARTA_MEDIA_URL", ""),
			"public base URL readers load images from, e.g. https://cdn.example.id/media/ (a CDN or the bucket's public address; env WARTA_MEDIA_URL; default /media/ through Warta)")
	}
}

// backend opens the object store, or returns nil for the local folder.
func (m *mediaFlags) backend(ctx context.Context) (media.Backend, error) {
	if m.store == "" {
		if m.endpoint != "" {
			return nil, fmt.Errorf("--s3-endpoint needs --media-store s3://BUCKET/PREFIX")
		}
		return nil, nil
	}
	cfg, err := media.ParseS3URL(m.store)
	if err != nil {
		return nil, fmt.Errorf("--media-store: %w", err)
	}
	if m.endpoint == "" {
		return nil, fmt.Errorf("--media-store needs --s3-endpoint")
	}
	cfg.Endpoint, cfg.Region, cfg.Insecure = m.endpoint, m.region, m.insecure
	cfg.AccessKey = env("WARTA_S3_ACCESS_KEY", os.Getenv("AWS_ACCESS_KEY_ID"))
	cfg.SecretKey = env("WARTA_S3_SECRET_KEY", os.Getenv("AWS_SECRET_ACCESS_KEY"))
	return media.NewS3(ctx, cfg)
}
