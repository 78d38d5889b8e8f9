package site

import (
	"html/template"
	"net/url"
	"regexp"
	"strings"

	"warta/internal/domain"
)

var urlRe = regexp.MustCompile(`https?://[^\s<>"']+`)

// commentHTML shows a reader's plain text safely: everything escaped, web
// addresses turned into nofollow links, line breaks kept.
func commentHTML(text string) template.HTML {
	var b strings.Builder
	last := 0
	for _, m := range urlRe.FindAllStringIndex(text, -1) {
		b.WriteString(template.HTMLEscapeString(text[last:m[0]]))
		raw := strings.TrimRight(text[m[0]:m[1]], ".,;:!?)")
		if u, err := url.Parse(raw); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			b.WriteString(`<a href="` + template.HTMLEscapeString(u.String()) + `" rel="nofollow ugc noopener">` +
				template.HTMLEscapeString(raw) + `</a>`)
		} else {
			b.WriteString(template.HTMLEscapeString(raw))
		}
		last = m[0] + len(raw)
	}
	b.WriteString(template.HTMLEscapeString(text[last:]))
	return template.HTML(strings.ReplaceAll(b.String(), "\n", "<br>\n"))
}

// commentForm is what the reader typed, kept when a submission is refused.
type commentForm struct {
	Name, Email, Text string
	ParentID          int64
	Error             string
	Notice            string
}

type commentsView struct {
	List        []domain.Comment
	Total       int
	Page, Pages int
	Newest      bool
	Base        string
	Form        commentForm
	// Thread is the top-level comment whose replies are shown page by
	// page (?balasan=ID); Page and Pages then count reply pages.
	Thread int64
}
