package wpimport

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"warta/internal/domain"
	"warta/internal/media"
	"warta/internal/render"
	"warta/internal/store"
)

// Options tune an import.
type Options struct {
	// MediaFrom is a copy of the old site's wp-content/uploads. Its images
	// go through the newsroom's upload path (checked, EXIF stripped,
	// resized, srcset); without it the original URLs are kept.
	MediaFrom string
	Media     *media.Store // where imported images are stored
	DryRun    bool         // read and count, write nothing
	Location  *time.Location
	// Progress is told how far reading has come (pass 1 checks the whole
	// file, pass 2 imports).
	Progress func(pass int, done, total int64)
}

// Summary tells what an import did (or, in a dry run, would do).
type Summary struct {
	Posts, Pages, Comments, Categories, Tags, Authors, Media, Redirects int
	Scheduled, Drafts, InReview                                         int
	AlreadyImported                                                     int            // items imported by an earlier run
	MediaKeptRemote                                                     int            // images left at their original URLs
	MediaMissing                                                        []string       // files --media-from did not have
	Skipped                                                             map[string]int // why -> how many
	Hierarchy                                                           string
}

func (s *Summary) skip(why string) { s.Skipped[why]++ }

type attachment struct {
	URL, File, Caption, Credit, Alt string
	Width, Height                   int
}

type importer struct {
	st        *store.Store
	r         *render.Renderer
	opt       Options
	sum       Summary
	base      string // the old site's origin, https://lama.example.id
	authors   map[string]Author
	cats      map[string]Category
	atts      map[int64]attachment
	authorID  map[string]int64
	catID     map[string]int64
	primary   map[string]bool   // categories that became Warta categories
	secondary map[string]string // other categories: slug -> the tag they became
	tags      map[string]string // WordPress tag slug -> name
	images    map[string]media.Image
	dryTags   map[string]bool
}

// Import reads the WXR export at file into st. It reads the file twice: the
// first pass checks the whole file (a broken or truncated export stops here
// with the line, before anything is written) and collects the attachments,
// authors and categories that posts refer to; the second imports one item at
// a time, each in its own transaction with its comments and old addresses,
// so a failure leaves no half item. Items imported before (by WordPress
// post id) are skipped, so running the same file again adds nothing.
func Import(ctx context.Context, st *store.Store, r *render.Renderer, file string, opt Options) (Summary, error) {
	if opt.Location == nil {
		opt.Location = time.UTC
	}
	im := &importer{st: st, r: r, opt: opt, authors: map[string]Author{}, cats: map[string]Category{},
		atts: map[int64]attachment{}, authorID: map[string]int64{}, catID: map[string]int64{},
		primary: map[string]bool{}, secondary: map[string]string{}, tags: map[string]string{}, images: map[string]media.Image{}, dryTags: map[string]bool{}}
	im.sum.Skipped = map[string]int{}
	im.sum.Hierarchy = "flattened: Warta's categories have no parents; every WordPress category becomes its own, and the old /category/parent/child/ addresses redirect to it"
	if opt.MediaFrom != "" {
		if st, err := os.Stat(opt.MediaFrom); err != nil || !st.IsDir() {
			return im.sum, fmt.Errorf("--media-from %s is not a folder (give a copy of wp-content/uploads)", opt.MediaFrom)
		}
		if opt.Media == nil {
			return im.sum, errors.New("wpimport: no media store to import images into")
		}
	}
	// Pass 1.
	err := readFile(file, 1, opt.Progress, Handler{
		Site: func(_, link, base string) error {
			im.base = strings.TrimRight(firstNonEmpty(base, link), "/")
			return nil
		},
		Author:   func(a Author) error { im.authors[a.Login] = a; return nil },
		Category: func(c Category) error { im.cats[c.Slug] = c; return nil },
		Tag:      func(t Tag) error { im.tags[t.Slug] = t.Name; return nil },
		Item: func(it *Item) error {
			if it.Type == "attachment" {
				meta := it.MetaValue("_wp_attachment_metadata")
				im.atts[it.ID] = attachment{URL: it.AttachmentURL, File: it.MetaValue("_wp_attached_file"),
					Caption: strings.TrimSpace(it.Excerpt()), Credit: phpString(meta, "credit"),
					Alt: it.MetaValue("_wp_attachment_image_alt"), Width: phpInt(meta, "width"), Height: phpInt(meta, "height")}
			}
			return nil
		},
	})
	if err != nil {
		return im.sum, err
	}
	// Pass 2.
	tagsBefore, err := im.tagCount(ctx)
	if err != nil {
		return im.sum, err
	}
	err = readFile(file, 2, opt.Progress, Handler{Item: func(it *Item) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := im.item(ctx, it); err != nil {
			return fmt.Errorf("item %q (WordPress id %d, line %d): %w", it.Title, it.ID, it.Line, err)
		}
		return nil
	}})
	if err != nil {
		return im.sum, err
	}
	if err := im.taxonomyRedirects(ctx); err != nil {
		return im.sum, err
	}
	tagsAfter, err := im.tagCount(ctx)
	if err != nil {
		return im.sum, err
	}
	if im.opt.DryRun {
		im.sum.Tags = len(im.dryTags)
	} else {
		im.sum.Tags = tagsAfter - tagsBefore
	}
	return im.sum, nil
}

