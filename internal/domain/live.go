package domain

import "time"

// BreakingAt reports whether the article counts as breaking news at now:
// flagged, and its end (if any) not yet reached.
func (a Article) BreakingAt(now time.Time) bool {
	return a.Breaking && (a.BreakingUntil.IsZero() || now.Before(a.BreakingUntil))
}

// LiveReport is the live-report state of an article (elections, disasters,
// sport): while it runs, the newsroom adds timestamped updates that readers
// see without reloading.
type LiveReport struct {
	ArticleID int64
	// Seq counts the report's changes (an update added, edited or
	// deleted, the report ended or reopened); a reader's stream resumes
	// from the last one it saw.
	Seq       int64
	StatusSeq int64 // the change that last ended or reopened the report
	StartedAt time.Time
	EndedAt   time.Time // zero while the report runs
}

// Ended reports whether the report was ended ("Laporan langsung selesai").
func (r LiveReport) Ended() bool { return !r.EndedAt.IsZero() }

// LiveUpdate is one timestamped update of a live report. BodyHTML is the
// Markdown of BodySource rendered and sanitised exactly like article
// bodies.
type LiveUpdate struct {
	ID         int64
	ArticleID  int64
	Seq        int64 // the report change that last wrote it
	Title      string
	BodySource string
	BodyHTML   string
	UserID     int64 // the account that added it; 0 when gone
	CreatedAt  time.Time
	UpdatedAt  time.Time
	Deleted    bool // a tombstone: streams resuming past it learn it is gone
}

// Edited reports whether the update was changed after it was posted.
func (u LiveUpdate) Edited() bool { return u.UpdatedAt.Sub(u.CreatedAt) > time.Minute }
