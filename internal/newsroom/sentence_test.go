package newsroom

import (
	"errors"
	"testing"

	"warta/internal/domain"
)

// Every page that shows a refusal shows it through errorSentence: one
// capital letter (also a non-ASCII one), one full stop, and the generic
// message for errors that are not the domain's.
func TestErrorSentence(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{domain.Invalid("judul wajib diisi"), "Judul wajib diisi."},
		{domain.Conflict("slug %q sudah dipakai artikel lain", "a"), `Slug "a" sudah dipakai artikel lain.`},
		{domain.Invalid("sudah diakhiri titik."), "Sudah diakhiri titik."},
		{domain.Invalid("ékspor gagal?"), "Ékspor gagal?"},
		{errors.New("sql: connection refused"), "Terjadi kesalahan pada server."},
	} {
		if got := errorSentence(tc.err); got != tc.want {
			t.Errorf("errorSentence(%v) = %q, want %q", tc.err, got, tc.want)
		}
	}
	if sentence("") != "" {
		t.Error("empty message became text")
	}
}