func (im *importer) tagCount(ctx context.Context) (int, error) {
	var n int
	err := im.st.WriteDB().QueryRowContext(ctx, "SELECT COUNT(*) FROM tags").Scan(&n)
	return n, err
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

type countingReader struct {
	r     io.Reader
	n     int64
	total int64
	pass  int
	fn    func(int, int64, int64)
	last  time.Time
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.fn != nil && (time.Since(c.last) > 100*time.Millisecond || err == io.EOF) {
		c.last = time.Now()
		c.fn(c.pass, c.n, c.total)
	}
	return n, err
}

func readFile(file string, pass int, progress func(int, int64, int64), h Handler) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	return Read(&countingReader{r: f, total: st.Size(), pass: pass, fn: progress}, h)
}

var statuses = map[string]domain.Status{"publish": domain.StatusPublished, "future": domain.StatusScheduled,
	"draft": domain.StatusDraft, "pending": domain.StatusReview}

// item imports one post or page.
func (im *importer) item(ctx context.Context, it *Item) error {
	switch it.Type {
	case "attachment":
		return nil // taken with the posts that use them
	case "post", "page":
	default:
		im.sum.skip("type " + it.Type + " (not posts or pages)")
		return nil
	}
	status, ok := statuses[it.Status]
	if !ok {
		im.sum.skip(it.Type + " with status " + it.Status)
		return nil
	}
	if !im.opt.DryRun {
		var done int64
		err := im.st.WriteDB().QueryRowContext(ctx, im.st.Rebind(`SELECT COUNT(*) FROM import_items
			WHERE source = 'wordpress' AND kind = 'post' AND source_id = ?`), it.ID).Scan(&done)
		if err != nil {
			return err
		}
		if done > 0 {
			im.sum.AlreadyImported++
			return nil
		}
	}
	published := im.date(it.DateGMT, it.Date)
	title := strings.TrimSpace(html.UnescapeString(it.Title))
	if title == "" {
		title = "(tanpa judul)"
	}
	slug := it.Name
	if u, err := url.PathUnescape(slug); err == nil {
		slug = u
	}
	slug = domain.Slugify(slug)
	if slug == "" {
		slug = domain.Slugify(title)
	}

	// Categories: the first real one is the article's; the others become
	// tags so their articles stay together.
	var cat string
	var cats, tagNames []string
	for _, t := range it.Terms {
		switch t.Domain {
		case "category":
			cats = append(cats, t.Slug)
		case "post_tag":
			tagNames = append(tagNames, strings.TrimSpace(html.UnescapeString(t.Name)))
		}
	}
	for _, c := range cats {
		if cat == "" && c != "uncategorized" {
			cat = c
		} else if c != "uncategorized" {
			tagNames = append(tagNames, im.catName(c))
			im.secondary[c] = im.catName(c)
		}
	}
	if it.Type == "page" {
		cat = "halaman"
		im.cats[cat] = Category{Slug: cat, Name: "Halaman", Description: "Halaman dari situs lama"}
	}
	if cat == "" {
		cat = "uncategorized"
	}

	var photo domain.Photo
	if tid, _ := strconv.ParseInt(it.MetaValue("_thumbnail_id"), 10, 64); tid != 0 {
		if a, ok := im.atts[tid]; ok {
			photo = im.photo(a)
		}
	}
	body := im.r.Sanitize(convertBody(it.Content(), im.bodyImage, im.galleryRef))
	excerpt := plain(it.Excerpt())
	if im.opt.DryRun {
		for _, t := range tagNames {
			im.dryTags[domain.Slugify(t)] = true
		}
		im.count(it, status)
		return nil
	}

	catID, err := im.category(ctx, cat)
	if err != nil {
		return err
	}
	var authorIDs []int64
	if a, ok := im.authors[it.Creator]; ok || it.Creator != "" {
		if !ok {
			a = Author{Login: it.Creator}
		}
		id, err := im.author(ctx, a)
		if err != nil {
			return err
		}
		if id != 0 {
			authorIDs = []int64{id}
		}
	}
	in := store.ArticleInput{Slug: slug, SlugFromTitle: true, Title: title, Excerpt: excerpt, BodySource: body, BodyHTML: body,
		Photo: photo, CategoryID: catID, Tags: dedupe(tagNames), AuthorIDs: authorIDs, Status: status}
	if status == domain.StatusPublished || status == domain.StatusScheduled {
		in.PublishedAt = published
	}
	var comments, redirects int
	in.Also = func(ctx context.Context, tx *sql.Tx, id int64) error {
		q := im.st.Rebind
		modified := im.date(it.Modified, "")
		if modified.Before(published) {
			modified = published
		}
		if _, err := tx.ExecContext(ctx, q("UPDATE articles SET created_at = ?, updated_at = ? WHERE id = ?"), published, modified, id); err != nil {
			return err
		}
		var newSlug string
		if err := tx.QueryRowContext(ctx, q("SELECT slug FROM articles WHERE id = ?"), id).Scan(&newSlug); err != nil {
			return err
		}
		target := domain.ArticlePath(newSlug)
		idParam := "p"
		if it.Type == "page" {
			idParam = "page_id"
		}
		olds := []string{"/?" + idParam + "=" + strconv.FormatInt(it.ID, 10)}
		if p := im.oldPath(it.Link); p != "" {
			olds = append(olds, p)
		}
		for _, old := range dedupe(olds) {
			if old == target {
				continue
			}
			if err := im.st.PutRedirect(ctx, tx, old, target, "wordpress"); err != nil {
				return err
			}
			redirects++
		}
		n, err := im.comments(ctx, tx, id, it.Comments)
		if err != nil {
			return err
		}
		comments = n
		_, err = tx.ExecContext(ctx, q(`INSERT INTO import_items (source, kind, source_id, warta_id) VALUES ('wordpress', 'post', ?, ?)`), it.ID, id)
		return err
	}
	if _, err := im.st.CreateArticle(ctx, in); err != nil {
		return err
	}
	im.count(it, status)
	im.sum.Comments += comments
	im.sum.Redirects += redirects
	if it.Type == "post" {
		im.primary[cat] = true
	}
	return nil
}

