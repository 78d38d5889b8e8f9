package adminapi

import "net/http"

// Routes registers every admin API endpoint on mux.
func (a *API) Routes(mux *http.ServeMux) {
	const p = "/api/v1/admin"
	h := func(pattern string, fn handlerFunc) { mux.Handle(pattern, a.handler(fn)) }

	h("GET "+p+"/me", a.me)

	h("GET "+p+"/articles", a.listArticles)
	h("POST "+p+"/articles", a.createArticle)
	h("GET "+p+"/articles/{id}", a.getArticle)
	h("PATCH "+p+"/articles/{id}", a.updateArticle)
	h("DELETE "+p+"/articles/{id}", a.deleteArticle)
	h("GET "+p+"/articles/{id}/revisions", a.listRevisions)
	h("GET "+p+"/articles/{id}/revisions/{rev}", a.getRevision)
	h("POST "+p+"/articles/{id}/revisions/{rev}/restore", a.restoreRevision)
	h("GET "+p+"/articles/{id}/diff", a.diffRevisions)
	h("GET "+p+"/articles/{id}/notes", a.listNotes)
	h("POST "+p+"/articles/{id}/notes", a.addNote)
	h("POST "+p+"/articles/{id}/lock", a.lockArticle)
	// live reports (issue 14)
	h("GET "+p+"/articles/{id}/live", a.getLive)
	h("POST "+p+"/articles/{id}/live", a.startLive)
	h("POST "+p+"/articles/{id}/live/end", a.endLive)
	h("POST "+p+"/articles/{id}/live/updates", a.addLiveUpdate)
	h("PATCH "+p+"/articles/{id}/live/updates/{update}", a.editLiveUpdate)
	h("DELETE "+p+"/articles/{id}/live/updates/{update}", a.deleteLiveUpdate)
	h("GET "+p+"/articles/{id}/stats", a.articleStats)
	h("POST "+p+"/preview", a.preview)

	h("POST "+p+"/uploads", a.upload)

	h("GET "+p+"/categories", a.listCategories)
	h("POST "+p+"/categories", a.createCategory)
	h("PATCH "+p+"/categories/{slug}", a.updateCategory)
	h("DELETE "+p+"/categories/{slug}", a.deleteCategory)

	h("GET "+p+"/tags", a.listTags)
	h("PATCH "+p+"/tags/{slug}", a.renameTag)
	h("POST "+p+"/tags/{slug}/merge", a.mergeTag)

	h("GET "+p+"/polls", a.listPolls)
	h("POST "+p+"/polls", a.createPoll)
	h("GET "+p+"/polls/{id}", a.getPoll)
	h("PATCH "+p+"/polls/{id}", a.updatePoll)
	h("DELETE "+p+"/polls/{id}", a.deletePoll)

	h("GET "+p+"/comments", a.listComments)
	h("PATCH "+p+"/comments/{id}", a.moderateComment)
	h("DELETE "+p+"/comments/{id}", a.deleteComment)
	h("POST "+p+"/comments/bulk", a.bulkComments)
	h("POST "+p+"/comments/{id}/block", a.blockCommenter)
	h("GET "+p+"/banned-words", a.listBannedWords)
	h("POST "+p+"/banned-words", a.addBannedWord)
	h("DELETE "+p+"/banned-words/{word}", a.removeBannedWord)
	h("GET "+p+"/blocked-readers", a.listBlockedReaders)
	h("POST "+p+"/blocked-readers", a.blockReader)
	h("DELETE "+p+"/blocked-readers/{reader}", a.unblockReader)
	h("GET "+p+"/settings/moderation", a.getModeration)
	h("PUT "+p+"/settings/moderation", a.setModeration)
	h("GET "+p+"/settings", a.getSettings)
	h("PATCH "+p+"/settings", a.updateSettings)
	h("PUT "+p+"/settings/logo", a.setLogo)          // issue 14
	h("DELETE "+p+"/settings/logo", a.removeLogo)    // issue 14
	h("GET "+p+"/settings/home-poll", a.getHomePoll) // issue 14
	h("PUT "+p+"/settings/home-poll", a.setHomePoll) // issue 14

	h("GET "+p+"/users", a.listUsers)
	h("POST "+p+"/users", a.createUser)
	h("GET "+p+"/users/{id}", a.getUser)
	h("PATCH "+p+"/users/{id}", a.updateUser)
	h("GET "+p+"/tokens", a.listTokens)
	h("POST "+p+"/tokens", a.createToken)
	h("DELETE "+p+"/tokens/{id}", a.revokeToken)

	h("GET "+p+"/stats", a.stats)

	h("GET "+p+"/webhooks", a.listWebhooks)
	h("POST "+p+"/webhooks", a.createWebhook)
	h("GET "+p+"/webhooks/{id}", a.getWebhook)
	h("PATCH "+p+"/webhooks/{id}", a.updateWebhook)
	h("DELETE "+p+"/webhooks/{id}", a.deleteWebhook)
	h("GET "+p+"/webhooks/{id}/deliveries", a.listDeliveries)
	h("POST "+p+"/webhooks/{id}/ping", a.pingWebhook)
	h("POST "+p+"/webhooks/{id}/deliveries/{delivery}/retry", a.retryDelivery)

	// correction proposals ("usulan ralat", issue 12)
	h("GET "+p+"/proposals", a.listProposals)
	h("POST "+p+"/articles/{id}/proposals", a.propose)
	h("GET "+p+"/proposals/{id}", a.getProposal)
	h("POST "+p+"/proposals/{id}/accept", a.acceptProposal)
	h("POST "+p+"/proposals/{id}/reject", a.rejectProposal)
	h("POST "+p+"/proposals/{id}/withdraw", a.withdrawProposal)

	h(p+"/", a.notFound)
}
