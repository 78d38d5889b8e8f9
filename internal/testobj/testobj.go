// Package testobj starts a real S3-compatible object store for tests:
// SeaweedFS (`weed server -s3`), a Go program built from the module proxy
// by deploy/seaweedfs.sh. Tests that need it skip, saying how to get it,
// where the binary is missing.
package testobj

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"warta/internal/media"
)

// Credentials the started store accepts (and nothing else).
const (
	AccessKey = "warta-test"
	SecretKey = "warta-test-secret"
)

// Path finds the weed binary: $WARTA_WEED, weed on PATH, or where
// deploy/seaweedfs.sh installs it.
func Path() string {
	if p := os.Getenv("WARTA_WEED"); p != "" {
		return p
	}
	if p, err := exec.LookPath("weed"); err == nil {
		return p
	}
	for _, p := range []string{filepath.Join(os.Getenv("HOME"), ".cache", "warta", "weed"), "/usr/local/bin/weed"} {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	return ""
}

// Server is one running SeaweedFS with its S3 gateway.
type Server struct {
	Endpoint string // host:port of the S3 API
	cmd      *exec.Cmd
	dir      string
}

func freePorts(n int) ([]int, error) {
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	var ports []int
	for len(ports) < n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		ls = append(ls, l)
		p := l.Addr().(*net.TCPAddr).Port
		// SeaweedFS listens for gRPC on port+10000 too.
		if p+10000 > 65535 {
			continue
		}
		if g, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p+10000)); err != nil {
			continue
		} else {
			ls = append(ls, g)
		}
		ports = append(ports, p)
	}
	return ports, nil
}

// Start runs a SeaweedFS server in dir until Stop, and waits for its S3 API.
func Start(weed, dir string) (*Server, error) {
	ports, err := freePorts(4)
	if err != nil {
		return nil, err
	}
	conf := filepath.Join(dir, "s3.json")
	if err := os.WriteFile(conf, []byte(fmt.Sprintf(`{"identities":[{"name":"warta","credentials":[{"accessKey":%q,"secretKey":%q}],"actions":["Admin","Read","Write","List","Tagging"]}]}`,
		AccessKey, SecretKey)), 0o600); err != nil {
		return nil, err
	}
	data := filepath.Join(dir, "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		return nil, err
	}
	s := &Server{Endpoint: "127.0.0.1:" + strconv.Itoa(ports[3]), dir: dir}
	s.cmd = exec.Command(weed, "server", "-dir="+data, "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
		"-master.port="+strconv.Itoa(ports[0]), "-volume.port="+strconv.Itoa(ports[1]),
		"-filer.port="+strconv.Itoa(ports[2]), "-s3", "-s3.port="+strconv.Itoa(ports[3]), "-s3.config="+conf,
		"-master.volumeSizeLimitMB=64", "-volume.max=200")
	logf, err := os.Create(filepath.Join(dir, "weed.log"))
	if err != nil {
		return nil, err
	}
	s.cmd.Stdout, s.cmd.Stderr = logf, logf
	// The server goes when the process that started it goes, even on a
	// failed test run that never reached Shutdown.
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	if err := s.cmd.Start(); err != nil {
		logf.Close()
		return nil, err
	}
	go func() { s.cmd.Wait(); logf.Close() }()
	// Ready when a bucket can be made and a file put (the volume server
	// registers with the master a moment after the S3 port opens).
	cfg := s.Config("warta-ready")
	deadline := time.Now().Add(90 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		err := media.CreateBucket(ctx, cfg)
		if err == nil {
			var b *media.S3
			if b, err = media.NewS3(ctx, cfg); err == nil {
				err = b.Put(ctx, "ready", []byte("ok"), "text/plain")
			}
		}
		cancel()
		if err == nil {
			return s, nil
		}
		if time.Now().After(deadline) {
			s.Stop()
			log, _ := os.ReadFile(filepath.Join(dir, "weed.log"))
			if len(log) > 4000 {
				log = log[len(log)-4000:]
			}
			return nil, fmt.Errorf("seaweedfs did not become ready: %v\n%s", err, log)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// Config is how to reach a bucket of this server (the bucket is made by
// Bucket, or by the caller).
func (s *Server) Config(bucket string) media.S3Config {
	return media.S3Config{Endpoint: s.Endpoint, Bucket: bucket, AccessKey: AccessKey, SecretKey: SecretKey, Insecure: true, Region: "us-east-1"}
}

// Stop ends the server.
func (s *Server) Stop() {
	if s.cmd != nil && s.cmd.Process != nil {
		s.cmd.Process.Kill()
	}
}

var (
	shared     *Server
	sharedErr  error
	sharedOnce sync.Once
	buckets    int
	bucketsMu  sync.Mutex
)

// Bucket returns a fresh, empty place (a bucket and a prefix of its own)
// on a SeaweedFS server shared by the tests of this process (started on
// first use), or skips the test with the reason. Call Shutdown from TestMain to stop the server.
func Bucket(t testing.TB) media.S3Config {
	t.Helper()
	weed := Path()
	if weed == "" {
		t.Skip("SeaweedFS (weed) not found: object-store tests skipped (run deploy/seaweedfs.sh, or set WARTA_WEED)")
	}
	sharedOnce.Do(func() {
		dir, err := os.MkdirTemp("", "warta-weed-")
		if err != nil {
			sharedErr = err
			return
		}
		shared, sharedErr = Start(weed, dir)
	})
	if sharedErr != nil {
		t.Fatalf("start SeaweedFS: %v", sharedErr)
	}
	// One bucket, a fresh prefix per test: each bucket is a collection
	// with volumes of its own in SeaweedFS, which a long test run would
	// run out of.
	bucketsMu.Lock()
	buckets++
	prefix := fmt.Sprintf("t%d-%d", os.Getpid(), buckets)
	bucketsMu.Unlock()
	cfg := shared.Config("warta-test")
	cfg.Prefix = prefix
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := media.CreateBucket(ctx, cfg); err != nil {
		t.Fatalf("create bucket: %v", err)
	}
	return cfg
}

// Shutdown stops the shared server, if one was started, and removes its files.
func Shutdown() {
	if shared != nil {
		shared.Stop()
		time.Sleep(200 * time.Millisecond)
		os.RemoveAll(shared.dir)
	}
}
