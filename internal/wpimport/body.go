package wpimport

import (
	"html"
	"regexp"
	"strconv"
	"strings"
)

// Media resolves an image of the old site (its uploads path, e.g.
// "2024/06/banjir.jpg", or a full URL) to the URL readers load it from now.
type Media func(ref string) (url string, ok bool)

// attachmentRef is what a [gallery] needs of an attachment.
type attachmentRef struct {
	URL, Caption, Alt string
}

var (
	blockComment = regexp.MustCompile(`<!--\s*/?wp:[^>]*?-->`)
	// [name attrs]...[/name] for the shortcodes Warta turns into HTML; the
	// Go regexp has no back-references, so one expression per name.
	captionRe = regexp.MustCompile(`(?s)\[caption([^\]]*)\](.*?)\[/caption\]`)
	embedRe   = regexp.MustCompile(`(?s)\[embed[^\]]*\](.*?)\[/embed\]`)
	galleryRe = regexp.MustCompile(`\[gallery([^\]]*)\]`)
	attrRe    = regexp.MustCompile(`(\w+)\s*=\s*"([^"]*)"`)
	imgRe     = regexp.MustCompile(`(?is)<img\b[^>]*>`)
	srcRe     = regexp.MustCompile(`(?i)\b(src)\s*=\s*"([^"]*)"`)
	srcsetRe  = regexp.MustCompile(`(?i)\s(srcset|sizes)\s*=\s*"[^"]*"`)
	linkTag   = regexp.MustCompile(`(?is)</?a\b[^>]*>`)
	blankLine = regexp.MustCompile(`\n\s*\n`)
	blockTag  = regexp.MustCompile(`(?i)^<(p|h[1-6]|ul|ol|li|blockquote|figure|div|table|pre|hr|dl|section|iframe|address)\b`)
)

func attrs(s string) map[string]string {
	m := map[string]string{}
	for _, a := range attrRe.FindAllStringSubmatch(s, -1) {
		m[strings.ToLower(a[1])] = a[2]
	}
	return m
}

// convertBody turns a WordPress body into the HTML Warta stores (before the
// sanitiser, which the importer applies like the newsroom does):
//   - Gutenberg block comments (<!-- wp:paragraph -->) are dropped, the
//     blocks' HTML stays;
//   - [caption] becomes <figure> with <figcaption>, [embed]URL[/embed] a
//     link to URL (Warta embeds nothing from elsewhere by itself), [gallery]
//     the figures of its images;
//   - every other shortcode stays as the text it is: never run;
//   - classic-editor text without <p> gets paragraphs at blank lines, as
//     WordPress's wpautop shows it;
//   - images of the old site point at the imported copies when media
//     resolves them.
func convertBody(src string, media Media, gallery func(id string) (attachmentRef, bool)) string {
	s := blockComment.ReplaceAllString(src, "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = captionRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := captionRe.FindStringSubmatch(m)
		inner := sub[2]
		img := imgRe.FindString(inner)
		caption := strings.TrimSpace(imgRe.ReplaceAllString(inner, ""))
		if c := attrs(sub[1])["caption"]; caption == "" && c != "" {
			caption = c
		}
		// A caption may wrap the image in a link; keep the image itself.
		caption = strings.TrimSpace(linkTag.ReplaceAllString(caption, ""))
		return "\n\n<figure>" + img + "<figcaption>" + caption + "</figcaption></figure>\n\n"
	})
	s = embedRe.ReplaceAllStringFunc(s, func(m string) string {
		u := strings.TrimSpace(embedRe.FindStringSubmatch(m)[1])
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			return html.EscapeString(m)
		}
		e := html.EscapeString(u)
		return "\n\n<p><a href=\"" + e + "\">" + e + "</a></p>\n\n"
	})
	s = galleryRe.ReplaceAllStringFunc(s, func(m string) string {
		a := attrs(galleryRe.FindStringSubmatch(m)[1])
		var b strings.Builder
		for _, id := range strings.Split(a["ids"], ",") {
			ref, ok := gallery(strings.TrimSpace(id))
			if !ok {
				continue
			}
			b.WriteString(`<figure><img src="` + html.EscapeString(ref.URL) + `" alt="` + html.EscapeString(ref.Alt) + `">`)
			if ref.Caption != "" {
				b.WriteString("<figcaption>" + html.EscapeString(ref.Caption) + "</figcaption>")
			}
			b.WriteString("</figure>")
		}
		if b.Len() == 0 {
			return m // nothing to show: the shortcode stays as text
		}
		return "\n\n" + b.String() + "\n\n"
	})
	if media != nil {
		s = imgRe.ReplaceAllStringFunc(s, func(tag string) string {
			sm := srcRe.FindStringSubmatch(tag)
			if sm == nil {
				return tag
			}
			u, ok := media(html.UnescapeString(sm[2]))
			if !ok {
				return tag
			}
			// The old renditions are gone: drop srcset/sizes that name them.
			tag = srcsetRe.ReplaceAllString(tag, "")
			return strings.Replace(tag, sm[0], `src="`+html.EscapeString(u)+`"`, 1)
		})
	}
	return autop(s)
}

// autop wraps the text between blank lines in <p> unless it is already a
// block, and turns single newlines inside it into <br>, as WordPress shows
// classic-editor posts.
func autop(s string) string {
	var out []string
	for _, chunk := range blankLine.Split(s, -1) {
		// Lines that start a block stand alone; runs of other lines become
		// a paragraph with line breaks.
		var para []string
		end := func() {
			if len(para) > 0 {
				out = append(out, "<p>"+strings.Join(para, "<br>\n")+"</p>")
				para = nil
			}
		}
		for _, line := range strings.Split(chunk, "\n") {
			line = strings.TrimSpace(line)
			switch {
			case line == "":
			case blockTag.MatchString(line):
				end()
				out = append(out, line)
			default:
				para = append(para, line)
			}
		}
		end()
	}
	return strings.Join(out, "\n")
}

// phpString finds key's string value in a PHP-serialized array (what
// WordPress exports as _wp_attachment_metadata), e.g. the photo credit:
// s:6:"credit";s:17:"Antara/Reno Esnir";
func phpString(serialized, key string) string {
	needle := `s:` + itoa(len(key)) + `:"` + key + `";s:`
	i := strings.Index(serialized, needle)
	if i < 0 {
		return ""
	}
	rest := serialized[i+len(needle):]
	colon := strings.IndexByte(rest, ':')
	if colon < 0 {
		return ""
	}
	n := atoi(rest[:colon])
	rest = rest[colon+1:]
	if n < 0 || len(rest) < n+2 || rest[0] != '"' {
		return ""
	}
	return rest[1 : n+1] // n counts bytes, as PHP does
}

// phpInt finds key's integer value: s:5:"width";i:640;
func phpInt(serialized, key string) int {
	needle := `s:` + itoa(len(key)) + `:"` + key + `";i:`
	i := strings.Index(serialized, needle)
	if i < 0 {
		return 0
	}
	rest := serialized[i+len(needle):]
	end := strings.IndexByte(rest, ';')
	if end < 0 {
		return 0
	}
	return atoi(rest[:end])
}

func itoa(n int) string { return strconv.Itoa(n) }

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
