package web

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"warta/internal/domain"
)

// CheckText refuses text the database would refuse or store corrupted:
// bytes that are not UTF-8, or NUL. what names the field in the message.
func CheckText(what, v string) error {
	if !utf8.ValidString(v) {
		return domain.Invalid("%s berisi teks yang bukan UTF-8 yang valid", what)
	}
	if strings.IndexByte(v, 0) >= 0 {
		return domain.Invalid("%s berisi karakter NUL yang tidak diizinkan", what)
	}
	return nil
}

// CheckValues applies CheckText to every name and value of a query or form.
func CheckValues(vals url.Values) error {
	for k, vs := range vals {
		if err := CheckText("nama kolom", k); err != nil {
			return err
		}
		for _, v := range vs {
			if err := CheckText("kolom "+strconvQuote(k), v); err != nil {
				return err
			}
		}
	}
	return nil
}

// CheckQuery checks a raw query string or URL-encoded form body pair by
// pair: a malformed escape is refused, and so is what CheckText refuses.
// Unlike url.ParseQuery it treats ";" as an ordinary character.
func CheckQuery(raw string) error {
	for pair := range strings.SplitSeq(raw, "&") {
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			return domain.Invalid("parameter %s tidak terbaca: kode %% yang rusak", strconvQuote(k))
		}
		if err := CheckText("nama parameter", key); err != nil {
			return err
		}
		val, err := url.QueryUnescape(v)
		if err != nil {
			return domain.Invalid("parameter %s tidak terbaca: kode %% yang rusak", strconvQuote(key))
		}
		if err := CheckText("parameter "+strconvQuote(key), val); err != nil {
			return err
		}
	}
	return nil
}

// strconvQuote quotes a (checked) name for a message, cut to 40 bytes.
func strconvQuote(s string) string {
	if len(s) > 40 {
		s = s[:40]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	return `"` + strings.ToValidUTF8(s, "?") + `"`
}
