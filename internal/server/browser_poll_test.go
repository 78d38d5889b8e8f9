package server_test

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"warta/internal/testbrowser"
	"warta/internal/testdb"
)

// Poll results drawn by the server (a reload after voting, /polling/N,
// voting without JavaScript) show each option's bar at its share of the
// votes. The bars used to be inline styles, which the site's own CSP blocks,
// so every bar was drawn full width.
func TestBrowserPollBarsDrawnByServer(t *testing.T) {
	ctx := testbrowser.New(t, 90*time.Second)
	st := testdb.SQLite(t)
	e := newEnv(t, st)
	bg := context.Background()
	ids, err := st.OpenPollIDs(bg, 0, 1)
	if err != nil || len(ids) == 0 {
		t.Fatalf("open poll: %v %v", ids, err)
	}
	p, err := st.Poll(bg, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	// Three readers: two for the first option, one for the second.
	for i, opt := range []int64{p.Options[0].ID, p.Options[0].ID, p.Options[1].ID} {
		if err := st.Vote(bg, p.ID, opt, []string{fmt.Sprintf("reader-%d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	testbrowser.Do(t, ctx,
		chromedp.Navigate(fmt.Sprintf("%s/polling/%d", e.srv.URL, p.ID)),
		chromedp.WaitVisible(chromedp.CSS(`.poll-results`)),
	)
	shares, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`Array.from(document.querySelectorAll(".poll-results li")).map(function (li) {
		var bar = li.querySelector(".poll-bar"), fill = bar && bar.firstElementChild;
		if (!bar || !fill) return -1;
		return fill.getBoundingClientRect().width / bar.getBoundingClientRect().width;
	})`))
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{2.0 / 3, 1.0 / 3}
	if len(shares) != len(want) {
		t.Fatalf("drawn bars %v, want %d bars", shares, len(want))
	}
	for i := range want {
		// Percentages are whole numbers (67 and 33), so allow a point of rounding.
		if math.Abs(shares[i]-want[i]) > 0.015 {
			t.Errorf("bar %d is drawn at %.0f%% of its track, want %.0f%%", i+1, shares[i]*100, want[i]*100)
		}
	}
}
