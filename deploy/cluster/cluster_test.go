package main

import (
	"context"
	"os"
	"testing"
	"time"

	"warta/internal/testdb"
)

// Three processes over one PostgreSQL and one object store behind HAProxy:
// what a portal on several machines runs (issue 18). Skipped, saying why,
// without PostgreSQL, SeaweedFS or HAProxy.
func TestClusterBehindLoadBalancer(t *testing.T) {
	if os.Getenv(testdb.EnvPostgres) == "" {
		t.Skip(testdb.EnvPostgres + " not set: the cluster needs PostgreSQL")
	}
	if need := Needs(); need != "" {
		t.Skip(need)
	}
	if testing.Short() {
		t.Skip("-short: cluster test skipped")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	c, err := Start(ctx, Config{DB: testdb.PostgresURL(t), Dir: t.TempDir()}, t.Logf)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Stop()
	if err := c.Check(ctx); err != nil {
		t.Fatal(err)
	}
}
