package domain

import "time"

// Comment statuses.
const (
	CommentPending  = "pending"
	CommentApproved = "approved"
	CommentRejected = "rejected"
	CommentSpam     = "spam"
)

// ValidCommentStatus reports whether s is a known comment status.
func ValidCommentStatus(s string) bool {
	switch s {
	case CommentPending, CommentApproved, CommentRejected, CommentSpam:
		return true
	}
	return false
}

// Comment is a reader's comment. Email is never shown to readers.
type Comment struct {
	ID        int64
	ArticleID int64
	ParentID  int64 // 0 for a top-level comment
	Name      string
	Email     string
	Body      string // plain text as the reader typed it
	Status    string
	Reader    string // the reader key of the author's browser
	CreatedAt time.Time

	// Filled by some queries.
	ArticleTitle string
	ArticleSlug  string
	Replies      []Comment
	MoreReplies  int64 // replies of the thread not in Replies (store.ReplyCap)
}

// Moderation modes (setting "comments.moderation").
const (
	ModerationHoldAll    = "hold_all"
	ModerationHoldFirst  = "hold_first"
	ModerationApproveAll = "approve_all"
)

// Reaction kinds.
const (
	ReactionLike    = "like"
	ReactionDislike = "dislike"
	ReactionNone    = "none"
)

// Counts are an article's live engagement numbers.
type Counts struct {
	Views        int64
	Likes        int64
	Dislikes     int64
	CommentCount int64
}
