package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func httpGet(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// serve --metrics-addr puts /metrics on its own listener (not on the site),
// --log-format json writes one JSON object a line, and on SIGTERM /readyz
// answers 503 for --drain before the listener closes.
func TestServeMetricsReadinessAndJSONLogs(t *testing.T) {
	bin := buildWarta(t)
	dir := t.TempDir()
	addr, maddr := freeAddr(t), freeAddr(t)
	var logs bytes.Buffer
	cmd := exec.Command(bin, "serve", "--db", filepath.Join(dir, "w.db"), "--media", filepath.Join(dir, "media"),
		"--addr", addr, "--metrics-addr", maddr, "--log-format", "json", "--drain", "3s")
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	deadline := time.Now().Add(60 * time.Second)
	for {
		if code, _ := httpGet(t, "http://"+addr+"/readyz"); code == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("never ready: %s", logs.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	httpGet(t, "http://"+addr+"/")
	if code, _ := httpGet(t, "http://"+addr+"/metrics"); code == 200 {
		t.Error("/metrics is public on the site's address")
	}
	code, body := httpGet(t, "http://"+maddr+"/metrics")
	if code != 200 || !strings.Contains(body, `warta_http_requests_total{code="200",method="GET",route="/{$}"} 1`) ||
		!strings.Contains(body, "go_goroutines") {
		t.Errorf("metrics on --metrics-addr = %d\n%s", code, body)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	drained := false
	for range 200 {
		code, body := httpGet(t, "http://"+addr+"/readyz")
		if code == 503 && strings.Contains(body, "shutting down") {
			drained = true
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !drained {
		t.Error("/readyz never answered 503 while shutting down")
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("serve: %v\n%s", err, logs.String())
	}
	sc := bufio.NewScanner(&logs)
	n := 0
	for sc.Scan() {
		var line map[string]any
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Errorf("log line is not JSON: %q", sc.Text())
			continue
		}
		if line["msg"] == nil || line["level"] == nil || line["time"] == nil {
			t.Errorf("log line lacks msg/level/time: %q", sc.Text())
		}
		n++
	}
	if n < 3 {
		t.Errorf("only %d log lines", n)
	}
}

// warta backup and warta restore from the command line, on a demo site.
func TestBackupAndRestoreCommands(t *testing.T) {
	bin := buildWarta(t)
	dir := t.TempDir()
	db, media := filepath.Join(dir, "w.db"), filepath.Join(dir, "media")
	run := func(args ...string) string {
		t.Helper()
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("warta %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	run("demo", "--db", db, "--media", media)
	archive := filepath.Join(dir, "cadangan.tar.gz")
	out := run("backup", "--db", db, "--media", media, "--to", archive)
	if !strings.Contains(out, "66 articles") {
		t.Errorf("backup said %q", out)
	}
	out = run("restore", "--from", archive, "--db", filepath.Join(dir, "baru.db"), "--media", filepath.Join(dir, "media-baru"))
	if !strings.Contains(out, "66 articles") {
		t.Errorf("restore said %q", out)
	}
	// Restoring over the live site is refused, with a reason.
	cmd := exec.Command(bin, "restore", "--from", archive, "--db", db, "--media", filepath.Join(dir, "kosong"))
	b, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(b), "already exists") {
		t.Errorf("restore over a database: %v %s", err, b)
	}
}

// warta import wordpress, flags after the file, then a re-run.
func TestImportWordPressCommand(t *testing.T) {
	bin := buildWarta(t)
	dir := t.TempDir()
	file, _ := filepath.Abs("../../internal/wpimport/testdata/wordpress-export.xml")
	uploads, _ := filepath.Abs("../../internal/wpimport/testdata/uploads")
	args := []string{"import", "wordpress", file, "--db", filepath.Join(dir, "w.db"), "--media", filepath.Join(dir, "media"), "--media-from", uploads}
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, want := range []string{"posts       6 (1 scheduled, 2 drafts, 1 in review)", "comments    3", "media       2 images", "post with status private"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	out, err = exec.Command(bin, args...).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "already imported before, left as they are: 8") {
		t.Errorf("re-run: %v\n%s", err, out)
	}
	out, err = exec.Command(bin, "import", "wordpress", filepath.Join(dir, "tidak-ada.xml"), "--db", filepath.Join(dir, "w.db")).CombinedOutput()
	if err == nil || !strings.Contains(string(out), "no such file") {
		t.Errorf("missing file: %v %s", err, out)
	}
}
