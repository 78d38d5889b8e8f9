package domain

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestArticlePath(t *testing.T) {
	if got := ArticlePath("banjir-jakarta"); got != "/berita/banjir-jakarta" {
		t.Errorf("ArticlePath = %q", got)
	}
	if got := ArticleURL("https://warta.example", "banjir-jakarta"); got != "https://warta.example/berita/banjir-jakarta" {
		t.Errorf("ArticleURL = %q", got)
	}
}

// TestArticleAddressesComeFromOneFunction fails when code or a template
// outside this file and the routes spells an article's address itself:
// use domain.ArticlePath / ArticleURL, or {{articlePath .Slug}} in templates.
// Tests may spell the address: they check it is what readers get.
func TestArticleAddressesComeFromOneFunction(t *testing.T) {
	root := filepath.Join("..", "..") // internal/ and cmd/: the application (deploy/ and bench/ are clients reading addresses)
	allowed := map[string]bool{
		filepath.Join("internal", "domain", "urls.go"): true, // the one function
		filepath.Join("internal", "site", "routes.go"): true, // the patterns that serve it
	}
	walk := func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); name == ".git" || name == "testdata" || name == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		ext := filepath.Ext(path)
		if (ext != ".go" && ext != ".html" && ext != ".js") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		if allowed[rel] {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			code := line
			if ext == ".go" { // comments may name the address
				if strings.HasPrefix(strings.TrimSpace(code), "//") {
					continue
				}
				code, _, _ = strings.Cut(code, " // ")
			}
			if strings.Contains(code, "/berita/") {
				t.Errorf("%s:%d spells an article's address itself; use domain.ArticlePath (templates: articlePath): %s", rel, i+1, strings.TrimSpace(line))
			}
		}
		return nil
	}
	for _, dir := range []string{"internal", "cmd"} {
		if err := filepath.WalkDir(filepath.Join(root, dir), walk); err != nil {
			t.Fatal(err)
		}
	}
}
