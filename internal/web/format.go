package web

import (
	"strconv"
	"strings"
	"time"
)

var idMonths = [...]string{"Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"}

var idMonthsLong = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
	"September", "Oktober", "November", "Desember"}

var idDays = [...]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}

// ZoneName returns the Indonesian name of the zone a time is shown in: WIB,
// WITA or WIT for Indonesia's zones, else the zone's own abbreviation.
func ZoneName(loc *time.Location, t time.Time) string {
	switch loc.String() {
	case "Asia/Jakarta", "Asia/Pontianak":
		return "WIB"
	case "Asia/Makassar":
		return "WITA"
	case "Asia/Jayapura":
		return "WIT"
	}
	name, _ := t.In(loc).Zone()
	return name
}

// FormatTime shows a time as readers of Indonesian news sites expect:
// "20 Jun 2024 18:34 WIB".
func FormatTime(t time.Time, loc *time.Location) string {
	lt := t.In(loc)
	return strconv.Itoa(lt.Day()) + " " + idMonths[lt.Month()-1] + " " + strconv.Itoa(lt.Year()) + " " +
		lt.Format("15:04") + " " + ZoneName(loc, t)
}

// FormatDate shows a long date: "Kamis, 20 Juni 2024".
func FormatDate(t time.Time, loc *time.Location) string {
	lt := t.In(loc)
	return idDays[lt.Weekday()] + ", " + strconv.Itoa(lt.Day()) + " " + idMonthsLong[lt.Month()-1] + " " + strconv.Itoa(lt.Year())
}

// FormatNumber groups thousands with dots: 1234567 -> "1.234.567".
func FormatNumber(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	pre := len(s) % 3
	if pre > 0 {
		b.WriteString(s[:pre])
	}
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s[i : i+3])
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// RFC3339 formats a time for the API with the site zone's offset, or "" for
// the zero time.
func RFC3339(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(time.RFC3339)
}
