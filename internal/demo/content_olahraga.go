package demo

var articlesOlahraga = []SeedArticle{
	// --- Cluster: Timnas di kualifikasi Piala Dunia -------------------------------
	{
		Title:    "Pelatih Timnas Panggil 27 Pemain untuk Dua Laga Kualifikasi Piala Dunia",
		Excerpt:  "Tim pelatih Timnas Indonesia mengumumkan 27 pemain untuk laga tandang ke Arab Saudi dan laga kandang melawan Bahrain. Tiga pemain muda mendapat panggilan pertama.",
		Category: "olahraga",
		Tags:     []string{"Timnas", "Kualifikasi Piala Dunia", "Sepak Bola"},
		Authors:  []string{"bima-prasetyo"},
		Story:    "timnas-kualifikasi-piala-dunia",
		HoursAgo: 340,
		Body: `Tim pelatih Timnas Indonesia mengumumkan 27 pemain yang dipanggil untuk dua laga lanjutan Kualifikasi Piala Dunia zona Asia. Skuad Garuda akan melakoni laga tandang melawan Arab Saudi di Jeddah, sebelum menjamu Bahrain di Stadion Utama Gelora Bung Karno (GBK), Jakarta, lima hari kemudian.

Daftar pemain tersebut diisi kombinasi pemain berpengalaman dan wajah baru. Tiga pemain muda dari kompetisi Liga 1 mendapat panggilan pertama ke tim senior, termasuk gelandang berusia 20 tahun, Teguh Santoso, yang tampil menonjol bersama klubnya musim ini. Sementara itu, kapten tim dan bek tengah Rizal Mahendra kembali memimpin lini belakang.

Pelatih kepala Timnas menyampaikan bahwa pemilihan pemain didasarkan pada performa terkini dan kebutuhan taktik. "Kami butuh pemain yang siap bekerja keras selama 90 menit, terutama saat bermain di luar kandang. Arab Saudi akan menekan sejak menit pertama, jadi kedisiplinan menjadi kunci," katanya dalam konferensi pers di Jakarta.

Timnas dijadwalkan menggelar pemusatan latihan selama lima hari di Jakarta sebelum bertolak ke Jeddah. Tim pelatih juga menyiapkan program pemulihan khusus bagi pemain yang bermain di luar negeri agar tidak kelelahan akibat perjalanan jauh dan perbedaan zona waktu.

Saat ini Indonesia berada di peringkat keempat klasemen grup dengan lima poin dari empat pertandingan. Dua tim teratas berhak lolos langsung ke putaran final, sedangkan tim peringkat ketiga dan keempat masih berpeluang melalui babak lanjutan. Tambahan poin dari dua laga ini akan sangat menentukan.

Asisten pelatih Yeremia Putra menambahkan bahwa tim telah menganalisis rekaman pertandingan lawan. Menurut dia, Arab Saudi unggul dalam penguasaan bola, sedangkan Bahrain berbahaya lewat bola mati. "Kami sudah menyiapkan skenario untuk keduanya," ujarnya.

PSSI mengimbau suporter untuk membeli tiket laga kandang hanya melalui kanal resmi. Penjualan tiket pertandingan melawan Bahrain akan dibuka secara daring mulai pekan depan dengan sistem satu akun untuk satu tiket.`,
		PhotoCaption: "Pemain Timnas Indonesia berlatih di lapangan pendukung kompleks GBK, Jakarta.",
		PhotoCredit:  "Dok. Warta/Bima",
	},
	{
		Title:    "Timnas Indonesia Tahan Imbang Arab Saudi 1-1 di Jeddah",
		Excerpt:  "Garuda mencuri satu poin dari Jeddah berkat gol Andika Saputra. Lini belakang bertahan rapat menghadapi gempuran tuan rumah sepanjang babak kedua.",
		Category: "olahraga",
		Tags:     []string{"Timnas", "Kualifikasi Piala Dunia", "Sepak Bola", "Arab Saudi"},
		Authors:  []string{"bima-prasetyo"},
		Story:    "timnas-kualifikasi-piala-dunia",
		HoursAgo: 210,
		Body: `Timnas Indonesia berhasil menahan imbang tuan rumah Arab Saudi dengan skor 1-1 dalam laga Kualifikasi Piala Dunia zona Asia di Jeddah, Kamis malam waktu setempat. Hasil ini menjadi modal berharga bagi skuad Garuda sebelum menjamu Bahrain di Jakarta pekan depan.

Indonesia justru unggul lebih dulu pada menit ke-23. Berawal dari serangan balik cepat, umpan terobosan Teguh Santoso diselesaikan dengan tenang oleh penyerang Andika Saputra. Gol tersebut membuat ribuan suporter tuan rumah terdiam, sementara puluhan pendukung Indonesia di tribun tamu bersorak.

Arab Saudi menyamakan kedudukan pada menit ke-58 melalui sundulan memanfaatkan sepak pojok. Setelah itu, tuan rumah terus menggempur pertahanan Indonesia. Namun, lini belakang yang dikomandoi Rizal Mahendra bertahan rapat, dan kiper Fikri Ramadhan melakukan sejumlah penyelamatan penting, termasuk menepis tendangan bebas di menit akhir.

Pelatih kepala Timnas memuji mental bertanding para pemain. "Bermain di sini tidak mudah. Udara panas, tekanan penonton, dan kualitas lawan sangat tinggi. Para pemain menunjukkan bahwa mereka bisa bersaing," ujarnya seusai pertandingan.

Meski begitu, ia mengakui timnya terlalu dalam bertahan pada babak kedua sehingga kesulitan keluar dari tekanan. Indonesia hanya mencatatkan 32 persen penguasaan bola dan dua tembakan tepat sasaran sepanjang pertandingan. Evaluasi akan dilakukan sebelum laga melawan Bahrain. Tim pelatih ingin para gelandang lebih berani menahan bola dan membangun serangan dari lini tengah.

Dengan tambahan satu poin, Indonesia kini mengoleksi enam poin dan naik ke peringkat ketiga klasemen sementara grup. Hasil pertandingan lain di grup yang sama juga menguntungkan, karena dua pesaing terdekat saling mengalahkan sehingga selisih poin makin rapat.

Skuad Garuda dijadwalkan kembali ke Jakarta pada Jumat malam. Tim pelatih memastikan tidak ada pemain yang mengalami cedera serius, meskipun beberapa pemain mengalami kelelahan dan akan menjalani program pemulihan khusus.`,
		PhotoCaption: "Penyerang Timnas Indonesia, Andika Saputra, merayakan gol ke gawang Arab Saudi di Jeddah.",
		PhotoCredit:  "Humas PSSI",
	},
	{
		Title:    "Garuda Menang 2-0 atas Bahrain, Peluang Lolos Terbuka Lebar",
		Excerpt:  "Dua gol di babak kedua membawa Timnas Indonesia menang 2-0 atas Bahrain di GBK. Garuda naik ke peringkat kedua klasemen sementara grup.",
		Category: "olahraga",
		Tags:     []string{"Timnas", "Kualifikasi Piala Dunia", "Sepak Bola", "Jakarta"},
		Authors:  []string{"bima-prasetyo"},
		Story:    "timnas-kualifikasi-piala-dunia",
		HoursAgo: 160,
		Body: `Timnas Indonesia menang 2-0 atas Bahrain dalam laga Kualifikasi Piala Dunia zona Asia di Stadion Utama Gelora Bung Karno, Jakarta, Selasa malam. Kemenangan ini membawa skuad Garuda naik ke peringkat kedua klasemen sementara grup dan membuka peluang lolos langsung ke putaran final.

Sekitar 70.000 suporter memadati GBK dan tak henti bernyanyi sepanjang laga. Pada babak pertama, Indonesia menguasai jalannya pertandingan, tetapi penyelesaian akhir belum tajam. Dua peluang emas Andika Saputra masih bisa digagalkan kiper Bahrain yang tampil gemilang.

Kebuntuan pecah pada menit ke-54. Tendangan bebas Teguh Santoso dari sisi kanan disambut sundulan Rizal Mahendra yang tidak mampu dijangkau kiper lawan. Stadion bergemuruh. Sepuluh menit menjelang laga usai, pemain pengganti Yosua Wenda menggandakan keunggulan lewat tembakan keras dari luar kotak penalti.

Bahrain sempat mengancam melalui situasi bola mati, sesuai prediksi tim pelatih. Namun, organisasi pertahanan Indonesia tampil disiplin. Kiper Fikri Ramadhan kembali mencatatkan nirbobol setelah sejumlah penyelamatan penting sepanjang pertandingan.

Pelatih kepala Timnas menyebut kemenangan ini hasil kerja keras seluruh tim. "Kami belajar dari laga di Jeddah. Hari ini kami lebih berani menguasai bola dan tidak terlalu dalam bertahan. Dukungan suporter juga luar biasa," katanya dalam konferensi pers seusai laga.

Dengan tambahan tiga poin, Indonesia kini mengoleksi sembilan poin dari enam pertandingan. Persaingan di grup masih ketat karena selisih poin dengan tim di peringkat ketiga dan keempat hanya satu angka. Dua laga tersisa akan menjadi penentu. Laga kandang melawan pesaing terdekat diperkirakan menjadi ujian terberat bagi konsistensi skuad Garuda.

Ketua Umum PSSI menyampaikan apresiasi kepada pemain dan suporter yang tertib. Ia berharap dukungan serupa terus mengalir hingga laga penentuan berikutnya, yang juga akan digelar di GBK.`,
		PhotoCaption: "Bek Timnas Indonesia, Rizal Mahendra, menyundul bola untuk membuka skor melawan Bahrain di GBK.",
		PhotoCredit:  "Dok. Warta/Bima",
	},
	{
		Title:    "Bek Andalan Timnas Cedera, Lini Pertahanan Garuda Jadi Sorotan",
		Excerpt:  "Kapten Timnas Rizal Mahendra dipastikan absen di laga penentuan akibat cedera lutut. Tim pelatih menimbang sejumlah opsi untuk menambal lini pertahanan.",
		Category: "olahraga",
		Tags:     []string{"Timnas", "Kualifikasi Piala Dunia", "Sepak Bola", "Cedera"},
		Authors:  []string{"bima-prasetyo"},
		Story:    "timnas-kualifikasi-piala-dunia",
		HoursAgo: 12,
		Body: `Kabar kurang sedap datang dari kubu Timnas Indonesia menjelang laga penentuan Kualifikasi Piala Dunia. Kapten sekaligus bek tengah andalan, Rizal Mahendra, dipastikan absen setelah mengalami cedera ligamen lutut saat membela klubnya dalam lanjutan Liga 1 akhir pekan lalu.

Dokter tim Timnas, dr. Arif Nugraha, menyampaikan bahwa hasil pemindaian menunjukkan cedera tersebut membutuhkan waktu pemulihan sedikitnya enam pekan. "Kami tidak akan mengambil risiko. Kesehatan jangka panjang pemain lebih penting," ujarnya. Rizal akan menjalani pemulihan di bawah pengawasan tim medis klub dan federasi. Ia dipastikan tidak membutuhkan tindakan operasi, tetapi harus beristirahat total selama dua pekan pertama.

Absennya Rizal membuat lini pertahanan Garuda menjadi sorotan. Selama kualifikasi, ia tampil di seluruh pertandingan dan menjadi pemimpin di lapangan. Rizal juga mencetak gol pembuka saat Indonesia mengalahkan Bahrain 2-0 di GBK, sekaligus menjadi andalan dalam mengantisipasi bola-bola atas.

Tim pelatih kini menimbang sejumlah opsi. Bek muda Dani Saragih yang tampil konsisten di klubnya menjadi kandidat kuat pengganti. Opsi lain adalah menggeser gelandang bertahan ke posisi bek tengah atau mengubah formasi menjadi tiga bek sejajar agar pertahanan lebih rapat.

Pengamat sepak bola nasional, Bambang Hermawan, menilai kehilangan Rizal merupakan pukulan besar, terutama dari sisi kepemimpinan. "Secara teknis penggantinya ada, tetapi sosok yang bisa mengatur rekan-rekannya saat tertekan itu yang sulit dicari. Ban kapten harus jatuh ke pemain yang tenang," katanya.

Laga penentuan akan mempertemukan Indonesia dengan tim pesaing langsung di peringkat ketiga klasemen. Hasil imbang saja sudah cukup bagi Garuda untuk mempertahankan posisi kedua, tetapi pelatih menegaskan timnya tetap bermain untuk menang di hadapan publik sendiri.

Pemusatan latihan dimulai Senin di Jakarta. Tim pelatih dijadwalkan mengumumkan pemain pengganti Rizal dalam dua hari ke depan setelah memantau kondisi kebugaran para kandidat.`,
		PhotoCaption: "Kapten Timnas Indonesia, Rizal Mahendra, dipapah keluar lapangan setelah mengalami cedera lutut.",
		PhotoCredit:  "Dok. Warta/Bima",
	},
	{
		Title:    "Suporter Padati GBK, Tiket Laga Penentuan Timnas Ludes dalam Sejam",
		Excerpt:  "Seluruh tiket laga penentuan Timnas Indonesia di Kualifikasi Piala Dunia terjual habis dalam satu jam. PSSI mengingatkan suporter soal calo dan tiket palsu.",
		Category: "olahraga",
		Tags:     []string{"Timnas", "Kualifikasi Piala Dunia", "Sepak Bola", "Jakarta", "HOT"},
		Authors:  []string{"bima-prasetyo"},
		Story:    "timnas-kualifikasi-piala-dunia",
		HoursAgo: 1.5,
		Featured: true,
		Body: `Antusiasme publik menyambut laga penentuan Timnas Indonesia di Kualifikasi Piala Dunia luar biasa. Seluruh tiket pertandingan di Stadion Utama Gelora Bung Karno (GBK), Jakarta, terjual habis dalam waktu kurang dari satu jam setelah penjualan daring dibuka pada Rabu siang.

Sebanyak 72.000 tiket yang tersedia ludes diburu suporter dari berbagai daerah. Situs penjualan sempat mengalami antrean virtual dengan ratusan ribu pengguna secara bersamaan. Banyak suporter mengaku gagal mendapatkan tiket meski sudah bersiap sejak pagi. "Sudah masuk antrean nomor 180.000, pas giliran saya habis," keluh Fadli, suporter asal Bogor.

PSSI menyampaikan bahwa sistem satu akun untuk satu tiket diterapkan demi mencegah pembelian borongan oleh calo. Setiap tiket juga tercatat atas nama pembeli dan akan dicocokkan dengan kartu identitas saat penukaran. Federasi meminta suporter tidak tergiur tawaran tiket di media sosial yang berpotensi palsu.

Kepolisian menyiapkan lebih dari 4.000 personel gabungan untuk mengamankan pertandingan. Suporter diminta datang lebih awal karena pemeriksaan berlapis akan dilakukan di pintu masuk kawasan GBK. Barang-barang seperti suar, petasan, dan botol kaca dilarang dibawa masuk ke stadion.

Bagi suporter yang tidak kebagian tiket, sejumlah pemerintah daerah dan komunitas berencana menggelar nonton bareng. Di Jakarta, layar besar akan dipasang di beberapa taman kota. Pemerintah provinsi juga menambah jadwal perjalanan MRT dan Transjakarta menuju kawasan Senayan pada hari pertandingan.

Di tengah euforia, kekhawatiran soal lini belakang Timnas masih membayangi setelah sang kapten dipastikan absen karena cedera. Namun, suporter tetap optimistis. Hasil imbang saja sudah cukup untuk mempertahankan peringkat kedua grup dan memastikan tiket langsung ke putaran final.

Pelatih kepala Timnas berterima kasih atas dukungan suporter. Ia berharap atmosfer GBK menjadi pemain kedua belas yang mampu mendorong para pemain tampil habis-habisan di laga paling menentukan dalam perjalanan kualifikasi kali ini.`,
		PhotoCaption: "Suporter Timnas Indonesia memadati kawasan GBK menjelang laga penentuan Kualifikasi Piala Dunia.",
		PhotoCredit:  "Dok. Warta/Bima",
	},

	// --- Cluster: Indonesia Open bulu tangkis --------------------------------------
	{
		Title:    "Ganda Putra Indonesia Melaju ke Perempat Final Indonesia Open",
		Excerpt:  "Pasangan Raka Aditya/Bagas Wirawan menang dua gim langsung atas unggulan keenam dan melaju ke perempat final Indonesia Open di Istora Senayan.",
		Category: "olahraga",
		Tags:     []string{"Bulu Tangkis", "Indonesia Open", "Istora"},
		Authors:  []string{"bima-prasetyo"},
		Story:    "indonesia-open-bulu-tangkis",
		HoursAgo: 110,
		Body: `Ganda putra Indonesia, Raka Aditya/Bagas Wirawan, melaju ke perempat final turnamen bulu tangkis Indonesia Open setelah menundukkan unggulan keenam dengan skor 21-17, 21-19 di Istora Senayan, Jakarta, Kamis. Kemenangan itu disambut riuh ribuan penonton yang memadati tribun sejak pagi.

Pada gim pertama, Raka/Bagas tampil agresif sejak awal. Smes keras Bagas dari belakang lapangan berulang kali merepotkan lawan, sementara Raka bermain tenang di depan net. Pasangan peringkat 14 dunia itu unggul 11-6 saat interval dan menjaga keunggulan hingga akhir gim.

Gim kedua berjalan lebih ketat. Lawan sempat unggul 18-15 setelah memperbaiki pola serangan. Namun, dorongan penonton membangkitkan semangat pasangan tuan rumah. Raka/Bagas mencetak enam poin dari delapan poin terakhir, ditutup dengan pengembalian tajam Raka yang gagal dijangkau lawan.

"Penonton Istora memang luar biasa. Saat tertinggal, teriakan mereka membuat kami lebih percaya diri," kata Bagas seusai laga. Raka menambahkan bahwa keduanya sudah mempelajari rekaman pertandingan lawan dan memilih bermain lebih sabar dalam reli panjang.

Di perempat final, Raka/Bagas akan menghadapi pasangan unggulan kedua dari Korea Selatan. Rekor pertemuan kedua pasangan sejauh ini imbang 2-2. Pelatih ganda putra nasional menilai peluang tetap terbuka asalkan pemain menjaga fokus dan tidak tergesa-gesa menyerang. Menurut dia, kunci kemenangan ada pada pengembalian servis dan kecepatan merebut serangan pertama.

Selain ganda putra, Indonesia masih menyisakan wakil di tunggal putri dan ganda campuran. Tunggal putri Nadia Kusuma lolos setelah bermain rubber game melawan pemain Jepang, sementara ganda campuran menang mudah atas wakil Thailand.

Indonesia Open tahun ini menyediakan total hadiah lebih dari satu juta dolar AS. Panitia menyebut tiket untuk babak semifinal dan final sudah hampir habis terjual, menandakan tingginya minat masyarakat terhadap bulu tangkis.`,
		PhotoCaption: "Ganda putra Indonesia, Raka Aditya/Bagas Wirawan, merayakan kemenangan di Istora Senayan.",
		PhotoCredit:  "Dok. Warta/Bima",
	},
	{
		Title:    "Tunggal Putri Tersingkir, Pelatih Soroti Ketahanan Fisik Pemain",
		Excerpt:  "Nadia Kusuma kalah rubber game di perempat final Indonesia Open. Pelatih menilai ketahanan fisik pemain muda masih menjadi pekerjaan rumah.",
		Category: "olahraga",
		Tags:     []string{"Bulu Tangkis", "Indonesia Open", "Tunggal Putri"},
		Authors:  []string{"bima-prasetyo"},
		Story:    "indonesia-open-bulu-tangkis",
		HoursAgo: 85,
		Body: `Langkah tunggal putri Indonesia, Nadia Kusuma, di turnamen Indonesia Open terhenti di babak perempat final. Pemain berusia 21 tahun itu kalah dari unggulan ketiga asal China lewat pertarungan tiga gim 21-18, 15-21, 12-21 di Istora Senayan, Jakarta, Jumat.

Nadia tampil meyakinkan di gim pertama. Pukulan silang dan variasi netting-nya berulang kali memaksa lawan melakukan kesalahan. Namun, memasuki gim kedua, lawan mengubah strategi dengan memperpanjang reli dan menekan ke sudut belakang lapangan. Nadia mulai kehilangan akurasi dan kerap terlambat mengejar bola.

Pada gim penentuan, Nadia tampak kelelahan. Ia beberapa kali memegangi paha dan harus menerima perawatan singkat saat interval. Lawan memanfaatkan situasi itu dan menjauh hingga menutup laga dengan selisih sembilan poin.

Pelatih tunggal putri nasional, Wahyu Santika, mengakui ketahanan fisik masih menjadi pekerjaan rumah bagi pemain muda. "Secara teknik Nadia sudah bisa bersaing dengan pemain elite. Tapi di level ini, pemain harus mampu bertahan dalam reli panjang selama lebih dari satu jam," ujarnya.

Menurut Wahyu, tim pelatih akan menyusun ulang program latihan fisik setelah turnamen ini. Porsi latihan daya tahan dan pemulihan akan ditambah, termasuk dengan bantuan ahli gizi dan fisioterapis. Jadwal turnamen yang padat juga akan dievaluasi agar pemain tidak kelelahan sebelum turnamen besar.

Meski kalah, Nadia mengaku mendapat banyak pelajaran. "Saya kecewa, tapi ini pengalaman berharga. Saya tahu apa yang harus diperbaiki," katanya. Penampilannya di turnamen ini diperkirakan mendongkrak peringkat dunianya masuk ke jajaran 20 besar. Ia dijadwalkan tampil lagi di turnamen di Singapura bulan depan setelah menjalani pemeriksaan medis.

Dengan tersingkirnya Nadia, harapan Indonesia untuk meraih gelar kini bertumpu pada ganda putra Raka Aditya/Bagas Wirawan yang melaju ke semifinal setelah menumbangkan unggulan kedua dari Korea Selatan dalam pertandingan yang menguras tenaga.`,
		PhotoCaption: "Tunggal putri Indonesia, Nadia Kusuma, mengejar kok di perempat final Indonesia Open.",
		PhotoCredit:  "Dok. Warta/Bima",
	},
	{
		Title:    "Ganda Putra Indonesia Juara Indonesia Open Lewat Pertarungan Tiga Gim",
		Excerpt:  "Raka Aditya/Bagas Wirawan menjadi juara Indonesia Open setelah menang 21-19, 18-21, 21-16 di final. Gelar ini yang pertama bagi tuan rumah dalam tiga tahun.",
		Category: "olahraga",
		Tags:     []string{"Bulu Tangkis", "Indonesia Open", "Istora", "Jakarta"},
		Authors:  []string{"bima-prasetyo"},
		Story:    "indonesia-open-bulu-tangkis",
		HoursAgo: 37,
		Body: `Istora Senayan bergemuruh. Ganda putra Indonesia, Raka Aditya/Bagas Wirawan, keluar sebagai juara turnamen bulu tangkis Indonesia Open setelah mengalahkan pasangan Denmark dengan skor 21-19, 18-21, 21-16 dalam laga final yang berlangsung lebih dari satu jam, Minggu sore.

Gelar ini menjadi yang pertama bagi tuan rumah di Indonesia Open dalam tiga tahun terakhir. Bagi Raka/Bagas, ini merupakan gelar terbesar sepanjang karier mereka sejak dipasangkan dua tahun lalu. Keduanya langsung bersujud di tengah lapangan begitu poin terakhir tercipta. Rekan-rekan setim dan pelatih berlarian masuk ke lapangan untuk memeluk mereka.

Final berjalan ketat sejak awal. Pada gim pertama, kedua pasangan saling kejar poin hingga kedudukan 19-19, sebelum Raka/Bagas merebut dua poin beruntun. Pasangan Denmark membalas di gim kedua dengan mengandalkan servis pendek yang menyulitkan dan serangan dari sisi kanan lapangan.

Di gim ketiga, ketahanan fisik menjadi pembeda. Raka/Bagas yang tampil lebih segar mampu menjaga tempo tinggi, sementara lawan mulai sering melakukan kesalahan sendiri. Smes menyilang Bagas menutup pertandingan, disambut sorakan lebih dari 7.000 penonton yang memadati Istora.

"Kami persembahkan gelar ini untuk seluruh masyarakat Indonesia. Dukungan penonton benar-benar membuat kami kuat sampai akhir," kata Raka dengan suara bergetar. Bagas menambahkan, kemenangan atas unggulan kedua di perempat final menjadi titik balik yang menumbuhkan kepercayaan diri mereka.

Kepala bidang pembinaan dan prestasi PBSI menyebut keberhasilan ini buah dari program latihan fisik yang diperbarui sejak awal tahun. Ia berharap gelar ini menjadi pemicu bagi pemain lain, termasuk sektor tunggal putri yang sebelumnya tersingkir di perempat final.

Dengan gelar ini, Raka/Bagas diperkirakan naik ke peringkat delapan dunia. Mereka akan kembali berlaga di turnamen level tertinggi lainnya di Asia dua pekan mendatang, dengan target menembus babak semifinal.`,
		PhotoCaption: "Raka Aditya/Bagas Wirawan mengangkat trofi juara Indonesia Open di Istora Senayan, Jakarta.",
		PhotoCredit:  "Dok. Warta/Bima",
	},

	// --- Singleton ------------------------------------------------------------------------
	{
		Title:    "Sirkuit Mandalika Perbaiki Lintasan Jelang Musim Balap Baru",
		Excerpt:  "Pengelola Sirkuit Mandalika melapisi ulang aspal dan memperbaiki sistem drainase sebelum musim balap dimulai. Pekerjaan ditargetkan rampung dua bulan sebelum MotoGP.",
		Category: "olahraga",
		Tags:     []string{"MotoGP", "Mandalika", "Balap Motor"},
		Authors:  []string{"bima-prasetyo"},
		Story:    "sirkuit-mandalika",
		HoursAgo: 900,
		Body: `Pengelola Sirkuit Internasional Mandalika di Lombok Tengah, Nusa Tenggara Barat, mulai memperbaiki lintasan menjelang musim balap baru. Perbaikan meliputi pelapisan ulang aspal di sejumlah tikungan, peningkatan sistem drainase, dan penambahan area penahan di sisi luar lintasan.

Direktur operasional sirkuit, Lalu Ahmad Fauzi, menyampaikan bahwa perbaikan dilakukan berdasarkan masukan dari penyelenggara kejuaraan dan para pembalap pada musim lalu. Beberapa pembalap mengeluhkan permukaan lintasan yang bergelombang dan licin, terutama ketika hujan turun deras di tengah balapan.

"Kami ingin lintasan ini aman dan kompetitif. Aspal baru menggunakan campuran yang lebih tahan terhadap suhu tinggi dan memiliki cengkeraman lebih baik," ujar Fauzi. Menurut dia, pekerjaan ditargetkan rampung dua bulan sebelum seri MotoGP digelar, sehingga masih ada waktu untuk uji kelayakan lintasan.

Sistem drainase menjadi perhatian utama. Pada musim sebelumnya, genangan air di beberapa titik sempat membuat sesi latihan ditunda. Kini, saluran air di sepanjang lintasan diperlebar dan ditambah, sementara kemiringan permukaan di sejumlah tikungan disesuaikan agar air lebih cepat mengalir.

Selain lintasan, pengelola juga memperbaiki fasilitas penonton. Tribun tambahan dibangun di dekat tikungan terakhir, dan akses jalan dari bandara menuju sirkuit diperlebar. Pemerintah daerah menyiapkan kantong parkir dan angkutan bus gratis dari pusat kota untuk mengurai kepadatan lalu lintas saat balapan.

Pelaku usaha pariwisata di Lombok menyambut baik perbaikan ini. Pada musim balap sebelumnya, tingkat hunian hotel di sekitar Mandalika mencapai hampir 100 persen. Mereka berharap gelaran balap tahun ini kembali mendatangkan wisatawan, baik domestik maupun mancanegara, sekaligus menggerakkan ekonomi warga sekitar.

Selain MotoGP, sirkuit juga dijadwalkan menggelar sejumlah kejuaraan balap nasional dan kegiatan komunitas. Pengelola ingin Mandalika tidak hanya ramai saat seri internasional, tetapi hidup sepanjang tahun. Sekolah balap untuk pembalap muda juga tengah dirintis bersama federasi otomotif nasional.`,
		PhotoCaption: "Alat berat melapisi ulang aspal lintasan Sirkuit Mandalika, Lombok Tengah.",
		PhotoCredit:  "Dok. Warta/Bima",
	},
}
