package stem

import "slices"

// StopWords is the sorted list of Indonesian function words that Terms
// leaves out: conjunctions, prepositions, pronouns, auxiliaries, particles
// and the reporting verbs ("kata", "ujar") that pad every news story. They
// carry no topic, so indexing them would only make unrelated articles look
// alike. Do not modify it; IsStopWord relies on it being sorted.
//
// PostgreSQL has no counterpart to keep in step with: its indonesian_stem
// dictionary is created with only language = 'indonesian' (pg_ts_dict's
// dictinitoption has no StopWords entry, and PostgreSQL 15 ships no
// indonesian.stop file), so ts_lexize('indonesian_stem', 'yang') returns
// {yang}, not the empty array of a stop word. The list is therefore ours,
// and a PostgreSQL backend must drop these words itself (for example by
// feeding it the output of Terms) for both backends to agree.
var StopWords = []string{
	"ada", "adalah", "adanya", "agak", "agar", "akan", "akhirnya", "aku",
	"amat", "anda", "antara", "apa", "apabila", "apakah", "apalagi", "atas",
	"atau", "ataupun", "bagai", "bagaikan", "bagaimana", "bagi", "bahkan",
	"bahwa", "banyak", "baru", "beberapa", "begini", "begitu", "belum",
	"berbagai", "berikut", "berita", "bila", "bilamana", "bisa", "boleh", "bukan",
	"bukankah", "cukup", "dalam", "dan", "dapat", "dari", "daripada", "demi",
	"demikian", "dengan", "di", "dia", "dialah", "diri", "dirinya", "dong",
	"dulu", "hal", "hampir", "hanya", "hanyalah", "harus", "hendak", "hingga",
	"ia", "ialah", "ini", "inilah", "itu", "itulah", "jadi", "jangan", "jika",
	"jikalau", "juga", "kalau", "kami", "kamu", "kan", "karena", "karenanya",
	"kata", "ke", "kecuali", "kembali", "kemudian", "kenapa", "kepada",
	"ketika", "kita", "lagi", "lain", "lalu", "lebih", "maka", "makin", "mana",
	"masih", "masing", "mau", "melainkan", "mengapa", "mereka", "meski",
	"meskipun", "mungkin", "namun", "nanti", "nya", "oleh", "pada", "padahal",
	"para", "perlu", "pernah", "pula", "pun", "saat", "saja", "salah", "sama",
	"sambil", "sampai", "sana", "sangat", "saya", "se", "sebab", "sebagai",
	"sebagaimana", "sebelum", "sebuah", "secara", "sedang", "sedangkan",
	"sedikit", "sehingga", "sejak", "sekali", "sekitar", "selain", "selalu",
	"selama", "seluruh", "semakin", "sementara", "semua", "sendiri", "seorang",
	"seperti", "sering", "serta", "sesuatu", "sesudah", "setelah", "setiap",
	"siapa", "sini", "situ", "sudah", "supaya", "tak", "tanpa", "tapi", "telah",
	"tentang", "tentu", "terhadap", "tersebut", "tetapi", "tidak", "toh",
	"ujar", "untuk", "walau", "walaupun", "ya", "yaitu", "yakni", "yang",
}

// IsStopWord reports whether w, a lowercase token, is in StopWords.
func IsStopWord(w string) bool {
	_, found := slices.BinarySearch(StopWords, w)
	return found
}
