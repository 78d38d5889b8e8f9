package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"warta/internal/stem"
)

// cmdStem is `warta stem`: it prints the stem search uses for each word,
// one "word<TAB>stem" line per word, for the operator who wonders why a
// search did not match. Words come from the arguments or, without any, one
// per line on standard input.
func cmdStem(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("stem", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: warta stem [WORD...] < words.txt")
		fmt.Fprintln(stderr, "Prints the Indonesian search stem of each word, one a line.")
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		stdin = strings.NewReader(strings.Join(fs.Args(), "\n"))
	}
	return stem.StemLines(stdin, stdout)
}
