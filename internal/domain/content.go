package domain

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Status is an article's place in the editorial workflow.
type Status string

// Article statuses.
const (
	StatusDraft       Status = "draft"
	StatusReview      Status = "review"
	StatusScheduled   Status = "scheduled"
	StatusPublished   Status = "published"
	StatusUnpublished Status = "unpublished"
)

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	switch s {
	case StatusDraft, StatusReview, StatusScheduled, StatusPublished, StatusUnpublished:
		return true
	}
	return false
}

// Length limits (in characters) on the names every page shows, so one
// oversized name cannot bloat every page (issue 16).
const (
	MaxCategoryName        = 60
	MaxCategoryDescription = 500
	MaxTagName             = 100
	MaxAuthorName          = 100
)

// CheckName refuses an empty-after-trimming or over-long name, or one that
// is not clean UTF-8 text; what names the field in the message.
func CheckName(what, v string, maxRunes int) error {
	if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
		return Invalid("%s berisi karakter yang tidak diizinkan", what)
	}
	if utf8.RuneCountInString(strings.TrimSpace(v)) > maxRunes {
		return Invalid("%s terlalu panjang (paling banyak %d karakter)", what, maxRunes)
	}
	return nil
}

// Category is a navigation section (kanal).
type Category struct {
	ID          int64
	Slug        string
	Name        string
	Description string
	Position    int
}

// Tag is a hashtag; HOT is a tag too.
type Tag struct {
	ID   int64
	Slug string
	Name string
}

// Author is a byline.
type Author struct {
	ID   int64
	Slug string
	Name string
	Bio  string
}

// Photo is an article's lead image.
type Photo struct {
	URL     string
	Caption string
	Credit  string
	Width   int
	Height  int
}

// Article is a news story with its counters.
type Article struct {
	ID          int64
	Slug        string
	Title       string
	Excerpt     string
	BodySource  string // what the newsroom wrote (Markdown)
	BodyHTML    string // sanitised HTML rendered from BodySource
	Photo       Photo
	Category    Category
	Tags        []Tag
	Authors     []Author
	Status      Status
	PublishedAt time.Time // zero when never published
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Breaking    bool
	// BreakingUntil ends the Breaking flag by itself (the ticker, the
	// label); zero: no end (see BreakingAt).
	BreakingUntil time.Time
	Featured      bool
	Hot           bool
	PollID        int64 // 0 when none
	// BacaJugaOff: the editors turned off the "Baca juga" links the reader
	// page puts inside a long body (issue 14). Filled on full reads.
	BacaJugaOff bool
	// Version counts the saves made by people (newsroom, admin API); a
	// save made from an older version is refused. Filled on full reads.
	Version int64

	Views        int64
	Likes        int64
	Dislikes     int64
	CommentCount int64
}

// Poll is a reader poll.
type Poll struct {
	ID        int64
	Question  string
	ArticleID int64 // 0 when site-wide
	// Scope is where readers see the poll: PollSite (the home page's poll
	// and beside articles without a poll of their own) or PollArticle (only
	// on the articles that attach it).
	Scope     string
	OpensAt   time.Time
	ClosesAt  time.Time // zero when open-ended
	CreatedAt time.Time
	Options   []PollOption
}

// PollOption is one answer of a poll with its vote count.
type PollOption struct {
	ID       int64
	PollID   int64
	Label    string
	Position int
	Votes    int64
}

// TotalVotes sums the votes of all options.
func (p *Poll) TotalVotes() int64 {
	var n int64
	for _, o := range p.Options {
		n += o.Votes
	}
	return n
}

// IsOpen reports whether the poll accepts votes at time now.
func (p *Poll) IsOpen(now time.Time) bool {
	if now.Before(p.OpensAt) {
		return false
	}
	return p.ClosesAt.IsZero() || now.Before(p.ClosesAt)
}

// Page asks for one page of a list.
type Page struct {
	Number int // 1-based
	Size   int
}

// Offset is the number of rows before this page.
func (p Page) Offset() int { return (p.Number - 1) * p.Size }

// ArticleFilter narrows a list of published articles.
type ArticleFilter struct {
	CategorySlug string
	TagSlug      string
	AuthorSlug   string
	ExcludeID    int64
}
