package webhooks_test

import (
	"context"
	"io"
	"log/slog"
	"net/netip"
	"strings"
	"testing"
	"time"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
	"warta/internal/webhooks"
)

// Issue 16, low finding: by default a webhook cannot reach loopback, private
// or link-local addresses (an admin-only port scanner otherwise); the
// delivery fails with the reason and the target never sees a request.
func TestWebhooksRefusePrivateTargets(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		tg := newTarget(t, 200)
		svc := webhooks.New(webhooks.Config{BaseURL: "http://warta.test", MaxAttempts: 1, Timeout: 2 * time.Second,
			PollInterval: 10 * time.Millisecond}, st, slog.New(slog.NewTextHandler(io.Discard, nil)))
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { svc.Run(ctx); close(done) }()
		t.Cleanup(func() { cancel(); <-done })
		for _, url := range []string{tg.srv.URL, strings.Replace(tg.srv.URL, "127.0.0.1", "localhost", 1)} {
			// What the newsroom's "Kirim ping" does (editorial.PingWebhook).
			hid, err := st.CreateWebhook(context.Background(), store.WebhookInput{URL: url, Active: true}, webhooks.NewSecret())
			if err != nil {
				t.Fatal(err)
			}
			did, err := st.CreateDelivery(context.Background(), hid, domain.EventPing, 0, webhooks.PingPayload(time.Now(), time.UTC))
			if err != nil {
				t.Fatal(err)
			}
			d, err := st.Delivery(context.Background(), did)
			if err != nil {
				t.Fatal(err)
			}
			waitFor(t, "the ping to fail", func() bool {
				d, _ = st.Delivery(context.Background(), d.ID)
				return d.Status == domain.DeliveryFailed
			})
			if !strings.Contains(d.LastError, "alamat privat") {
				t.Errorf("%s: delivery error %q does not say why", url, d.LastError)
			}
		}
		if n := len(tg.got()); n != 0 {
			t.Errorf("the private target got %d requests", n)
		}
	})
}

func TestPrivateAddr(t *testing.T) {
	for a, want := range map[string]bool{"127.0.0.1": true, "::1": true, "10.1.2.3": true, "172.16.0.1": true,
		"192.168.1.1": true, "169.254.169.254": true, "fe80::1": true, "fd00::1": true, "0.0.0.0": true, "100.64.0.1": true,
		"::ffff:127.0.0.1": true, "8.8.8.8": false, "2606:4700::1111": false, "203.0.113.9": false} {
		if got := webhooks.PrivateAddr(netip.MustParseAddr(a)); got != want {
			t.Errorf("PrivateAddr(%s) = %v, want %v", a, got, want)
		}
	}
}