func (im *importer) count(it *Item, status domain.Status) {
	if it.Type == "page" {
		im.sum.Pages++
	} else {
		im.sum.Posts++
	}
	switch status {
	case domain.StatusScheduled:
		im.sum.Scheduled++
	case domain.StatusDraft:
		im.sum.Drafts++
	case domain.StatusReview:
		im.sum.InReview++
	}
	if im.opt.DryRun {
		for _, c := range it.Comments {
			if commentStatus(c) != "" {
				im.sum.Comments++
			}
		}
	}
}

func commentStatus(c Comment) string {
	if c.Type != "" && c.Type != "comment" {
		return ""
	}
	switch c.Approved {
	case "1":
		return domain.CommentApproved
	case "0":
		return domain.CommentPending
	}
	return ""
}

// comments inserts a post's comments with their threads, dates and
// approval state; spam, trashed comments and pingbacks stay behind.
func (im *importer) comments(ctx context.Context, tx *sql.Tx, articleID int64, cs []Comment) (int, error) {
	sort.Slice(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
	ids := map[int64]int64{}
	approved, n := 0, 0
	for _, c := range cs {
		status := commentStatus(c)
		if status == "" {
			switch {
			case c.Type != "" && c.Type != "comment":
				im.sum.skip("comment of type " + c.Type)
			case c.Approved == "spam":
				im.sum.skip("comment marked spam")
			default:
				im.sum.skip("comment with state " + c.Approved)
			}
			continue
		}
		var parent any
		if p, ok := ids[c.Parent]; ok {
			parent = p
		}
		name := strings.TrimSpace(html.UnescapeString(c.Author))
		if name == "" {
			name = "Anonim"
		}
		var id int64
		err := tx.QueryRowContext(ctx, im.st.Rebind(`INSERT INTO comments (article_id, parent_id, name, email, body, status, reader, created_at)
			VALUES (?, ?, ?, ?, ?, ?, '', ?) RETURNING id`), articleID, parent, name, strings.ToLower(strings.TrimSpace(c.Email)),
			plain(c.Content), status, im.date(c.DateGMT, c.Date)).Scan(&id)
		if err != nil {
			return n, fmt.Errorf("comment %d: %w", c.ID, err)
		}
		ids[c.ID] = id
		n++
		if status == domain.CommentApproved {
			approved++
		}
	}
	if approved > 0 {
		if _, err := tx.ExecContext(ctx, im.st.Rebind("UPDATE articles SET comment_count = comment_count + ? WHERE id = ?"), approved, articleID); err != nil {
			return n, err
		}
	}
	return n, nil
}

// date reads WordPress's "2006-01-02 15:04:05": the GMT one when set, else
// the local one in the site's zone, else now.
func (im *importer) date(gmt, local string) time.Time {
	const layout = "2006-01-02 15:04:05"
	if t, err := time.Parse(layout, gmt); err == nil && t.Year() > 1 {
		return t.UTC()
	}
	if t, err := time.ParseInLocation(layout, local, im.opt.Location); err == nil && t.Year() > 1 {
		return t.UTC()
	}
	return im.st.Now()
}

func (im *importer) catName(slug string) string {
	if c, ok := im.cats[slug]; ok && c.Name != "" {
		return strings.TrimSpace(html.UnescapeString(c.Name))
	}
	return slug
}

func (im *importer) category(ctx context.Context, slug string) (int64, error) {
	if id, ok := im.catID[slug]; ok {
		return id, nil
	}
	c := im.cats[slug]
	wslug := domain.Slugify(slug)
	if wslug == "" {
		wslug = "umum"
	}
	id, err := im.st.CreateCategory(ctx, domain.Category{Slug: wslug, Name: im.catName(slug), Description: plain(c.Description), Position: 100})
	if domain.ErrorCode(err) == domain.EConflict {
		var existing domain.Category
		existing, err = im.st.CategoryBySlug(ctx, wslug)
		id = existing.ID
	} else if err == nil {
		im.sum.Categories++
	}
	if err != nil {
		return 0, fmt.Errorf("category %s: %w", slug, err)
	}
	im.catID[slug] = id
	return id, nil
}

func (im *importer) author(ctx context.Context, a Author) (int64, error) {
	if id, ok := im.authorID[a.Login]; ok {
		return id, nil
	}
	name := a.Name()
	if name == "" {
		return 0, nil
	}
	before, err := im.st.AuthorBySlug(ctx, domain.Slugify(name))
	existed := err == nil && before.ID != 0
	ids, err := im.st.EnsureAuthors(ctx, []string{name})
	if err != nil {
		return 0, fmt.Errorf("author %s: %w", a.Login, err)
	}
	if len(ids) == 0 {
		return 0, nil
	}
	if !existed {
		im.sum.Authors++
	}
	im.authorID[a.Login] = ids[0]
	return ids[0], nil
}

// oldPath is the path (and for ?p= links the query) of an old address, in
// the form redirects are stored.
func (im *importer) oldPath(link string) string {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil || (u.Path == "" && u.RawQuery == "") {
		return ""
	}
	p := u.Path
	if p == "" {
		p = "/"
	}
	return store.NormalizeRedirectPath(p, u.RawQuery)
}

// taxonomyRedirects sends the old category and tag addresses to their
// Warta pages.
func (im *importer) taxonomyRedirects(ctx context.Context) error {
	if im.opt.DryRun {
		return nil
	}
	put := func(old, target string) error {
		if err := im.st.PutRedirect(ctx, nil, old, target, "wordpress"); err != nil {
			return err
		}
		im.sum.Redirects++
		return nil
	}
	for slug := range im.catID {
		if slug == "halaman" {
			continue
		}
		target := "/kanal/" + domain.Slugify(slug)
		for _, old := range im.categoryPaths(slug) {
			if err := put(old, target); err != nil {
				return err
			}
		}
	}
	for slug, name := range im.secondary {
		if _, ok := im.catID[slug]; ok {
			continue
		}
		for _, old := range im.categoryPaths(slug) {
			if err := put(old, "/tag/"+domain.Slugify(name)); err != nil {
				return err
			}
		}
	}
	for slug, name := range im.tags {
		// Also when the slug stays: the old address ends in a slash.
		if s := domain.Slugify(name); s != "" {
			if err := put("/tag/"+slug, "/tag/"+s); err != nil {
				return err
			}
		}
	}
	return nil
}

// categoryPaths are the addresses WordPress gives a category: /category/x/
// and, for a child, /category/parent/x/.
func (im *importer) categoryPaths(slug string) []string {
	paths := []string{"/category/" + slug}
	chain := []string{slug}
	for p := im.cats[slug].Parent; p != "" && len(chain) < 10; p = im.cats[p].Parent {
		chain = append([]string{p}, chain...)
	}
	if len(chain) > 1 {
		paths = append(paths, "/category/"+strings.Join(chain, "/"))
	}
	return paths
}

// photo turns an attachment into an article's lead photo.
func (im *importer) photo(a attachment) domain.Photo {
	p := domain.Photo{Caption: plain(a.Caption), Credit: plain(a.Credit), Width: a.Width, Height: a.Height}
	if u, ok := im.mediaFor(firstNonEmpty(a.File, a.URL)); ok {
		p.URL = u
		if img, ok := im.images[im.uploadPath(firstNonEmpty(a.File, a.URL))]; ok {
			p.Width, p.Height = img.Width, img.Height
		}
		return p
	}
	p.URL = im.absolute(a.URL)
	im.sum.MediaKeptRemote++
	return p
}

func (im *importer) absolute(u string) string {
	if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") {
		return im.base + u
	}
	return u
}

