// Command pacer sends reader writes (reactions and comments, alternately)
// at a fixed rate for a fixed time, each from a new reader (its own
// User-Agent and X-Forwarded-For address, so run Warta with --trust-proxy),
// to the articles given, and prints how many were acknowledged. bench/mixed.sh
// runs it beside wrk's reads.
//
//	go run ./bench/pacer -base http://127.0.0.1:18083 -rate 50 -for 10s -ids 3,4,5
package main

import (
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	base := flag.String("base", "http://127.0.0.1:18083", "Warta's origin")
	rate := flag.Float64("rate", 50, "writes per second")
	dur := flag.Duration("for", 10*time.Second, "how long")
	list := flag.String("ids", "", "comma-separated article ids to write on")
	flag.Parse()
	var ids []string
	for _, v := range strings.Split(*list, ",") {
		if _, err := strconv.ParseInt(v, 10, 64); err == nil {
			ids = append(ids, v)
		}
	}
	if len(ids) == 0 || *rate <= 0 {
		fmt.Fprintln(os.Stderr, "pacer: -ids and a positive -rate are required")
		os.Exit(2)
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	var reacted, commented, failed atomic.Int64
	var mu sync.Mutex
	refused := map[string]int{} // status or error of the writes that failed
	fail := func(why string) {
		failed.Add(1)
		mu.Lock()
		refused[why]++
		mu.Unlock()
	}
	var wg sync.WaitGroup
	tick := time.NewTicker(time.Duration(float64(time.Second) / *rate))
	defer tick.Stop()
	end := time.Now().Add(*dur)
	for n := 0; time.Now().Before(end); n++ {
		<-tick.C
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			id := ids[n%len(ids)]
			path, body := "/api/v1/articles/"+id+"/reactions", `{"reaction":"like"}`
			if n%2 == 1 {
				path = "/api/v1/articles/" + id + "/comments"
				body = fmt.Sprintf(`{"name":"Pembaca %d","text":"Tanggapan pembaca nomor %d tentang berita ini."}`, n, n)
			}
			// A new reader: no cookie yet. Engagement asks a browser that
			// has none to send again with the reader cookie it just got.
			jar, _ := cookiejar.New(nil)
			c := &http.Client{Timeout: client.Timeout, Transport: client.Transport, Jar: jar}
			var resp *http.Response
			for try := 0; try < 2; try++ {
				req, _ := http.NewRequest("POST", *base+path, strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set("User-Agent", fmt.Sprintf("Mozilla/5.0 (Linux; Android 14; penulis-%d) Chrome/124 Mobile", n))
				req.Header.Set("X-Forwarded-For", fmt.Sprintf("10.%d.%d.%d", (n>>16)&255, (n>>8)&255, n&255))
				var err error
				if resp, err = c.Do(req); err != nil {
					fail("error")
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusBadRequest || len(resp.Cookies()) == 0 {
					break
				}
			}
			switch {
			case resp.StatusCode/100 != 2:
				fail(strconv.Itoa(resp.StatusCode))
			case n%2 == 0:
				reacted.Add(1)
			default:
				commented.Add(1)
			}
		}(n)
	}
	wg.Wait()
	ok := reacted.Load() + commented.Load()
	fmt.Printf("writes acknowledged %d (reactions %d, comments %d), refused or failed %d, %.1f/s\n",
		ok, reacted.Load(), commented.Load(), failed.Load(), float64(ok)/dur.Seconds())
	if len(refused) > 0 {
		fmt.Printf("refused or failed by status: %v\n", refused)
	}
}
