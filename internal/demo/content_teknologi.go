package demo

var articlesTeknologi = []SeedArticle{
	// --- Cluster: PHK startup KirimCepat ----------------------------------------------
	{
		Title:    "Startup Logistik KirimCepat Rumahkan 30 Persen Karyawan di Tengah Seretnya Pendanaan",
		Excerpt:  "KirimCepat memangkas sekitar 600 karyawan dan menutup layanan di 12 kota. Manajemen menyebut langkah itu perlu agar perusahaan bisa mencapai titik impas.",
		Category: "teknologi",
		Tags:     []string{"PHK", "Startup", "KirimCepat"},
		Authors:  []string{"fajar-nugroho"},
		Story:    "phk-startup-kirimcepat",
		HoursAgo: 450,
		Body: `Perusahaan rintisan logistik KirimCepat memutuskan merumahkan sekitar 30 persen karyawannya atau kurang lebih 600 orang. Keputusan itu disampaikan manajemen melalui surat elektronik internal pada Senin pagi dan dikonfirmasi oleh juru bicara perusahaan beberapa jam kemudian.

Selain memangkas jumlah karyawan, KirimCepat juga menutup layanan pengiriman instan di 12 kota yang dinilai belum menguntungkan. Perusahaan akan memusatkan operasional di kota-kota besar di Jawa, Bali, dan Sumatra, serta memperkuat layanan pengiriman untuk pelaku usaha kecil yang berjualan secara daring.

Chief executive officer KirimCepat, Aditya Wirananda, menyampaikan bahwa keputusan tersebut merupakan yang tersulit sejak perusahaan didirikan tujuh tahun lalu. "Kami tumbuh terlalu cepat saat pendanaan mudah didapat. Sekarang kami harus realistis dan fokus mencapai titik impas dalam 18 bulan," tulisnya dalam pernyataan resmi.

Menurut sumber internal, tim yang paling terdampak adalah divisi pemasaran, operasional kota-kota yang ditutup, serta sebagian tim teknologi. Karyawan yang terdampak dijanjikan pesangon sesuai ketentuan, perpanjangan asuransi kesehatan selama tiga bulan, serta bantuan penyaluran kerja ke perusahaan mitra. Laptop kantor yang dipakai karyawan juga boleh dibawa pulang sebagai bagian dari paket perpisahan.

KirimCepat terakhir kali mengumumkan pendanaan seri C hampir tiga tahun lalu. Sejak itu, perusahaan disebut kesulitan menggalang dana baru karena investor makin berhati-hati menanamkan modal di sektor logistik yang persaingannya sangat ketat dan margin keuntungannya tipis.

Pengamat ekonomi digital, Rini Oktaviani, menilai langkah KirimCepat mencerminkan situasi banyak startup di Indonesia. "Era membakar uang demi pertumbuhan sudah lewat. Investor sekarang bertanya kapan perusahaan untung, bukan berapa banyak pengguna barunya," ujarnya.

Di media sosial, sejumlah mantan karyawan membagikan pengalaman mereka dan membuka diri untuk tawaran pekerjaan baru. Beberapa perusahaan teknologi lain merespons dengan mengumumkan lowongan yang terbuka bagi karyawan terdampak pemutusan hubungan kerja tersebut.`,
		PhotoCaption: "Suasana kantor pusat KirimCepat di Jakarta Selatan setelah pengumuman pengurangan karyawan.",
		PhotoCredit:  "Dok. Warta/Fajar",
	},
	{
		Title:    "Karyawan Terdampak PHK KirimCepat Tuntut Kejelasan Pesangon dan Asuransi",
		Excerpt:  "Puluhan mantan karyawan KirimCepat mengadu ke dinas ketenagakerjaan. Mereka menilai perhitungan pesangon tidak transparan dan kurir mitra tidak mendapat kompensasi.",
		Category: "teknologi",
		Tags:     []string{"PHK", "KirimCepat", "Pesangon"},
		Authors:  []string{"fajar-nugroho"},
		Story:    "phk-startup-kirimcepat",
		HoursAgo: 410,
		Body: `Puluhan mantan karyawan perusahaan rintisan logistik KirimCepat mendatangi kantor Dinas Tenaga Kerja DKI Jakarta untuk mengadukan proses pemutusan hubungan kerja (PHK) yang mereka alami. Mereka menilai perhitungan pesangon tidak transparan dan menuntut kejelasan soal perpanjangan asuransi kesehatan.

Perwakilan karyawan, Yoga Pratama, menyampaikan bahwa sebagian pekerja menerima surat PHK tanpa rincian perhitungan pesangon. Ada pula karyawan dengan masa kerja di atas lima tahun yang merasa nilai pesangonnya lebih kecil dari ketentuan. "Kami hanya minta dihitung sesuai aturan. Kami tidak menuntut lebih," ujarnya.

Selain karyawan tetap, nasib kurir mitra juga menjadi sorotan. Ribuan kurir yang berstatus mitra di kota-kota yang layanannya ditutup tidak mendapatkan kompensasi apa pun karena tidak tercatat sebagai karyawan. Banyak di antara mereka sudah bertahun-tahun bekerja eksklusif untuk KirimCepat.

Salah seorang kurir mitra di Medan, Sahat Simanjuntak (33), mengaku kehilangan penghasilan utamanya dalam semalam. "Akun saya tiba-tiba tidak aktif. Tidak ada pemberitahuan sebelumnya, tidak ada uang perpisahan. Padahal motor saya masih kredit," katanya melalui sambungan telepon.

Pihak KirimCepat menyatakan menghormati langkah mantan karyawan dan siap berdialog. Juru bicara perusahaan menegaskan bahwa seluruh pesangon dihitung berdasarkan peraturan yang berlaku dan akan dibayarkan paling lambat akhir bulan. Perusahaan juga berjanji memberikan rincian perhitungan kepada setiap karyawan yang memintanya.

Terkait kurir mitra, perusahaan menyebut telah menyiapkan program transisi berupa prioritas penyaluran ke perusahaan logistik mitra. Namun, perusahaan tidak menjelaskan apakah kurir akan menerima bantuan uang tunai. Komunitas kurir daring di beberapa kota berencana mengajukan surat terbuka kepada manajemen dan pemerintah.

Dinas Tenaga Kerja menyatakan akan memanggil manajemen KirimCepat untuk klarifikasi. Kasus ini kembali memantik perdebatan tentang perlindungan pekerja platform digital yang selama ini berada di wilayah abu-abu hukum ketenagakerjaan.`,
		PhotoCaption: "Mantan karyawan KirimCepat mendatangi kantor Dinas Tenaga Kerja DKI Jakarta.",
		PhotoCredit:  "Dok. Warta/Fajar",
	},
	{
		Title:    "Kemnaker Panggil Manajemen KirimCepat Terkait Pemutusan Hubungan Kerja Massal",
		Excerpt:  "Kementerian Ketenagakerjaan meminta KirimCepat membuka perhitungan pesangon dan memberi kompensasi kepada kurir mitra. Mediasi dijadwalkan pekan depan.",
		Category: "teknologi",
		Tags:     []string{"PHK", "KirimCepat", "Pesangon", "Ketenagakerjaan"},
		Authors:  []string{"fajar-nugroho", "dewi-anggraini"},
		Story:    "phk-startup-kirimcepat",
		HoursAgo: 360,
		Body: `Kementerian Ketenagakerjaan (Kemnaker) memanggil manajemen perusahaan rintisan logistik KirimCepat untuk meminta penjelasan terkait pemutusan hubungan kerja terhadap sekitar 600 karyawan. Pemanggilan dilakukan setelah kementerian menerima puluhan aduan dari karyawan yang merasa hak-haknya belum dipenuhi.

Direktur jenderal yang membidangi hubungan industrial menyampaikan bahwa kementerian meminta perusahaan membuka perhitungan pesangon setiap karyawan secara transparan. Menurut dia, pemberhentian karyawan dalam jumlah besar wajib didahului perundingan dengan pekerja dan dilaporkan kepada instansi ketenagakerjaan.

"Kami tidak melarang perusahaan melakukan efisiensi. Tetapi prosedurnya harus dipatuhi, dan hak pekerja harus dibayar penuh," katanya seusai pertemuan tertutup yang berlangsung hampir tiga jam di kantor kementerian di Jakarta.

Dalam pertemuan itu, manajemen KirimCepat menyatakan kesediaan untuk menyerahkan rincian perhitungan pesangon kepada setiap karyawan dalam sepekan. Perusahaan juga sepakat memperpanjang asuransi kesehatan karyawan terdampak dari tiga bulan menjadi enam bulan. Karyawan yang sedang hamil atau menjalani perawatan medis jangka panjang akan mendapat perhatian khusus dalam skema tersebut, termasuk perpanjangan perlindungan hingga masa perawatan selesai.

Kemnaker turut menyoroti nasib kurir mitra. Meski status hukumnya berbeda dengan karyawan tetap, kementerian meminta perusahaan memberikan kompensasi yang layak sebagai bentuk tanggung jawab sosial. Kementerian juga tengah menyusun aturan perlindungan bagi pekerja platform digital yang ditargetkan terbit tahun ini.

Serikat pekerja sektor teknologi menyambut baik pemanggilan ini, tetapi meminta pemerintah tidak berhenti pada satu kasus. Menurut mereka, gelombang PHK di perusahaan rintisan terjadi berulang kali dalam dua tahun terakhir, dan banyak pekerja tidak tahu ke mana harus mengadu.

Mediasi antara perwakilan karyawan dan manajemen dijadwalkan pekan depan dengan difasilitasi mediator dari kementerian. Jika tidak tercapai kesepakatan, karyawan dapat membawa perselisihan ke Pengadilan Hubungan Industrial sesuai ketentuan yang berlaku.`,
		PhotoCaption: "Perwakilan manajemen KirimCepat tiba di kantor Kementerian Ketenagakerjaan, Jakarta.",
		PhotoCredit:  "Dok. Warta/Fajar",
	},
	{
		Title:    "Gelombang PHK Startup Belum Berhenti, Investor Makin Selektif Menyuntik Dana",
		Excerpt:  "Setelah KirimCepat, tiga startup lain mengumumkan PHK dalam sebulan terakhir. Investor kini menuntut jalur jelas menuju laba sebelum menyuntikkan dana.",
		Category: "teknologi",
		Tags:     []string{"PHK", "Startup", "Pendanaan Startup"},
		Authors:  []string{"fajar-nugroho"},
		Story:    "phk-startup-kirimcepat",
		HoursAgo: 7,
		Body: `Gelombang pemutusan hubungan kerja di perusahaan rintisan Indonesia belum juga berhenti. Setelah KirimCepat merumahkan sekitar 600 karyawan beberapa pekan lalu, tiga startup lain di bidang pendidikan daring, layanan keuangan, dan perdagangan sosial mengumumkan PHK dalam sebulan terakhir.

Data yang dihimpun komunitas pemantau industri teknologi mencatat lebih dari 2.500 pekerja startup kehilangan pekerjaan sepanjang tahun ini. Sebagian besar berasal dari perusahaan yang tumbuh pesat beberapa tahun lalu, tetapi kini kesulitan mendapatkan pendanaan lanjutan di tengah suku bunga global yang masih tinggi.

Pelaku modal ventura, Kevin Halim, menyampaikan bahwa investor kini jauh lebih selektif. Menurut dia, pertanyaan pertama yang diajukan kepada pendiri startup bukan lagi soal pertumbuhan pengguna, melainkan jalur menuju laba. "Kami butuh bukti bahwa model bisnisnya bisa berdiri sendiri tanpa terus disuntik dana," ujarnya.

Laporan asosiasi modal ventura menunjukkan nilai pendanaan startup di Indonesia turun hampir separuh dibandingkan puncaknya. Namun, jumlah transaksi pendanaan tahap awal relatif stabil. Investor masih tertarik pada startup kecil yang efisien, terutama di sektor kesehatan, pertanian, dan perangkat lunak untuk usaha kecil.

Bagi para pekerja, situasi ini menuntut kemampuan beradaptasi. Sejumlah mantan karyawan startup memilih pindah ke perusahaan konvensional yang sedang membangun tim digital, seperti bank dan perusahaan ritel. Ada pula yang memulai usaha sendiri atau bekerja lepas untuk klien luar negeri.

Kementerian Komunikasi dan Digital menyatakan terus memantau kondisi industri dan menyiapkan program pelatihan ulang bagi pekerja terdampak. Pemerintah juga mendorong perusahaan besar menyerap talenta digital yang kehilangan pekerjaan melalui bursa kerja daring.

Pengamat menilai fase koreksi ini bisa menyehatkan ekosistem dalam jangka panjang. Startup yang bertahan diharapkan memiliki fondasi bisnis lebih kuat, meskipun prosesnya meninggalkan luka bagi ribuan pekerja dan keluarganya.`,
		PhotoCaption: "Pencari kerja mengunjungi stan perusahaan teknologi di sebuah bursa kerja di Jakarta.",
		PhotoCredit:  "Dok. Warta/Fajar",
	},

	// --- Cluster: serangan ransomware ---------------------------------------------------
	{
		Title:    "Serangan Ransomware Lumpuhkan Layanan Daring Sejumlah Pemerintah Daerah",
		Excerpt:  "Layanan perizinan, kependudukan, dan pembayaran pajak daerah di sejumlah kabupaten lumpuh akibat serangan ransomware. Pelaku meminta tebusan dalam aset kripto.",
		Category: "teknologi",
		Tags:     []string{"Keamanan Siber", "Ransomware", "Layanan Publik"},
		Authors:  []string{"fajar-nugroho"},
		Story:    "ransomware-pemda",
		HoursAgo: 230,
		Body: `Serangan ransomware melumpuhkan layanan daring di sejumlah pemerintah daerah dalam beberapa hari terakhir. Layanan perizinan usaha, administrasi kependudukan, hingga pembayaran pajak daerah di setidaknya tujuh kabupaten dan kota tidak dapat diakses sejak akhir pekan lalu.

Ransomware adalah perangkat lunak jahat yang mengenkripsi data korban sehingga tidak bisa dibuka. Pelaku kemudian meminta tebusan, biasanya dalam bentuk aset kripto, sebagai imbalan kunci untuk membuka data tersebut. Dalam kasus ini, pelaku disebut meminta tebusan setara miliaran rupiah.

Badan Siber dan Sandi Negara (BSSN) menyampaikan bahwa serangan diduga masuk melalui server pusat data milik penyedia layanan yang dipakai bersama oleh beberapa pemerintah daerah. Tim BSSN telah diterjunkan untuk mengisolasi sistem yang terinfeksi dan mencegah penyebaran lebih luas.

Warga yang hendak mengurus dokumen terpaksa kembali ke cara manual. Di kantor dinas kependudukan salah satu kabupaten, antrean mengular karena petugas harus mencatat permohonan dengan tangan. "Saya butuh akta kelahiran untuk daftar sekolah anak, tapi katanya sistem mati," kata Rusdi (39), warga yang sudah dua kali datang.

Pemerintah daerah terdampak menegaskan tidak akan membayar tebusan. Kepala dinas komunikasi dan informatika di salah satu kabupaten menyebut pihaknya berupaya memulihkan layanan dari cadangan data. Namun, proses itu diperkirakan memakan waktu berhari-hari karena sebagian cadangan tersimpan di server yang sama.

Pakar keamanan siber, Irfan Setiadi, menilai kasus ini menunjukkan lemahnya tata kelola keamanan siber di tingkat daerah. Menurut dia, banyak pemerintah daerah belum memiliki tim khusus keamanan informasi dan jarang melakukan pembaruan sistem. Ia menyarankan instansi mempelajari panduan pencegahan yang tersedia di [laman BSSN](https://example.org) dan rutin menguji cadangan data.

BSSN mengimbau instansi lain memeriksa sistem masing-masing dan segera melapor apabila menemukan aktivitas mencurigakan. Kepolisian juga telah membuka penyelidikan untuk melacak pelaku serangan.`,
		PhotoCaption: "Warga mengantre layanan manual di kantor dinas kependudukan setelah sistem daring lumpuh.",
		PhotoCredit:  "Dok. Warta/Fajar",
	},
	{
		Title:    "BSSN Temukan Banyak Pemda Tak Punya Cadangan Data yang Memadai",
		Excerpt:  "Audit awal BSSN pascaserangan ransomware menemukan sebagian besar pemda menyimpan cadangan data di server yang sama dengan sistem utama.",
		Category: "teknologi",
		Tags:     []string{"Keamanan Siber", "Ransomware", "Cadangan Data"},
		Authors:  []string{"fajar-nugroho"},
		Story:    "ransomware-pemda",
		HoursAgo: 180,
		Body: `Badan Siber dan Sandi Negara (BSSN) menemukan banyak pemerintah daerah tidak memiliki cadangan data yang memadai. Temuan itu merupakan hasil audit awal yang dilakukan setelah serangan ransomware melumpuhkan layanan daring di tujuh kabupaten dan kota pada awal bulan ini.

Dari sekitar 120 instansi daerah yang diperiksa, lebih dari separuh menyimpan cadangan data di server yang sama dengan sistem utama. Akibatnya, ketika server diserang, cadangan data ikut terenkripsi dan tidak dapat dipakai untuk memulihkan layanan. Sebagian instansi bahkan tidak pernah menguji apakah cadangan data mereka benar-benar bisa dipulihkan.

Kepala BSSN menyampaikan bahwa temuan ini memprihatinkan. "Cadangan data itu seperti ban serep. Percuma punya kalau ditaruh di mobil yang sama dan tidak pernah dicek anginnya," ujarnya dalam rapat dengar pendapat bersama Komisi I DPR di Jakarta.

BSSN juga menemukan sejumlah masalah lain, antara lain perangkat lunak yang tidak diperbarui bertahun-tahun, kata sandi lemah pada akun administrator, dan tidak adanya autentikasi dua faktor. Selain itu, hanya sebagian kecil pemerintah daerah yang memiliki personel bersertifikat keamanan informasi.

Untuk mengatasi hal ini, BSSN merekomendasikan penerapan prinsip cadangan 3-2-1, yaitu tiga salinan data, di dua media berbeda, dengan satu salinan disimpan di lokasi terpisah. BSSN juga mendorong pemerintah daerah mengalokasikan anggaran khusus untuk keamanan siber, bukan sekadar pengadaan perangkat.

Hingga kini, empat dari tujuh daerah terdampak telah memulihkan sebagian layanannya. Tiga daerah lain masih bergantung pada layanan manual. Kementerian Dalam Negeri meminta kepala daerah memprioritaskan pemulihan layanan administrasi kependudukan karena menyangkut hak dasar warga.

Anggota Komisi I DPR meminta pemerintah menjadikan kasus ini pelajaran nasional. Menurut mereka, standar minimal keamanan siber bagi instansi pemerintah perlu diatur tegas, disertai sanksi bagi pejabat yang lalai menerapkannya.`,
		PhotoCaption: "Kepala BSSN memaparkan hasil audit keamanan siber pemerintah daerah di hadapan Komisi I DPR.",
		PhotoCredit:  "Humas BSSN",
	},
	{
		Title:    "DPR Desak Pemerintah Segera Terbitkan Aturan Turunan UU Pelindungan Data Pribadi",
		Excerpt:  "Serangan siber beruntun mendorong DPR mendesak pemerintah menerbitkan aturan turunan UU PDP dan membentuk lembaga pengawas data pribadi.",
		Category: "teknologi",
		Tags:     []string{"Keamanan Siber", "Data Pribadi", "HOT"},
		Authors:  []string{"fajar-nugroho"},
		Story:    "ransomware-pemda",
		HoursAgo: 22,
		Body: `Komisi I DPR mendesak pemerintah segera menerbitkan aturan turunan Undang-Undang Pelindungan Data Pribadi (UU PDP). Desakan itu muncul setelah serangkaian serangan siber, termasuk serangan ransomware terhadap layanan daring pemerintah daerah, dikhawatirkan membuat data pribadi jutaan warga bocor.

UU PDP sebenarnya telah disahkan beberapa tahun lalu dan masa transisinya sudah berakhir. Namun, peraturan pemerintah yang mengatur pelaksanaan teknis, termasuk pembentukan lembaga pengawas pelindungan data pribadi, belum juga terbit. Tanpa lembaga itu, penegakan sanksi terhadap pengendali data yang lalai sulit dilakukan.

Ketua Komisi I DPR menyampaikan bahwa kekosongan aturan membuat masyarakat tidak memiliki tempat mengadu yang jelas ketika datanya bocor. "Undang-undangnya sudah ada, tetapi giginya belum. Setiap kali ada kebocoran, semua saling lempar tanggung jawab," ujarnya dalam rapat kerja dengan pemerintah.

Kementerian Komunikasi dan Digital menyatakan rancangan peraturan pemerintah sudah berada di tahap akhir harmonisasi. Pemerintah menargetkan aturan tersebut terbit dalam tiga bulan, disusul pembentukan lembaga pengawas yang akan bertanggung jawab langsung kepada presiden.

Pegiat hak digital menilai lembaga pengawas harus independen agar bisa menindak pelanggaran, termasuk yang dilakukan instansi pemerintah. "Sebagian besar kebocoran besar justru terjadi di lembaga publik. Kalau pengawasnya di bawah pemerintah, sulit berharap ada sanksi tegas," kata peneliti lembaga kajian kebijakan digital, Maya Kartika.

Di sisi lain, pelaku usaha meminta aturan turunan memberi masa penyesuaian yang cukup dan panduan teknis yang jelas, terutama bagi usaha kecil yang mengelola data pelanggan. Mereka khawatir kewajiban yang terlalu rumit justru membebani usaha yang baru tumbuh. Asosiasi usaha meminta pemerintah menyediakan templat kebijakan privasi dan pelatihan gratis bagi pelaku usaha mikro.

Sementara itu, masyarakat diimbau meningkatkan kewaspadaan terhadap penipuan yang memanfaatkan data bocor, seperti pesan yang mengatasnamakan instansi resmi atau tautan yang meminta kode verifikasi.`,
		PhotoCaption: "Suasana rapat kerja Komisi I DPR dengan pemerintah membahas pelindungan data pribadi.",
		PhotoCredit:  "Dok. Warta/Fajar",
	},

	// --- Singletons ------------------------------------------------------------------------
	{
		Title:    "Peneliti Kembangkan Kecerdasan Buatan untuk Menerjemahkan Bahasa Daerah",
		Excerpt:  "Tim peneliti kampus di Yogyakarta membangun model kecerdasan buatan yang mampu menerjemahkan bahasa Jawa, Sunda, dan Bugis ke bahasa Indonesia.",
		Category: "teknologi",
		Tags:     []string{"Kecerdasan Buatan", "Bahasa Daerah"},
		Authors:  []string{"fajar-nugroho"},
		Story:    "ai-bahasa-daerah",
		HoursAgo: 650,
		Body: `Tim peneliti dari sebuah perguruan tinggi di Yogyakarta mengembangkan model kecerdasan buatan yang mampu menerjemahkan bahasa daerah ke bahasa Indonesia dan sebaliknya. Pada tahap awal, model ini mendukung bahasa Jawa, Sunda, dan Bugis, dengan rencana menambah bahasa lain secara bertahap.

Ketua tim peneliti, Dr. Wening Ayu Lestari, menyampaikan bahwa proyek ini berangkat dari keprihatinan terhadap makin sedikitnya penutur muda bahasa daerah. Banyak anak di kota besar kini lebih fasih berbahasa Inggris daripada bahasa ibu orang tuanya. "Teknologi bisa menjadi jembatan, bukan ancaman, bagi bahasa daerah," ujarnya.

Tantangan terbesar adalah ketersediaan data. Berbeda dengan bahasa Inggris atau bahasa Indonesia, teks berbahasa daerah di internet sangat terbatas. Tim peneliti mengumpulkan data dari naskah cerita rakyat, siaran radio lokal, dan rekaman percakapan sukarelawan yang telah memberikan izin penggunaan.

Bahasa daerah juga memiliki tingkatan tutur yang rumit. Bahasa Jawa, misalnya, mengenal ragam ngoko dan krama yang digunakan sesuai lawan bicara. Model yang dikembangkan tim dilatih untuk mengenali konteks tersebut, meskipun peneliti mengakui hasilnya belum sempurna untuk kalimat-kalimat panjang.

Uji coba awal menunjukkan tingkat akurasi terjemahan yang cukup menjanjikan untuk kalimat sehari-hari. Tim melibatkan guru bahasa daerah dan budayawan untuk menilai hasil terjemahan, sekaligus memastikan model tidak menghasilkan ungkapan yang janggal atau tidak sopan dalam budaya setempat.

Ke depan, model ini direncanakan dimanfaatkan untuk aplikasi belajar bahasa daerah, layanan publik di daerah, dan digitalisasi naskah kuno. Tim juga membuka kode dan sebagian data untuk peneliti lain agar pengembangan bisa dilakukan bersama-sama.

Badan Bahasa menyambut baik inisiatif ini. Menurut lembaga tersebut, revitalisasi bahasa daerah membutuhkan pendekatan yang dekat dengan kebiasaan generasi muda, termasuk melalui gawai dan media sosial yang mereka gunakan setiap hari.`,
		PhotoCaption: "Peneliti menguji aplikasi penerjemah bahasa daerah berbasis kecerdasan buatan di laboratorium kampus.",
		PhotoCredit:  "Dok. Warta/Fajar",
	},
	{
		Title:    "Ponsel Lipat Buatan Lokal Resmi Dijual, Harga Mulai Rp8 Juta",
		Excerpt:  "Produsen gawai dalam negeri meluncurkan ponsel lipat pertamanya dengan tingkat komponen lokal 40 persen. Harganya jauh di bawah merek global.",
		Category: "teknologi",
		Tags:     []string{"Ponsel Lipat", "Produk Lokal", "Gawai"},
		Authors:  []string{"fajar-nugroho"},
		Story:    "ponsel-lipat-lokal",
		HoursAgo: 52,
		Body: `Produsen gawai dalam negeri, Nusantara Mobile, resmi memasarkan ponsel lipat pertamanya. Ponsel bernama Lipa X1 itu dibanderol mulai Rp8 juta, jauh lebih murah dibandingkan ponsel lipat merek global yang umumnya dijual di atas Rp15 juta.

Lipa X1 menggunakan desain lipat vertikal seperti ponsel lipat zaman dulu, dengan layar utama 6,7 inci dan layar luar kecil untuk notifikasi. Perangkat ini ditenagai prosesor kelas menengah atas, memori 12 GB, dan baterai 4.300 mAh yang mendukung pengisian cepat.

Direktur Nusantara Mobile, Bayu Kristanto, menyampaikan bahwa ponsel ini dirakit di pabrik perusahaan di Batam dengan tingkat komponen dalam negeri sekitar 40 persen. Komponen seperti casing, pengisi daya, dan kemasan diproduksi pemasok lokal, sedangkan layar dan prosesor masih diimpor. "Kami ingin membuktikan produk lokal bisa bersaing di segmen premium," ujarnya.

Engsel menjadi bagian yang paling banyak diuji. Menurut perusahaan, engsel Lipa X1 telah melewati uji buka-tutup hingga 200.000 kali, setara pemakaian normal selama lima tahun. Perusahaan juga memberikan garansi layar selama satu tahun, termasuk penggantian satu kali jika layar lipat rusak.

Pengulas gawai, Dimas Anggoro, menilai harga yang ditawarkan cukup agresif. Namun, ia mengingatkan bahwa tantangan terbesar produsen lokal adalah layanan purnajual dan pembaruan perangkat lunak. "Konsumen ponsel premium sangat memperhatikan berapa lama ponselnya akan mendapat pembaruan sistem dan keamanan," katanya.

Nusantara Mobile berjanji memberikan pembaruan sistem operasi selama tiga tahun dan pembaruan keamanan selama empat tahun. Perusahaan juga menambah jumlah pusat servis menjadi 60 lokasi di seluruh Indonesia hingga akhir tahun.

Pada hari pertama penjualan daring, perusahaan mengklaim 5.000 unit Lipa X1 terjual habis dalam dua jam. Penjualan gelombang berikutnya dijadwalkan pekan depan, bersamaan dengan ketersediaan di toko ritel di kota-kota besar.`,
		PhotoCaption: "Pengunjung mencoba ponsel lipat buatan lokal saat peluncuran di Jakarta.",
		PhotoCredit:  "Dok. Warta/Fajar",
	},
}
