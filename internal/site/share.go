package site

import (
	"html/template"
	"net/url"
)

// The share bar of an article (issue 14): plain links to each network's
// own share page, WhatsApp first, as Indonesian readers share. No
// third-party script is loaded and nothing is added to the address that
// could follow the reader (no utm_ parameters): every link carries the
// article's canonical URL, so the network reads the page's Open Graph tags
// (title, description, lead photo) from that address. Without JavaScript
// the links are all there is; with it, warta.js copies the link to the
// clipboard and, where the browser has one (phones), offers the system's
// share sheet (navigator.share).

// shareBar is what the article template needs for the bar.
type shareBar struct {
	URL   string // the canonical URL that every link shares
	Title string
	Links []shareLink
	// The icons of the copy-link and system-share buttons.
	LinkIcon, ShareIcon template.HTML
}

// shareLink is one network's button.
type shareLink struct {
	Network string // class suffix: wa, tg, fb, x
	Label   string // the network's name, shown or read out
	Href    string
	Icon    template.HTML
}

// newShareBar builds the links for an article at canonical (absolute).
func newShareBar(canonical, title string) shareBar {
	text := title + " " + canonical
	return shareBar{URL: canonical, Title: title, Links: []shareLink{
		{"wa", "WhatsApp", "https://wa.me/?text=" + url.QueryEscape(text), iconWhatsApp},
		{"tg", "Telegram", "https://t.me/share/url?" + url.Values{"url": {canonical}, "text": {title}}.Encode(), iconTelegram},
		{"fb", "Facebook", "https://www.facebook.com/sharer/sharer.php?" + url.Values{"u": {canonical}}.Encode(), iconFacebook},
		{"x", "X", "https://x.com/intent/tweet?" + url.Values{"text": {title}, "url": {canonical}}.Encode(), iconX},
	}, LinkIcon: iconLink, ShareIcon: iconShare}
}

// The icons are drawn for Warta (24×24, currentColor), not copied from the
// networks' brand kits; the visible or screen-reader label names each one.
const svgOpen = `<svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">`

var (
	iconWhatsApp = template.HTML(svgOpen + `<path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" d="M12 3a9 9 0 0 0-7.8 13.5L3 21l4.6-1.2A9 9 0 1 0 12 3z"/>` +
		`<path fill="currentColor" d="M9 7.5c-.4 0-.9.1-1.2.6-.4.5-.8 1.3-.5 2.5.4 1.6 1.6 3.2 3.2 4.5 1.5 1.2 3.2 1.8 4.3 1.6.9-.2 1.5-.8 1.6-1.5l.1-.7-2.3-1.1-1 1.1c-1.3-.5-2.6-1.7-3.2-3l.9-1.1-1-2.5z"/></svg>`)
	iconTelegram = template.HTML(svgOpen + `<path fill="currentColor" d="M21.5 3.6 2.7 10.9c-.9.4-.9 1.5 0 1.8l4.6 1.5 1.8 5.6c.2.7 1.1.9 1.6.4l2.6-2.4 4.7 3.5c.6.4 1.4.1 1.6-.6l3.2-15.6c.2-.9-.6-1.6-1.3-1.5zM9.6 14l8.3-7.4-6.6 8.6-.3 2.9z"/></svg>`)
	iconFacebook = template.HTML(svgOpen + `<path fill="currentColor" d="M13.5 22v-8h2.8l.5-3.3h-3.3V8.6c0-.9.4-1.8 1.9-1.8H17V4a17 17 0 0 0-2.6-.2c-2.7 0-4.4 1.6-4.4 4.6v2.3H7V14h3v8z"/></svg>`)
	iconX        = template.HTML(svgOpen + `<path fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" d="M5 4l14 16M19 4 5 20"/></svg>`)
	iconLink     = template.HTML(svgOpen + `<path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"/></svg>`)
	iconShare    = template.HTML(svgOpen + `<g fill="currentColor"><circle cx="18" cy="5" r="2.6"/><circle cx="6" cy="12" r="2.6"/><circle cx="18" cy="19" r="2.6"/></g>` +
		`<path fill="none" stroke="currentColor" stroke-width="1.8" d="M8.3 10.8l7.4-4.4M8.3 13.2l7.4 4.4"/></svg>`)
)
