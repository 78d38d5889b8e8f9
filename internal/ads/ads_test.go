package ads_test

import (
	"strings"
	"testing"

	"warta/internal/ads"
)

// The operator's --ad-network value: none, or AdSense with a publisher id;
// anything else stops start-up with a message.
func TestParse(t *testing.T) {
	if n, err := ads.Parse(""); err != nil || n.On() || n.Hosts() != nil || n.ScriptURL() != "" {
		t.Errorf("empty: %+v %v", n, err)
	}
	n, err := ads.Parse("adsense:ca-pub-1234567890123456")
	if err != nil || !n.On() || n.Client != "ca-pub-1234567890123456" || len(n.Hosts()["script-src"]) == 0 {
		t.Fatalf("adsense: %+v %v", n, err)
	}
	for _, bad := range []string{"adsense", "adsense:ca-pub-12", "adsense:ca-pub-123456789012345x", "gam:1234", "adsense:ca-pub-1234567890123456\"><script>"} {
		if _, err := ads.Parse(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
	// Unit ids are digits only, and the markup carries nothing else.
	for _, bad := range []string{"", "12a", `1" onload="x`, "123456789012345678901"} {
		if n.CheckUnit(bad) == nil || n.Unit(bad) != "" {
			t.Errorf("unit %q accepted", bad)
		}
	}
	if u := string(n.Unit("4242")); !strings.Contains(u, `data-ad-slot="4242"`) || !strings.HasPrefix(u, `<ins class="adsbygoogle"`) {
		t.Errorf("unit markup %s", u)
	}
	if (ads.Network{}).CheckUnit("4242") == nil {
		t.Error("a unit without a network accepted")
	}
}
