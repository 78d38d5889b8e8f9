package engage

import (
	"fmt"
	"testing"
)

func TestIsBot(t *testing.T) {
	for ua, want := range map[string]bool{
		"": true,
		"Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)": true,
		"Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)":  true,
		"facebookexternalhit/1.1": true,
		"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari": true,
		"curl/8.5.0":                              true,
		"python-requests/2.31":                    true,
		"Go-http-client/1.1":                      true,
		"WhatsApp/2.23.20.0 A":                    true,
		"Mozilla/5.0 (compatible; AhrefsBot/7.0)": true,
		"Mozilla/5.0 (Linux; Android 13; CUBOT P80) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36": false,
		"Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148":     false,
		"Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 Chrome/124 Mobile Safari/537.36":  false,
	} {
		// Twice: the second answer comes from the memo.
		for range 2 {
			if got := IsBot(ua); got != want {
				t.Errorf("IsBot(%q) = %v, want %v", ua, got, want)
			}
		}
	}
}

// The memo of answers is bounded: when full it starts afresh, and answers
// stay right across the reset.
func TestIsBotMemoBounded(t *testing.T) {
	for i := range botMemoMax + 10 {
		ua := fmt.Sprintf("Mozilla/5.0 (Linux; Android 14; model-%d) Chrome/124 Mobile", i)
		if i%2 == 1 {
			ua = fmt.Sprintf("ExampleBot/%d", i)
		}
		if got := IsBot(ua); got != (i%2 == 1) {
			t.Fatalf("IsBot(%q) = %v", ua, got)
		}
	}
	if n := botMemo.Load().n.Load(); n > botMemoMax {
		t.Errorf("memo holds %d entries, bound %d", n, botMemoMax)
	}
}
