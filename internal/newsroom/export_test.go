package newsroom

// Rendered reports whether the package's tests drew page (see rendered).
func Rendered(page string) bool {
	_, ok := rendered.Load(page)
	return ok
}

// Pages are the page templates.
var Pages = pageNames
