package domain

// Truncate shortens s to its first n characters (runes) followed by "…",
// as error messages quote what a client sent.
func Truncate(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
