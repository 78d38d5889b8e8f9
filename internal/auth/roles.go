package auth

import "warta/internal/domain"

// Perm is one thing a newsroom account may be allowed to do.
type Perm string

// Permissions. Writers' rights over their own articles are checked by the
// editorial service on top of this table (own drafts only, no publishing).
const (
	PermArticleCreate  Perm = "article.create"   // write new articles (writers: drafts, submit for review)
	PermArticleEditAny Perm = "article.edit_any" // edit anyone's article in any status
	PermArticlePublish Perm = "article.publish"  // schedule, publish, unpublish
	PermArticleDelete  Perm = "article.delete"   // delete any article (writers: their own drafts)
	PermArticleNotes   Perm = "article.notes"    // add corrections and update notes
	PermUpload         Perm = "upload"           // upload images
	PermCategories     Perm = "categories"       // manage categories
	PermTags           Perm = "tags"             // rename and merge tags
	PermPolls          Perm = "polls"            // create, edit, open, close and attach polls
	PermComments       Perm = "comments"         // moderate comments, banned words, blocked readers
	PermStats          Perm = "stats"            // see the dashboard
	PermUsers          Perm = "users"            // manage accounts and everyone's API tokens
	PermSettings       Perm = "settings"         // site settings such as the moderation mode
	PermWebhooks       Perm = "webhooks"         // register webhooks, read their delivery log, ping and retry
	PermSiteSettings   Perm = "settings.site"    // site-wide settings such as the article slot (ad or embed HTML)
	PermLive           Perm = "live"             // make an article a live report, end and reopen it
	PermLiveUpdates    Perm = "live.updates"     // add, edit and delete live-report updates (writers: on their own articles)
)

// Table is the permission table: which roles hold each permission. The same
// table is printed in docs/newsroom.md (a test keeps them in step).
var Table = []struct {
	Perm  Perm
	Roles []domain.Role
}{
	{PermArticleCreate, []domain.Role{domain.RoleAdmin, domain.RoleEditor, domain.RoleWriter}},
	{PermArticleEditAny, []domain.Role{domain.RoleAdmin, domain.RoleEditor}},
	{PermArticlePublish, []domain.Role{domain.RoleAdmin, domain.RoleEditor}},
	{PermArticleDelete, []domain.Role{domain.RoleAdmin, domain.RoleEditor}},
	{PermArticleNotes, []domain.Role{domain.RoleAdmin, domain.RoleEditor}},
	{PermUpload, []domain.Role{domain.RoleAdmin, domain.RoleEditor, domain.RoleWriter}},
	{PermCategories, []domain.Role{domain.RoleAdmin, domain.RoleEditor}},
	{PermTags, []domain.Role{domain.RoleAdmin, domain.RoleEditor}},
	{PermPolls, []domain.Role{domain.RoleAdmin, domain.RoleEditor}},
	{PermComments, []domain.Role{domain.RoleAdmin, domain.RoleEditor, domain.RoleModerator}},
	{PermStats, []domain.Role{domain.RoleAdmin, domain.RoleEditor, domain.RoleWriter, domain.RoleModerator}},
	{PermUsers, []domain.Role{domain.RoleAdmin}},
	{PermSettings, []domain.Role{domain.RoleAdmin, domain.RoleEditor}},
	{PermWebhooks, []domain.Role{domain.RoleAdmin}},
	{PermSiteSettings, []domain.Role{domain.RoleAdmin}},
	{PermLive, []domain.Role{domain.RoleAdmin, domain.RoleEditor}},
	{PermLiveUpdates, []domain.Role{domain.RoleAdmin, domain.RoleEditor, domain.RoleWriter}},
}

var table = func() map[Perm]map[domain.Role]bool {
	m := map[Perm]map[domain.Role]bool{}
	for _, row := range Table {
		m[row.Perm] = map[domain.Role]bool{}
		for _, r := range row.Roles {
			m[row.Perm][r] = true
		}
	}
	return m
}()

// Can reports whether role holds perm.
func Can(role domain.Role, perm Perm) bool { return table[perm][role] }

// Require returns a forbidden error unless u holds perm.
func Require(u *domain.User, perm Perm) error {
	if u == nil || u.Disabled || !Can(u.Role, perm) {
		return domain.Forbidden("peran Anda tidak diizinkan melakukan tindakan ini")
	}
	return nil
}
