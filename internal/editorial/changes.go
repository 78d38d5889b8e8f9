package editorial

import "context"

// Change is the one event a newsroom write sends when readers can see what
// it changed. Article writes need none: the store announces them itself
// (Store.OnArticleChange, and NOTIFY on PostgreSQL).
type Change struct {
	// Articles are the articles whose pages show the change (comments
	// moderated, a poll edited); 0 stands for the pages that show a poll
	// without an article (the home page's).
	Articles []int64
	// Site, when set, says that something every page may show changed, and
	// what: one of the Change* values below.
	Site string
}

// What a site-wide Change changed: every page may show it (the navigation,
// the footer, the article slot, a category's or tag's name and address).
const (
	ChangeSettings   = "settings"
	ChangeCategories = "categories"
	ChangeTags       = "tags"
	ChangePages      = "pages"
	// ChangePolls: a poll was made, deleted or changed scope (issue 14); the
	// site poll shows on the home page and articles without their own.
	ChangePolls = "polls"
	// ChangeLook: the site's name, tagline, logo, menu, footer, ad slots or
	// home poll (issue 14).
	ChangeLook = "look"
)

// OnChange registers fn to run after every newsroom write readers can see.
// internal/app wires it to the caches: an article's pages go through
// engage.Service.Changed (this process's page cache drops them, other
// processes are told), a site-wide change through site.Site.Changed (every
// cached page and fragment drops here, and on PostgreSQL in every process).
// fn runs in the writer's goroutine, after the write committed. Register at
// start-up, before serving.
func (s *Service) OnChange(fn func(ctx context.Context, c Change)) {
	s.onChange = append(s.onChange, fn)
}

// changed announces c; a method that wrote what readers see calls it once,
// after the write succeeded.
func (s *Service) changed(ctx context.Context, c Change) {
	ctx = context.WithoutCancel(ctx) // the write is done, even if the request is not
	for _, fn := range s.onChange {
		fn(ctx, c)
	}
}
