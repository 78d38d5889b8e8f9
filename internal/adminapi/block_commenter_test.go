package adminapi_test

import (
	"context"
	"strconv"
	"testing"

	"warta/internal/domain"
	"warta/internal/newsroom/nrtest"
	"warta/internal/store"
	"warta/internal/testdb"
)

// POST /comments/{id}/block blocks the comment's reader key and its
// e-mail (lower-cased), with the action asked for, and only for those who
// moderate comments.
func TestBlockCommenterThroughAPI(t *testing.T) {
	testdb.Each(t, func(t *testing.T, st *store.Store) {
		e := nrtest.New(t, st)
		article := e.CreateArticle(t, map[string]any{"title": "Berita", "category": "nasional", "status": "published", "body": "Isi."})
		c, err := st.AddComment(context.Background(), domain.Comment{ArticleID: article, Name: "Budi", Email: "Budi@Contoh.ID",
			Body: "Kasar", Status: domain.CommentApproved, Reader: "r-budi"})
		if err != nil {
			t.Fatal(err)
		}
		path := "/comments/" + strconv.FormatInt(c.ID, 10) + "/block"
		if r := e.API(t, writer, "POST", path, map[string]string{"action": "hold"}); r.Status != 403 {
			t.Errorf("writer blocks a commenter: %d %s", r.Status, r.Body)
		}
		if blocks, _ := st.Blocks(context.Background()); len(blocks) != 0 {
			t.Fatalf("a refused block stored %+v", blocks)
		}
		r := e.API(t, moderator, "POST", path, map[string]string{"action": "hold"})
		if r.Status != 201 {
			t.Fatalf("block commenter: %d %s", r.Status, r.Body)
		}
		var out []map[string]string
		r.Data(t, &out)
		if len(out) != 2 || out[0]["kind"] != store.BlockReader || out[0]["value"] != "r-budi" || out[0]["reader"] != "r-budi" ||
			out[1]["kind"] != store.BlockEmail || out[1]["value"] != "budi@contoh.id" || out[0]["action"] != "hold" || out[1]["action"] != "hold" {
			t.Errorf("answer: %s", r.Body)
		}
		blocks, err := st.Blocks(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, b := range blocks {
			got[b.Kind+":"+b.Value] = b.Action
		}
		if len(got) != 2 || got[store.BlockReader+":r-budi"] != store.BlockHold || got[store.BlockEmail+":budi@contoh.id"] != store.BlockHold {
			t.Errorf("stored blocks: %+v", blocks)
		}
		if r := e.API(t, moderator, "POST", "/comments/999999/block", nil); r.Status != 404 {
			t.Errorf("unknown comment: %d %s", r.Status, r.Body)
		}
	})
}
