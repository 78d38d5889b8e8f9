package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func TestStemCommand(t *testing.T) {
	var out, errb bytes.Buffer
	code := run(context.Background(), []string{"stem"}, strings.NewReader("bertahan\nPertahanan\n\nkekhawatiran\n"), &out, &errb)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if want := "bertahan\ttahan\npertahanan\ttahan\nkekhawatiran\tkhawatir\n"; out.String() != want {
		t.Errorf("warta stem printed %q, want %q", out.String(), want)
	}
	out.Reset()
	if code := run(context.Background(), []string{"stem", "mempertahankan"}, strings.NewReader(""), &out, &errb); code != 0 || out.String() != "mempertahankan\ttahan\n" {
		t.Errorf("warta stem WORD: exit %d, %q", code, out.String())
	}
}
