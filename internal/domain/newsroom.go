package domain

import "time"

// Role is what a newsroom account may do (see auth.Can for the table).
type Role string

// Newsroom roles.
const (
	RoleAdmin     Role = "admin"
	RoleEditor    Role = "editor"
	RoleWriter    Role = "writer"
	RoleModerator Role = "moderator"
)

// Roles lists every role, most powerful first.
var Roles = []Role{RoleAdmin, RoleEditor, RoleWriter, RoleModerator}

// Valid reports whether r is a known role.
func (r Role) Valid() bool {
	switch r {
	case RoleAdmin, RoleEditor, RoleWriter, RoleModerator:
		return true
	}
	return false
}

// Label is the role's Indonesian name.
func (r Role) Label() string {
	switch r {
	case RoleAdmin:
		return "Admin"
	case RoleEditor:
		return "Editor"
	case RoleWriter:
		return "Penulis"
	case RoleModerator:
		return "Moderator"
	}
	return string(r)
}

// User is a newsroom account. PasswordHash is never shown.
type User struct {
	ID           int64
	Email        string
	Name         string
	Role         Role
	AuthorID     int64 // the byline this account writes under; 0 when none
	Disabled     bool
	PasswordHash string
	CreatedAt    time.Time
}

// Revision is a saved version of an article's text.
type Revision struct {
	ID         int64
	ArticleID  int64
	UserID     int64
	UserName   string
	Title      string
	Slug       string
	Excerpt    string
	BodySource string
	Status     Status
	CreatedAt  time.Time
	// ArticleVersion is the article's version this revision saved (0 for
	// revisions older than versions).
	ArticleVersion int64

	// AllFields reports whether the revision kept every field below too;
	// revisions saved before migration 0150 kept only the text (title,
	// slug, excerpt, body) and leave the rest zero.
	AllFields   bool
	Category    Category // ID; Slug and Name as the category is now ("" when it is gone)
	Tags        []string // names as saved
	Authors     []Author // bylines in order; ones deleted since are left out
	Photo       Photo
	PublishedAt time.Time
	Breaking    bool
	Featured    bool
	HotManual   *bool // the editor's #HOT decision; nil when the trending job decided
	PollID      int64
	// BacaJugaOff is the "Baca juga" switch (Article.BacaJugaOff); nil in
	// revisions saved before migration 0170, which did not keep it.
	BacaJugaOff *bool
}

// Note kinds: a correction ("Ralat") or an update note ("Pembaruan").
const (
	NoteCorrection = "correction"
	NoteUpdate     = "update"
)

// Note is a correction or update note shown on a published article.
type Note struct {
	ID        int64
	ArticleID int64
	Kind      string
	Body      string
	UserID    int64
	CreatedAt time.Time
}

// Label is the note kind's Indonesian heading.
func (n Note) Label() string {
	if n.Kind == NoteCorrection {
		return "Ralat"
	}
	return "Pembaruan"
}

// APIToken is a bearer token for the admin API; only its hash is stored.
type APIToken struct {
	ID         int64
	UserID     int64
	UserEmail  string
	Name       string
	CreatedAt  time.Time
	LastUsedAt time.Time
	RevokedAt  time.Time
}

// EditLock says who is editing an article now.
type EditLock struct {
	ArticleID int64
	UserID    int64
	UserName  string
	ExpiresAt time.Time
}
