package editorial

import "strings"

// DiffLine is one line of a comparison: Op is ' ' (same), '-' (only in the
// older text) or '+' (only in the newer).
type DiffLine struct {
	Op   byte
	Text string
}

// maxDiffLines bounds the quadratic comparison.
const maxDiffLines = 2000

// Diff compares two texts line by line (longest common subsequence). Line
// ends do not count: a text typed in a browser (CRLF) and one sent through
// the API (LF) differ only where their words do.
func Diff(a, b string) []DiffLine {
	x := strings.Split(strings.ReplaceAll(a, "\r\n", "\n"), "\n")
	y := strings.Split(strings.ReplaceAll(b, "\r\n", "\n"), "\n")
	if len(x) > maxDiffLines || len(y) > maxDiffLines {
		var out []DiffLine
		for _, l := range x {
			out = append(out, DiffLine{'-', l})
		}
		for _, l := range y {
			out = append(out, DiffLine{'+', l})
		}
		return out
	}
	n, m := len(x), len(y)
	// lcs[i][j] = length of the LCS of x[i:] and y[j:]
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []DiffLine
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case x[i] == y[j]:
			out = append(out, DiffLine{' ', x[i]})
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, DiffLine{'-', x[i]})
			i++
		default:
			out = append(out, DiffLine{'+', y[j]})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, DiffLine{'-', x[i]})
	}
	for ; j < m; j++ {
		out = append(out, DiffLine{'+', y[j]})
	}
	return out
}
