// Demo content seeded by `warta serve --demo`. All articles are original
// and invented for demonstration; the people, companies, bands, films and
// events quoted in them are fictional.

package demo

import "slices"

// SeedCategory is one navigation category (kanal).
type SeedCategory struct{ Slug, Name, Description string }

// SeedAuthor is one newsroom author.
type SeedAuthor struct{ Slug, Name, Bio string }

// SeedArticle is one demo article. Body is Markdown (paragraphs separated by blank lines; you may use **bold**, *italic*, a "## subheading", a bullet list or a > quote in some articles, and a [link](https://example.org) rarely).
type SeedArticle struct {
	Title        string
	Excerpt      string   // one or two sentences, <= 200 chars
	Body         string   // Markdown, 4 to 7 paragraphs, 250-500 words
	Category     string   // a SeedCategory slug
	Tags         []string // 2-5 tag names, e.g. "Pemilu 2029", "Banjir", "Timnas"; some articles carry "HOT"
	Authors      []string // 1 or 2 SeedAuthor slugs
	Story        string   // cluster label: articles about the same ongoing story share it (used to measure related-news quality)
	HoursAgo     float64  // publish time relative to seeding
	Breaking     bool
	Featured     bool
	PhotoCaption string // caption of the lead photo, Indonesian
	PhotoCredit  string // e.g. "Dok. Warta/Rina", "Antara", "Humas Kemenkes" (fictional attribution is fine)
}

// SeedPoll is the open demo poll.
type SeedPoll struct {
	Question string
	Options  []string
}

// Categories are the seven navigation channels, in menu order.
var Categories = []SeedCategory{
	{Slug: "nasional", Name: "Nasional", Description: "Peristiwa, kebijakan publik, dan dinamika daerah dari seluruh Indonesia."},
	{Slug: "internasional", Name: "Internasional", Description: "Kabar dunia, diplomasi kawasan, dan nasib WNI di luar negeri."},
	{Slug: "ekonomi", Name: "Ekonomi", Description: "Harga kebutuhan pokok, energi, pasar modal, dan denyut usaha kecil."},
	{Slug: "olahraga", Name: "Olahraga", Description: "Timnas, bulu tangkis, balap, dan ragam kompetisi di dalam dan luar negeri."},
	{Slug: "teknologi", Name: "Teknologi", Description: "Startup, keamanan siber, gawai, dan inovasi digital karya anak bangsa."},
	{Slug: "hiburan", Name: "Hiburan", Description: "Film, musik, serial, dan kabar terbaru dari panggung hiburan Tanah Air."},
	{Slug: "gaya-hidup", Name: "Gaya Hidup", Description: "Kesehatan, kuliner, olahraga rekreasi, dan inspirasi wisata keluarga."},
}

// Authors are the six demo newsroom members.
var Authors = []SeedAuthor{
	{Slug: "rina-wulandari", Name: "Rina Wulandari", Bio: "Redaktur desk nasional yang meliput kebencanaan dan kebijakan publik sejak 2012."},
	{Slug: "yusuf-hakim", Name: "Yusuf Hakim", Bio: "Wartawan internasional, pernah bertugas di Kuala Lumpur dan Manila, menulis soal diplomasi Asia Tenggara."},
	{Slug: "dewi-anggraini", Name: "Dewi Anggraini", Bio: "Jurnalis ekonomi yang menekuni isu pangan, energi, dan usaha kecil menengah."},
	{Slug: "bima-prasetyo", Name: "Bima Prasetyo", Bio: "Penulis olahraga yang setia mengikuti Timnas dan bulu tangkis dari tribun hingga ruang ganti."},
	{Slug: "fajar-nugroho", Name: "Fajar Nugroho", Bio: "Jurnalis teknologi yang mengamati startup, keamanan siber, dan kebijakan data pribadi."},
	{Slug: "sari-handayani", Name: "Sari Handayani", Bio: "Editor hiburan dan gaya hidup, penggemar film nasional dan kuliner rumahan."},
}

// Articles is every demo article, grouped by channel in the
// content_*.go files.
var Articles = slices.Concat(
	articlesNasional,
	articlesInternasional,
	articlesEkonomi,
	articlesOlahraga,
	articlesTeknologi,
	articlesHiburan,
	articlesGayaHidup,
)

// Poll is the open demo poll.
var Poll = SeedPoll{
	Question: "Menurut Anda, bagaimana sebaiknya penerimaan murid baru di sekolah negeri diatur?",
	Options: []string{
		"Tetap berbasis domisili atau zonasi",
		"Kembali ke seleksi nilai rapor dan tes",
		"Gabungan domisili dan prestasi",
		"Diserahkan sepenuhnya kepada pemerintah daerah",
	},
}
