// Command pacer sends reader writes (reactions, comments or poll votes),
// each from a new reader (its own User-Agent and X-Forwarded-For address,
// so run Warta with --trust-proxy, and its own reader cookie, got the way a
// browser gets it), and prints how many were acknowledged.
//
// Paced (-rate): writes at a fixed rate for a fixed time, reactions and
// comments alternately; bench/mixed.sh runs it beside wrk's reads.
// Closed loop (-conns N): N writers, each sending its next write when the
// last was answered, as fast as Warta takes them, one -kind at a time;
// bench/writes.sh runs it and prints the latency percentiles.
//
//	go run ./bench/pacer -base http://127.0.0.1:18083 -rate 50 -for 10s -ids 3,4,5
//	go run ./bench/pacer -base http://127.0.0.1:18082 -conns 64 -for 10s -kind vote -poll 1 -option 2
package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

type tally struct {
	mu      sync.Mutex
	ok      map[string]int64 // kind -> acknowledged
	refused map[string]int   // status or error of the writes that failed
	failed  atomic.Int64
	lat     []time.Duration // of acknowledged writes, both tries
}

func (t *tally) fail(why string) {
	t.failed.Add(1)
	t.mu.Lock()
	t.refused[why]++
	t.mu.Unlock()
}

func (t *tally) done(kind string, d time.Duration) {
	t.mu.Lock()
	t.ok[kind]++
	t.lat = append(t.lat, d)
	t.mu.Unlock()
}

func main() {
	base := flag.String("base", "http://127.0.0.1:18083", "Warta's origin")
	rate := flag.Float64("rate", 0, "writes per second (paced; reactions and comments alternately)")
	conns := flag.Int("conns", 0, "writers sending as fast as they are answered (closed loop), instead of -rate")
	kind := flag.String("kind", "mix", "mix, reaction, comment or vote")
	dur := flag.Duration("for", 10*time.Second, "how long")
	list := flag.String("ids", "", "comma-separated article ids to write on")
	poll := flag.Int64("poll", 0, "poll id (for -kind vote)")
	option := flag.Int64("option", 0, "poll option id (for -kind vote)")
	flag.Parse()
	var ids []string
	for _, v := range strings.Split(*list, ",") {
		if _, err := strconv.ParseInt(v, 10, 64); err == nil {
			ids = append(ids, v)
		}
	}
	switch {
	case (*rate > 0) == (*conns > 0):
		fail2("pacer: give either a positive -rate or a positive -conns")
	case *kind == "vote" && (*poll <= 0 || *option <= 0):
		fail2("pacer: -kind vote needs -poll and -option")
	case *kind != "vote" && len(ids) == 0:
		fail2("pacer: -ids is required")
	case !slices.Contains([]string{"mix", "reaction", "comment", "vote"}, *kind):
		fail2("pacer: -kind is mix, reaction, comment or vote")
	}
	transport := &http.Transport{MaxIdleConnsPerHost: max(64, *conns)}
	t := &tally{ok: map[string]int64{}, refused: map[string]int{}}
	write := func(n int) {
		k := *kind
		if k == "mix" {
			k = []string{"reaction", "comment"}[n%2]
		}
		var path, body string
		switch k {
		case "reaction":
			path, body = "/api/v1/articles/"+ids[n%len(ids)]+"/reactions", `{"reaction":"like"}`
		case "comment":
			path = "/api/v1/articles/" + ids[n%len(ids)] + "/comments"
			body = fmt.Sprintf(`{"name":"Pembaca %d","text":"Tanggapan pembaca nomor %d tentang berita ini."}`, n, n)
		case "vote":
			path, body = fmt.Sprintf("/api/v1/polls/%d/votes", *poll), fmt.Sprintf(`{"option_id":%d}`, *option)
		}
		// A new reader: no cookie yet. Engagement asks a browser that
		// has none to send again with the reader cookie it just got.
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Timeout: 10 * time.Second, Transport: transport, Jar: jar}
		began := time.Now()
		var resp *http.Response
		for try := 0; try < 2; try++ {
			req, _ := http.NewRequest("POST", *base+path, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("User-Agent", fmt.Sprintf("Mozilla/5.0 (Linux; Android 14; penulis-%d) Chrome/124 Mobile", n))
			req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", (n>>16)&255, (n>>8)&255, n&255))
			var err error
			if resp, err = c.Do(req); err != nil {
				t.fail("error")
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusBadRequest || len(resp.Cookies()) == 0 {
				break
			}
		}
		if resp.StatusCode/100 != 2 {
			t.fail(strconv.Itoa(resp.StatusCode))
			return
		}
		t.done(k, time.Since(began))
	}

	var wg sync.WaitGroup
	end := time.Now().Add(*dur)
	began := time.Now()
	if *rate > 0 {
		tick := time.NewTicker(time.Duration(float64(time.Second) / *rate))
		defer tick.Stop()
		for n := 0; time.Now().Before(end); n++ {
			<-tick.C
			wg.Go(func() { write(n) })
		}
	} else {
		var next atomic.Int64
		for range *conns {
			wg.Go(func() {
				for time.Now().Before(end) {
					write(int(next.Add(1)))
				}
			})
		}
	}
	wg.Wait()
	took := time.Since(began)
	var ok int64
	for _, v := range t.ok {
		ok += v
	}
	fmt.Printf("writes acknowledged %d (reactions %d, comments %d, votes %d), refused or failed %d, %.1f/s\n",
		ok, t.ok["reaction"], t.ok["comment"], t.ok["vote"], t.failed.Load(), float64(ok)/took.Seconds())
	if len(t.lat) > 0 {
		slices.Sort(t.lat)
		q := func(p float64) float64 { return float64(t.lat[int(p*float64(len(t.lat)-1))].Microseconds()) / 1000 }
		fmt.Printf("latency of acknowledged writes (new reader, cookie round trip included): p50 %.2f ms, p99 %.2f ms\n", q(0.5), q(0.99))
	}
	if len(t.refused) > 0 {
		fmt.Printf("refused or failed by status: %v\n", t.refused)
	}
}

func fail2(msg string) {
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(2)
}