var sizeSuffix = regexp.MustCompile(`-\d+x\d+(\.\w+)$`)

// uploadPath finds the path under wp-content/uploads of an image URL or
// path, or "" when it is not an upload of the old site.
func (im *importer) uploadPath(ref string) string {
	if i := strings.Index(ref, "/wp-content/uploads/"); i >= 0 {
		ref = ref[i+len("/wp-content/uploads/"):]
	} else if strings.Contains(ref, "://") || strings.HasPrefix(ref, "/") {
		return ""
	}
	if j := strings.IndexAny(ref, "?#"); j >= 0 {
		ref = ref[:j]
	}
	ref = path.Clean("/" + ref)[1:]
	if ref == "" || strings.HasPrefix(ref, "..") {
		return ""
	}
	return ref
}

// mediaFor imports an image of the old site from --media-from (once) and
// returns its new URL. Resized copies WordPress made (-300x188.jpg) lead
// to the original, which Warta resizes itself.
func (im *importer) mediaFor(ref string) (string, bool) {
	p := im.uploadPath(ref)
	if p == "" || im.opt.MediaFrom == "" {
		return "", false
	}
	if img, ok := im.images[p]; ok {
		return img.URL, img.URL != ""
	}
	if im.opt.DryRun {
		im.images[p] = media.Image{URL: "(dry run)"}
		im.sum.Media++
		return "(dry run)", true
	}
	file := filepath.Join(im.opt.MediaFrom, filepath.FromSlash(p))
	if orig := sizeSuffix.ReplaceAllString(file, "$1"); orig != file {
		if _, err := os.Stat(orig); err == nil {
			file = orig
		}
	}
	data, err := os.ReadFile(file)
	if err != nil {
		im.sum.MediaMissing = append(im.sum.MediaMissing, p)
		im.images[p] = media.Image{}
		return "", false
	}
	img, err := im.opt.Media.Save(data)
	if err != nil {
		im.sum.skip("image not accepted: " + domain.ErrorMessage(err))
		im.images[p] = media.Image{}
		return "", false
	}
	im.images[p] = img
	im.sum.Media++
	return img.URL, true
}

// bodyImage is where an image in a body is loaded from now: the imported
// copy, or else the old site's address made absolute (a relative one would
// point at the new site).
func (im *importer) bodyImage(ref string) (string, bool) {
	if u, ok := im.mediaFor(ref); ok {
		return u, true
	}
	if a := im.absolute(ref); a != ref {
		return a, true
	}
	return "", false
}

func (im *importer) galleryRef(id string) (attachmentRef, bool) {
	n, _ := strconv.ParseInt(id, 10, 64)
	a, ok := im.atts[n]
	if !ok {
		return attachmentRef{}, false
	}
	u, ok := im.mediaFor(firstNonEmpty(a.File, a.URL))
	if !ok {
		u = im.absolute(a.URL)
	}
	return attachmentRef{URL: u, Caption: plain(a.Caption), Alt: a.Alt}, true
}

var tagRe = regexp.MustCompile(`(?s)<[^>]*>`)

// plain is text without tags or entities.
func plain(s string) string {
	return strings.TrimSpace(html.UnescapeString(tagRe.ReplaceAllString(s, "")))
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range ss {
		if s != "" && !seen[strings.ToLower(s)] {
			seen[strings.ToLower(s)] = true
			out = append(out, s)
		}
	}
	return out
}
