package newsroom

import "net/http"

// Routes registers every newsroom page on mux.
func (u *UI) Routes(mux *http.ServeMux) {
	mux.Handle("GET /redaksi/masuk", gzipped(u.loginForm))
	mux.Handle("POST /redaksi/masuk", gzipped(u.login))
	mux.Handle("POST /redaksi/keluar", u.page(u.logout))
	mux.Handle("GET /redaksi/static/", u.assets)

	mux.Handle("GET /redaksi/{$}", u.page(u.dashboard))
	mux.Handle("GET /redaksi/akun", u.page(u.account))
	mux.Handle("POST /redaksi/akun/sandi", u.page(u.changePassword))

	mux.Handle("GET /redaksi/artikel", u.page(u.articles))
	mux.Handle("GET /redaksi/artikel/baru", u.page(u.newArticle))
	mux.Handle("POST /redaksi/artikel/baru", u.page(u.saveArticle))
	mux.Handle("GET /redaksi/artikel/{id}", u.page(u.editArticle))
	mux.Handle("POST /redaksi/artikel/{id}", u.page(u.saveArticle))
	mux.Handle("POST /redaksi/artikel/{id}/autosave", u.page(u.autosave))
	mux.Handle("POST /redaksi/artikel/{id}/kunci", u.page(u.lock))
	mux.Handle("POST /redaksi/artikel/{id}/kunci/ambil", u.page(u.takeLock))
	mux.Handle("POST /redaksi/artikel/{id}/kunci/lepas", u.page(u.leaveEditor))
	mux.Handle("POST /redaksi/artikel/{id}/hapus", u.page(u.deleteArticle))
	mux.Handle("POST /redaksi/artikel/{id}/catatan", u.page(u.addNote))
	mux.Handle("GET /redaksi/artikel/{id}/revisi", u.page(u.revisions))
	mux.Handle("POST /redaksi/artikel/{id}/revisi/{rev}/pulihkan", u.page(u.restore))
	mux.Handle("GET /redaksi/artikel/{id}/statistik", u.page(u.articleStats))
	// live reports (issue 14; live.go)
	mux.Handle("GET /redaksi/artikel/{id}/langsung", u.page(u.live))
	mux.Handle("POST /redaksi/artikel/{id}/langsung/{action}", u.page(u.liveAction))
	mux.Handle("POST /redaksi/artikel/{id}/langsung/pembaruan/{update}", u.page(u.editLiveUpdate))
	mux.Handle("POST /redaksi/artikel/{id}/langsung/pembaruan/{update}/hapus", u.page(u.deleteLiveUpdate))
	mux.Handle("POST /redaksi/pratinjau", u.page(u.preview))
	mux.Handle("GET /redaksi/artikel/{id}/pratinjau", u.page(u.fullPreview)) // issue 14: the whole page as readers will see it
	mux.Handle("POST /redaksi/unggah", u.page(u.upload))

	mux.Handle("GET /redaksi/komentar", u.page(u.comments))
	mux.Handle("POST /redaksi/komentar", u.page(u.moderate))
	mux.Handle("GET /redaksi/moderasi", u.page(u.moderation))
	mux.Handle("POST /redaksi/moderasi/{action}", u.page(u.moderationAction))

	mux.Handle("GET /redaksi/kategori", u.page(u.categories))
	mux.Handle("POST /redaksi/kategori", u.page(u.saveCategory))
	mux.Handle("POST /redaksi/kategori/{id}", u.page(u.saveCategory))
	mux.Handle("POST /redaksi/kategori/{id}/hapus", u.page(u.deleteCategory))
	mux.Handle("GET /redaksi/tag", u.page(u.tags))
	mux.Handle("POST /redaksi/tag/{id}", u.page(u.tagAction))
	mux.Handle("GET /redaksi/polling", u.page(u.polls))
	mux.Handle("GET /redaksi/polling/baru", u.page(u.poll))
	mux.Handle("POST /redaksi/polling/baru", u.page(u.savePoll))
	mux.Handle("POST /redaksi/polling/beranda", u.page(u.saveHomePoll)) // issue 14
	mux.Handle("GET /redaksi/polling/{id}", u.page(u.poll))
	mux.Handle("POST /redaksi/polling/{id}", u.page(u.savePoll))
	mux.Handle("POST /redaksi/polling/{id}/{action}", u.page(u.pollAction))

	mux.Handle("GET /redaksi/pengguna", u.page(u.users))
	mux.Handle("POST /redaksi/pengguna/{action}", u.page(u.userAction))

	mux.Handle("GET /redaksi/webhook", u.page(u.webhooks))
	mux.Handle("POST /redaksi/webhook", u.page(u.createWebhook))
	mux.Handle("GET /redaksi/webhook/{id}", u.page(u.webhook))
	mux.Handle("POST /redaksi/webhook/{id}", u.page(u.saveWebhook))
	mux.Handle("POST /redaksi/webhook/{id}/{action}", u.page(u.webhookAction))
	mux.Handle("POST /redaksi/webhook/{id}/pengiriman/{delivery}/ulang", u.page(u.retryDelivery))

	mux.Handle("GET /redaksi/pengaturan", u.page(u.settings))
	mux.Handle("POST /redaksi/pengaturan", u.page(u.saveSettings))
	mux.Handle("GET /redaksi/halaman", u.page(u.staticPages))
	mux.Handle("GET /redaksi/halaman/baru", u.page(u.staticPage))
	mux.Handle("POST /redaksi/halaman/baru", u.page(u.saveStaticPage))
	mux.Handle("GET /redaksi/halaman/{slug}", u.page(u.staticPage))
	mux.Handle("POST /redaksi/halaman/{slug}", u.page(u.saveStaticPage))

	// --- correction proposals ("usulan ralat", issue 12) ---
	mux.Handle("GET /redaksi/artikel/{id}/ralat", u.page(u.proposalForm))
	mux.Handle("POST /redaksi/artikel/{id}/ralat", u.page(u.propose))
	mux.Handle("GET /redaksi/ralat", u.page(u.proposals))
	mux.Handle("GET /redaksi/ralat/{id}", u.page(u.proposal))
	mux.Handle("POST /redaksi/ralat/{id}/terima", u.page(u.acceptProposal))
	mux.Handle("POST /redaksi/ralat/{id}/tolak", u.page(u.rejectProposal))
	mux.Handle("POST /redaksi/ralat/{id}/tarik", u.page(u.withdrawProposal))

	mux.Handle("/redaksi/", u.page(u.notFound))
}
