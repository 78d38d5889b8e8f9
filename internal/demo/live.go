package demo

import (
	"context"
	"time"

	"warta/internal/domain"
	"warta/internal/render"
	"warta/internal/store"
)

// The demo's breaking story is also a live report (issue 14), so a newcomer
// sees updates arrive: LiveStory's article, with these updates.
const LiveStory = "status-gunung-semeru-dinaikkan-ke-level-awas-radius-bahaya-diperluas"

var liveUpdates = []struct {
	minutesAgo  int
	title, body string
}{
	{21, "Status Awas diumumkan", "PVMBG resmi menaikkan status Gunung Semeru ke **Level IV (Awas)**. Radius bahaya di sektor tenggara diperluas menjadi 17 kilometer."},
	{12, "", "BPBD Lumajang mengerahkan 40 truk untuk evakuasi warga Desa Supiturang dan Sumberwuluh. Posko utama berada di Balai Desa Penanggal."},
	{4, "Pengungsi bertambah", "Jumlah pengungsi tercatat **4.210 orang** di 12 titik pengungsian. Kebutuhan mendesak: masker, air bersih dan selimut."},
}

func seedLive(ctx context.Context, st *store.Store, r *render.Renderer, now time.Time) error {
	a, err := st.ArticleBySlug(ctx, LiveStory)
	if err != nil {
		return nil // the story is not in this demo
	}
	if _, err := st.StartLive(ctx, a.ID); err != nil {
		return err
	}
	for _, u := range liveUpdates {
		html, err := r.Markdown(u.body)
		if err != nil {
			return err
		}
		if _, err := st.AddLiveUpdate(ctx, domain.LiveUpdate{ArticleID: a.ID, Title: u.title, BodySource: u.body, BodyHTML: html,
			CreatedAt: now.Add(-time.Duration(u.minutesAgo) * time.Minute)}); err != nil {
			return err
		}
	}
	// Like every demo story it reads as never edited (no "Diperbarui").
	return st.SetUnedited(ctx, a.ID)
}
