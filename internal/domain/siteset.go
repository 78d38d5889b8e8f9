package domain

// The scopes of a poll (Poll.Scope).
const (
	PollSite    = "site"    // the site poll: the home page and articles without their own
	PollArticle = "article" // only on the articles that attach it
)

// SiteLook is what an admin sets about how the site presents itself (issue
// 14): name, tagline, logo, the menu under the header and the footer. Empty
// fields fall back to the server's flags (--site-name, --tagline) and the
// built-in logo; a nil Menu shows every channel in navigation order.
type SiteLook struct {
	Name        string
	Tagline     string
	Logo        Logo
	Menu        []MenuItem // nil: every channel, in the categories' order
	FooterText  string
	FooterLinks []Link
}

// Logo is an uploaded logo (a checked, re-encoded image under /media/);
// URL "" means the built-in one.
type Logo struct {
	URL    string `json:"url"`
	Width  int    `json:"width"`
	Height int    `json:"height"`
}

// MenuItem is one entry of the menu: a channel (CategoryID) or an extra
// link (Label and URL).
type MenuItem struct {
	CategoryID int64  `json:"category_id,omitempty"`
	Label      string `json:"label,omitempty"`
	URL        string `json:"url,omitempty"`
}

// Link is a labelled URL (an extra menu entry, a footer link).
type Link struct {
	Label string `json:"label"`
	URL   string `json:"url"`
}

// The named ad slots (issue 14).
const (
	AdHeader  = "header"  // under the site header, on every reader page
	AdArticle = "article" // inside the article body, after paragraph N
	AdSidebar = "sidebar" // at the top of the side column (home, article)
	AdList    = "list"    // between the items of news lists, every N
)

// AdSlots lists the slots in the order the newsroom shows them.
var AdSlots = []string{AdHeader, AdArticle, AdSidebar, AdList}

// AdSlot is what an admin placed in a slot. Kind is "" (empty: the slot is
// off), "house" (HTML of the site's own, sanitised like article bodies) or
// "network" (a unit of the ad network the operator enabled: only its id is
// stored, Warta writes the markup). Every is the paragraph the article slot
// follows, or how many list items come between two list slots.
type AdSlot struct {
	Kind  string `json:"kind,omitempty"`
	HTML  string `json:"html,omitempty"`
	Unit  string `json:"unit,omitempty"`
	Every int    `json:"every,omitempty"`
}

// The kinds of ad slot content.
const (
	AdHouse   = "house"
	AdNetwork = "network"
)
