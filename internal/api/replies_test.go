package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"warta/internal/domain"
	"warta/internal/store"
	"warta/internal/testdb"
)

// A thread longer than its listing shows (store.ReplyCap replies and
// more_replies) can be read to its end through the replies endpoint,
// oldest first, approved replies only; bad ids are clear 4xx answers.
func TestRepliesEndpointReadsTheRestOfAThread(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := newEnv(t, st)
		ctx := context.Background()
		add := func(parent int64, body string, status string) domain.Comment {
			t.Helper()
			c, err := st.AddComment(ctx, domain.Comment{ArticleID: e.ids["b"], ParentID: parent, Name: "Pembaca",
				Body: body, Status: status})
			if err != nil {
				t.Fatal(err)
			}
			return c
		}
		root := add(0, "Komentar utama.", domain.CommentApproved)
		first := add(root.ID, "Balasan 1.", domain.CommentApproved)
		add(first.ID, "Balasan 2.", domain.CommentApproved) // a reply to a reply is in the thread too
		for i := 3; i <= store.ReplyCap+5; i++ {
			add(root.ID, fmt.Sprintf("Balasan %d.", i), domain.CommentApproved)
		}
		add(root.ID, "Balasan yang ditahan.", domain.CommentPending)

		_, raw := e.do(t, "GET", fmt.Sprintf("/api/v1/articles/%d/comments", e.ids["b"]), nil, "")
		var listing struct {
			Data []struct {
				ID          int64 `json:"id"`
				Replies     []json.RawMessage
				MoreReplies int64 `json:"more_replies"`
			}
		}
		if err := json.Unmarshal(raw, &listing); err != nil || len(listing.Data) != 1 {
			t.Fatalf("listing: %v %s", err, raw)
		}
		if got := listing.Data[0]; len(got.Replies) != store.ReplyCap || got.MoreReplies != 5 {
			t.Fatalf("listing shows %d replies and more_replies %d, want %d and 5", len(got.Replies), got.MoreReplies, store.ReplyCap)
		}

		var texts []string
		for page := 1; page <= 3; page++ {
			path := fmt.Sprintf("/api/v1/articles/%d/comments/%d/replies?limit=6&page=%d", e.ids["b"], root.ID, page)
			resp, raw := e.do(t, "GET", path, nil, "")
			if resp.StatusCode != 200 {
				t.Fatalf("%s: %d %s", path, resp.StatusCode, raw)
			}
			var got struct {
				Data []struct {
					Text     string `json:"text"`
					ParentID int64  `json:"parent_id"`
				}
				Pagination struct{ Total int }
			}
			if err := json.Unmarshal(raw, &got); err != nil {
				t.Fatal(err)
			}
			if got.Pagination.Total != store.ReplyCap+5 {
				t.Errorf("page %d: total %d, want %d", page, got.Pagination.Total, store.ReplyCap+5)
			}
			for _, c := range got.Data {
				texts = append(texts, c.Text)
			}
		}
		want := make([]string, 0, store.ReplyCap+5)
		for i := 1; i <= store.ReplyCap+5; i++ {
			want = append(want, fmt.Sprintf("Balasan %d.", i))
		}
		if strings.Join(texts, " ") != strings.Join(want, " ") {
			t.Errorf("replies over three pages:\n got %q\nwant %q", texts, want)
		}

		other := e.ids["c"]
		for path, code := range map[string]int{
			fmt.Sprintf("/api/v1/articles/%d/comments/abc/replies", e.ids["b"]):                   404,
			fmt.Sprintf("/api/v1/articles/%d/comments/%d/replies?limit=500", e.ids["b"], root.ID): 400,
			fmt.Sprintf("/api/v1/articles/%d/comments/%d/replies", e.ids["b"], first.ID):          404, // not top-level
			fmt.Sprintf("/api/v1/articles/%d/comments/%d/replies", other, root.ID):                404, // another article's
			fmt.Sprintf("/api/v1/articles/%d/comments/999999/replies", e.ids["b"]):                404,
		} {
			resp, raw := e.do(t, "GET", path, nil, "")
			var body struct {
				Error struct{ Message string }
			}
			if resp.StatusCode != code || json.Unmarshal(raw, &body) != nil || body.Error.Message == "" {
				t.Errorf("%s: %d %s, want %d with a message", path, resp.StatusCode, raw, code)
			}
		}
	})
}
