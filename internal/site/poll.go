package site

import (
	"net/http"
	"strconv"
	"strings"

	"warta/internal/domain"
	"warta/internal/web"
)

type pollOptionView struct {
	ID      int64  `json:"id"`
	Label   string `json:"label"`
	Votes   int64  `json:"votes"`
	Percent int    `json:"percent"`
	Mine    bool   `json:"mine"`
}

type pollView struct {
	ID          int64            `json:"id"`
	Question    string           `json:"question"`
	Options     []pollOptionView `json:"options"`
	Total       int64            `json:"total"`
	ShowResults bool             `json:"-"`
	Closed      bool             `json:"closed"`
	Voted       bool             `json:"voted"`
	Back        string           `json:"-"`
	Message     string           `json:"-"`
}

func (s *Site) pollView(p domain.Poll, back string, showResults bool) *pollView {
	v := &pollView{ID: p.ID, Question: p.Question, Total: p.TotalVotes(), Back: back, Closed: !p.IsOpen(s.now())}
	v.ShowResults = showResults || v.Closed
	for _, o := range p.Options {
		pct := 0
		if v.Total > 0 {
			pct = int((o.Votes*1000/v.Total + 5) / 10)
		}
		v.Options = append(v.Options, pollOptionView{ID: o.ID, Label: o.Label, Votes: o.Votes, Percent: pct})
	}
	return v
}

// pollViewFor shows the results to a reader who already voted: their own
// cookie says so, never their address.
func (s *Site) pollViewFor(r *http.Request, rd domain.Reader, p domain.Poll, back string) *pollView {
	mine := s.engage.VotedOption(r.Context(), rd, p.ID)
	v := s.pollView(p, back, mine != 0)
	v.Voted = mine != 0
	for i := range v.Options {
		v.Options[i].Mine = v.Options[i].ID == mine
	}
	return v
}

type pollPage struct {
	frame
	Poll *pollView
}

func (s *Site) pollResults(w http.ResponseWriter, r *http.Request) error {
	id, err := web.PathID(r, "id", "polling")
	if err != nil {
		return err
	}
	p, err := s.store.PublicPoll(r.Context(), id)
	if err != nil {
		return err
	}
	f, err := s.frame(r.Context(), meta{Title: "Hasil polling: " + p.Question + " — " + s.siteName(r.Context()), Canonical: "/polling/" + itoa(int(id))}, "")
	if err != nil {
		return err
	}
	v := s.pollViewFor(r, s.readers.Visit(r), p, "/polling/"+itoa(int(id)))
	v.ShowResults = true
	if v.voted() {
		markPerReader(w)
	}
	return s.render(w, "poll", http.StatusOK, pollPage{frame: f, Poll: v})
}

func itoa(i int) string { return strconv.Itoa(i) }

// voted reports whether the poll is drawn with this reader's own vote.
func (v *pollView) voted() bool { return v != nil && v.Voted }

// markPerReader says a page shows this reader's own state (their vote,
// reaction or held comment): it must never be kept for, or served to,
// anyone else, by the page cache or by a cache in front of Warta.
func markPerReader(w http.ResponseWriter) { w.Header().Set("Cache-Control", "private, no-cache") }

// perReader reports whether a rendered page was marked by markPerReader.
func perReader(h http.Header) bool { return strings.Contains(h.Get("Cache-Control"), "private") }
