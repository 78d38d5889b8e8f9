// Package wpimport brings a WordPress site into Warta from its WXR export
// (Tools → Export, WXR 1.1 or 1.2). The file is read as a stream, one
// element at a time (encoding/xml's Decoder), so memory does not grow with
// the export: a 2 GB file needs what its largest item needs.
package wpimport

import (
	"bufio"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Author is a wp:author.
type Author struct {
	ID          int64  `xml:"author_id"`
	Login       string `xml:"author_login"`
	Email       string `xml:"author_email"`
	DisplayName string `xml:"author_display_name"`
	FirstName   string `xml:"author_first_name"`
	LastName    string `xml:"author_last_name"`
}

// Name is how the author is shown.
func (a Author) Name() string {
	for _, n := range []string{a.DisplayName, strings.TrimSpace(a.FirstName + " " + a.LastName), a.Login} {
		if n = strings.TrimSpace(n); n != "" {
			return n
		}
	}
	return ""
}

// Category is a wp:category (a tag is a Category with no parent).
type Category struct {
	Slug        string `xml:"category_nicename"`
	Parent      string `xml:"category_parent"`
	Name        string `xml:"cat_name"`
	Description string `xml:"category_description"`
}

// Tag is a wp:tag.
type Tag struct {
	Slug string `xml:"tag_slug"`
	Name string `xml:"tag_name"`
}

// Term is an item's <category domain="..." nicename="...">Name</category>.
type Term struct {
	Domain string `xml:"domain,attr"`
	Slug   string `xml:"nicename,attr"`
	Name   string `xml:",chardata"`
}

// Meta is a wp:postmeta.
type Meta struct {
	Key   string `xml:"meta_key"`
	Value string `xml:"meta_value"`
}

// Comment is a wp:comment.
type Comment struct {
	ID       int64  `xml:"comment_id"`
	Author   string `xml:"comment_author"`
	Email    string `xml:"comment_author_email"`
	Date     string `xml:"comment_date"`
	DateGMT  string `xml:"comment_date_gmt"`
	Content  string `xml:"comment_content"`
	Approved string `xml:"comment_approved"` // 1, 0, spam, trash
	Type     string `xml:"comment_type"`     // comment, "", pingback, trackback
	Parent   int64  `xml:"comment_parent"`
}

type encoded struct {
	XMLName xml.Name
	Text    string `xml:",chardata"`
}

// Item is one <item>: a post, page or attachment.
type Item struct {
	Title         string    `xml:"title"`
	Link          string    `xml:"link"`
	Creator       string    `xml:"creator"`
	Encoded       []encoded `xml:"encoded"` // content:encoded and excerpt:encoded
	ID            int64     `xml:"post_id"`
	Date          string    `xml:"post_date"`
	DateGMT       string    `xml:"post_date_gmt"`
	Modified      string    `xml:"post_modified_gmt"`
	Name          string    `xml:"post_name"`
	Status        string    `xml:"status"`
	Parent        int64     `xml:"post_parent"`
	Type          string    `xml:"post_type"`
	AttachmentURL string    `xml:"attachment_url"`
	Terms         []Term    `xml:"category"`
	Meta          []Meta    `xml:"postmeta"`
	Comments      []Comment `xml:"comment"`

	Line int `xml:"-"` // where the item starts in the file
}

// Content is the item's body (content:encoded).
func (it *Item) Content() string { return it.encodedIn("/content/") }

// Excerpt is the item's excerpt (excerpt:encoded).
func (it *Item) Excerpt() string { return it.encodedIn("/excerpt/") }

func (it *Item) encodedIn(ns string) string {
	for _, e := range it.Encoded {
		if strings.Contains(e.XMLName.Space, ns) {
			return e.Text
		}
	}
	return ""
}

// MetaValue returns the value of a post meta key.
func (it *Item) MetaValue(key string) string {
	for _, m := range it.Meta {
		if m.Key == key {
			return m.Value
		}
	}
	return ""
}

// Handler receives what Read finds, in file order. A non-nil error from any
// of them stops Read with that error.
type Handler struct {
	Site     func(title, link, baseURL string) error
	Author   func(Author) error
	Category func(Category) error
	Tag      func(Tag) error
	Item     func(*Item) error
}

// Error is a broken or truncated export, with the line where reading
// stopped.
type Error struct {
	Line int
	Err  error
}

func (e *Error) Error() string {
	return fmt.Sprintf("the export is broken at line %d: %v", e.Line, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// ErrNotWXR means the file is XML but not a WordPress export.
var ErrNotWXR = errors.New("this is not a WordPress export (no wp:wxr_version): export with Tools → Export in WordPress")

const wpNS = "wordpress.org/export/"

// Read streams the export in r and calls h for each part.
func Read(r io.Reader, h Handler) error {
	d := xml.NewDecoder(bufio.NewReaderSize(r, 64<<10))
	d.Strict = true
	var version, title, link, base string
	depth := 0
	siteSent := false
	sendSite := func() error {
		if siteSent {
			return nil
		}
		siteSent = true
		if h.Site != nil {
			return h.Site(title, link, base)
		}
		return nil
	}
	for {
		line, _ := d.InputPos()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return syntaxError(d, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			isWP := strings.Contains(t.Name.Space, wpNS)
			var err error
			switch {
			case t.Name.Local == "item":
				if version == "" {
					return &Error{Line: line, Err: ErrNotWXR}
				}
				if err = sendSite(); err != nil {
					return err
				}
				it := &Item{Line: line}
				if err := d.DecodeElement(it, &t); err != nil {
					return syntaxError(d, err)
				}
				if h.Item != nil {
					err = h.Item(it)
				}
				depth--
			case isWP && t.Name.Local == "wxr_version":
				if err := d.DecodeElement(&version, &t); err != nil {
					return syntaxError(d, err)
				}
				depth--
			case isWP && t.Name.Local == "base_site_url":
				if err := d.DecodeElement(&base, &t); err != nil {
					return syntaxError(d, err)
				}
				depth--
			case depth == 3 && t.Name.Space == "" && (t.Name.Local == "title" || t.Name.Local == "link"):
				var s string
				if err := d.DecodeElement(&s, &t); err != nil {
					return syntaxError(d, err)
				}
				if t.Name.Local == "title" {
					title = s
				} else {
					link = s
				}
				depth--
			case isWP && t.Name.Local == "author":
				var a Author
				if err := d.DecodeElement(&a, &t); err != nil {
					return syntaxError(d, err)
				}
				if h.Author != nil {
					err = h.Author(a)
				}
				depth--
			case isWP && t.Name.Local == "category":
				var c Category
				if err := d.DecodeElement(&c, &t); err != nil {
					return syntaxError(d, err)
				}
				if h.Category != nil {
					err = h.Category(c)
				}
				depth--
			case isWP && t.Name.Local == "tag":
				var tg Tag
				if err := d.DecodeElement(&tg, &t); err != nil {
					return syntaxError(d, err)
				}
				if h.Tag != nil {
					err = h.Tag(tg)
				}
				depth--
			}
			if err != nil {
				return err
			}
		case xml.EndElement:
			depth--
		}
	}
	if version == "" {
		return ErrNotWXR
	}
	return sendSite()
}

// syntaxError names the line where the decoder stopped.
func syntaxError(d *xml.Decoder, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		msg := se.Msg
		if strings.Contains(msg, "unexpected EOF") {
			msg = "the file ends in the middle (truncated?): " + msg
		}
		return &Error{Line: se.Line, Err: errors.New(msg)}
	}
	line, _ := d.InputPos()
	return &Error{Line: line, Err: err}
}
