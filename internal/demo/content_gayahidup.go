package demo

var articlesGayaHidup = []SeedArticle{
	// --- Cluster: demam berdarah ---------------------------------------------------
	{
		Title:    "Kasus Demam Berdarah Melonjak, Dinkes Imbau Warga Gencarkan 3M Plus",
		Excerpt:  "Kasus demam berdarah dengue naik hampir dua kali lipat dibandingkan tahun lalu. Dinas kesehatan meminta warga rutin menguras, menutup, dan mendaur ulang.",
		Category: "gaya-hidup",
		Tags:     []string{"Demam Berdarah", "Kesehatan", "Nyamuk"},
		Authors:  []string{"sari-handayani"},
		Story:    "demam-berdarah",
		HoursAgo: 260,
		Body: `Kasus demam berdarah dengue (DBD) melonjak di sejumlah daerah seiring datangnya musim hujan. Data dinas kesehatan di beberapa provinsi menunjukkan jumlah kasus dalam dua bulan terakhir naik hampir dua kali lipat dibandingkan periode yang sama tahun lalu, dengan anak usia sekolah sebagai kelompok yang paling banyak terjangkit.

Kepala Dinas Kesehatan Provinsi Jawa Barat menyampaikan bahwa sejumlah rumah sakit mulai kewalahan menampung pasien DBD. Beberapa rumah sakit bahkan menambah tempat tidur di lorong untuk menampung pasien anak. "Lonjakan ini menimbulkan kekhawatiran, karena puncak musim hujan belum tiba," ujarnya.

Penyakit DBD ditularkan oleh nyamuk *Aedes aegypti* yang berkembang biak di genangan air bersih, seperti bak mandi, tempat penampungan air, vas bunga, dan barang bekas yang menampung air hujan. Nyamuk ini aktif menggigit pada pagi hingga sore hari, sehingga anak-anak di sekolah dan rumah sama-sama berisiko.

Dinas kesehatan mengimbau warga menggencarkan gerakan 3M Plus. Langkah itu meliputi:
- **menguras** tempat penampungan air secara rutin setidaknya seminggu sekali;
- **menutup** rapat wadah penyimpanan air;
- **mendaur ulang** atau memanfaatkan kembali barang bekas yang bisa menampung air;
- **plus** memakai losion antinyamuk, memasang kelambu, dan menanam tanaman pengusir nyamuk.

Pemerintah daerah juga menggiatkan kembali program satu rumah satu juru pemantau jentik. Setiap keluarga diminta menunjuk satu anggota untuk memeriksa jentik nyamuk di rumahnya setiap pekan. Kader kesehatan di tingkat RT akan merekap hasil pemantauan dan melaporkannya ke puskesmas.

Pengasapan atau *fogging* hanya dilakukan di lokasi yang terbukti terdapat kasus DBD. Menurut dinas kesehatan, pengasapan hanya membunuh nyamuk dewasa dan tidak efektif jika jentik di lingkungan sekitar dibiarkan. Karena itu, pemberantasan sarang nyamuk tetap menjadi kunci utama pencegahan.

Warga diminta segera membawa anggota keluarga yang mengalami demam tinggi mendadak ke fasilitas kesehatan. Penanganan yang cepat dapat mencegah kondisi pasien memburuk.`,
		PhotoCaption: "Kader kesehatan memeriksa jentik nyamuk di bak mandi rumah warga.",
		PhotoCredit:  "Humas Dinkes Jabar",
	},
	{
		Title:    "Kenali Gejala Demam Berdarah yang Sering Dikira Flu Biasa",
		Excerpt:  "Demam berdarah kerap dikira flu pada hari-hari pertama. Dokter menjelaskan tanda bahaya yang harus diwaspadai, terutama saat demam justru turun.",
		Category: "gaya-hidup",
		Tags:     []string{"Demam Berdarah", "Kesehatan", "Gejala DBD"},
		Authors:  []string{"sari-handayani"},
		Story:    "demam-berdarah",
		HoursAgo: 190,
		Body: `Di tengah lonjakan kasus demam berdarah dengue (DBD), dokter mengingatkan masyarakat untuk mengenali gejala penyakit ini sejak dini. Pada hari-hari pertama, DBD sering dikira flu biasa atau demam karena kelelahan, sehingga penanganannya terlambat.

Dokter spesialis anak, dr. Melinda Sari, menjelaskan bahwa gejala awal DBD biasanya berupa demam tinggi mendadak hingga 39-40 derajat Celsius. Demam disertai sakit kepala, nyeri di belakang mata, nyeri otot dan sendi, mual, serta hilangnya nafsu makan. Pada sebagian pasien, muncul bintik-bintik merah di kulit.

Yang sering menjebak, kata Melinda, adalah fase ketika demam turun pada hari ketiga hingga kelima. Banyak orang tua mengira anaknya sudah sembuh, padahal fase ini justru paling kritis. "Di fase inilah kebocoran plasma bisa terjadi dan pasien bisa jatuh ke kondisi syok. Jadi jangan lengah ketika demam tiba-tiba turun," ujarnya.

Ia menyebut sejumlah tanda bahaya yang mengharuskan pasien segera dibawa ke rumah sakit. Tanda itu antara lain nyeri perut hebat, muntah terus-menerus, perdarahan dari gusi atau hidung, tangan dan kaki terasa dingin, anak tampak sangat lemas atau gelisah, serta jarang buang air kecil.

Orang tua tidak perlu khawatir berlebihan, tetapi juga jangan menunda pemeriksaan. Menurut Melinda, pemeriksaan darah sederhana di puskesmas atau klinik sudah bisa membantu dokter menentukan apakah pasien terinfeksi dengue. Pemantauan jumlah trombosit dan kadar hematokrit penting untuk menilai perkembangan penyakit.

Selama di rumah, pasien dianjurkan banyak minum, seperti air putih, oralit, jus buah, atau sup. Obat penurun demam yang aman adalah parasetamol sesuai dosis. Dokter mengingatkan agar tidak memberikan obat jenis ibuprofen atau aspirin karena dapat meningkatkan risiko perdarahan.

Hingga kini belum ada obat khusus untuk membunuh virus dengue. Karena itu, pencegahan melalui pemberantasan sarang nyamuk, perlindungan diri dari gigitan nyamuk, dan vaksinasi tetap menjadi langkah terbaik.`,
		PhotoCaption: "Dokter memeriksa kondisi pasien anak yang dirawat karena demam berdarah.",
		PhotoCredit:  "Dok. Warta/Sari",
	},
	{
		Title:    "Vaksin Dengue Mulai Diberikan Gratis untuk Anak Sekolah Dasar",
		Excerpt:  "Pemerintah memulai program vaksinasi dengue gratis untuk murid SD di daerah dengan kasus demam berdarah tertinggi. Dua dosis diberikan dengan jarak tiga bulan.",
		Category: "gaya-hidup",
		Tags:     []string{"Demam Berdarah", "Vaksin Dengue", "Kesehatan"},
		Authors:  []string{"sari-handayani"},
		Story:    "demam-berdarah",
		HoursAgo: 38,
		Body: `Pemerintah mulai memberikan vaksin dengue secara gratis kepada anak sekolah dasar di daerah dengan kasus demam berdarah tertinggi. Tahap pertama program ini menyasar sekitar 500.000 murid kelas 3 hingga 6 di 15 kabupaten dan kota yang mencatat lonjakan kasus DBD sepanjang musim hujan ini.

Kementerian Kesehatan menyampaikan bahwa vaksin diberikan dalam dua dosis dengan jarak tiga bulan. Pemberian dilakukan di sekolah oleh petugas puskesmas, bersamaan dengan program bulan imunisasi anak sekolah. Orang tua akan menerima surat pemberitahuan dan formulir persetujuan sebelum vaksinasi dilakukan.

Direktur yang membidangi pencegahan penyakit menular menyebut anak usia sekolah dipilih karena kelompok ini menyumbang kasus DBD terbanyak. "Dengan vaksinasi, kami berharap angka rawat inap dan kematian akibat dengue bisa ditekan secara signifikan," ujarnya saat pencanangan program di sebuah sekolah dasar di Bandung.

Di SD negeri tempat pencanangan, suasana sempat riuh oleh tangis beberapa murid yang takut disuntik. Namun, sebagian besar anak terlihat berani. "Tidak sakit, cuma seperti digigit semut," kata Alya (10), murid kelas 5, sambil memegangi lengannya setelah divaksin.

Dokter spesialis anak menegaskan vaksin dengue aman dan telah mendapat izin edar dari Badan Pengawas Obat dan Makanan. Efek samping yang mungkin muncul umumnya ringan, seperti nyeri di bekas suntikan atau demam ringan selama satu hingga dua hari. Orang tua diminta tidak khawatir dan melaporkan keluhan ke puskesmas bila ada.

Meski demikian, petugas kesehatan mengingatkan bahwa vaksin tidak menggantikan upaya pemberantasan sarang nyamuk. Anak yang sudah divaksin tetap bisa tertular, meskipun risiko sakit berat jauh lebih kecil. Gerakan 3M Plus tetap harus dijalankan di rumah dan sekolah.

Jika tahap pertama berjalan lancar, pemerintah berencana memperluas program ke lebih banyak daerah tahun depan. Kementerian juga mengkaji kemungkinan memasukkan vaksin dengue ke dalam program imunisasi rutin nasional.`,
		PhotoCaption: "Petugas puskesmas memberikan vaksin dengue kepada murid sekolah dasar di Bandung.",
		PhotoCredit:  "Humas Kemenkes",
	},

	// --- Cluster: tren lari dan maraton -----------------------------------------------
	{
		Title:    "Tren Lari Pagi Menjamur, Komunitas Pelari Baru Bermunculan di Kota Besar",
		Excerpt:  "Lari menjadi olahraga favorit baru warga kota. Komunitas pelari tumbuh di taman dan kawasan bebas kendaraan, dari pelari pemula hingga penggemar maraton.",
		Category: "gaya-hidup",
		Tags:     []string{"Tren Lari", "Komunitas Lari"},
		Authors:  []string{"sari-handayani"},
		Story:    "tren-lari-maraton",
		HoursAgo: 850,
		Body: `Setiap Minggu pagi, kawasan bebas kendaraan bermotor di sejumlah kota besar dipenuhi pelari. Dari anak muda berpakaian warna-warni hingga pensiunan yang berlari santai, olahraga lari kini menjadi salah satu tren gaya hidup paling populer di kalangan warga perkotaan.

Komunitas pelari bermunculan di mana-mana. Di Jakarta saja, diperkirakan ada ratusan komunitas lari yang aktif, mulai dari komunitas kantor, komunitas kampus, hingga komunitas berbasis kompleks perumahan. Mereka biasanya berlari bersama pada pagi hari sebelum bekerja atau malam hari setelah pulang kantor.

Nadia Rahmawati (29), pendiri sebuah komunitas lari di Jakarta Selatan, mengatakan anggotanya bertambah pesat dalam setahun terakhir. "Awalnya cuma sepuluh orang, sekarang hampir 400. Banyak yang datang karena ingin sehat, tapi ada juga yang mencari teman baru," ujarnya.

Media sosial turut mendorong tren ini. Banyak pelari membagikan rute, catatan waktu, dan foto seusai berlari. Aplikasi pelacak lari yang terhubung dengan jam pintar juga membuat kemajuan pelari mudah dipantau dan dibandingkan dengan teman-temannya.

Tren ini ikut menggerakkan ekonomi. Penjualan sepatu lari dan pakaian olahraga meningkat, sementara kafe-kafe di dekat lokasi lari ramai dikunjungi pelari yang sarapan bersama. Sejumlah merek lokal perlengkapan lari pun bermunculan dengan harga yang lebih terjangkau.

Lomba lari juga makin diminati. Tiket lomba lari jarak 5 kilometer hingga maraton penuh kerap habis dalam hitungan menit. Penyelenggara mencatat sebagian besar peserta adalah pelari pemula yang baru mengikuti lomba pertama mereka. Untuk menampung minat yang besar, sejumlah penyelenggara kini menambah kategori jarak pendek dan lomba lari keluarga.

Pengamat gaya hidup menilai tren lari berdampak positif bagi kesehatan masyarakat, asalkan dilakukan dengan benar. Ia mengingatkan agar semangat berlari tidak sekadar demi konten media sosial, melainkan menjadi kebiasaan sehat jangka panjang yang dijalankan secara bertahap.`,
		PhotoCaption: "Warga berlari di kawasan bebas kendaraan bermotor di Jalan Sudirman, Jakarta.",
		PhotoCredit:  "Dok. Warta/Sari",
	},
	{
		Title:    "Dokter Ingatkan Pelari Pemula Tak Memaksakan Diri Mengejar Jarak Jauh",
		Excerpt:  "Cedera lutut dan kelelahan jantung mengintai pelari pemula yang terburu-buru ikut maraton. Dokter olahraga menyarankan peningkatan jarak bertahap.",
		Category: "gaya-hidup",
		Tags:     []string{"Tren Lari", "Maraton", "Kesehatan"},
		Authors:  []string{"sari-handayani"},
		Story:    "tren-lari-maraton",
		HoursAgo: 620,
		Body: `Maraknya tren lari di kota-kota besar membuat banyak orang tergoda langsung mengikuti lomba jarak jauh. Dokter spesialis kedokteran olahraga mengingatkan pelari pemula agar tidak memaksakan diri mengejar jarak seperti setengah maraton atau maraton penuh tanpa persiapan yang memadai.

Dokter spesialis kedokteran olahraga, dr. Bagus Haryanto, mengatakan jumlah pasien cedera akibat lari di kliniknya meningkat tajam. Keluhan yang paling sering adalah nyeri lutut, radang tendon di tumit, dan cedera tulang kering. "Kebanyakan pasien baru mulai berlari beberapa bulan, lalu langsung ikut lomba 21 kilometer," ujarnya.

Menurut Bagus, tubuh membutuhkan waktu untuk beradaptasi. Otot, tendon, dan sendi harus dilatih secara bertahap agar mampu menahan beban berulang saat berlari. Ia menyarankan prinsip kenaikan jarak tidak lebih dari sepuluh persen per minggu, serta menyelipkan hari istirahat di antara hari latihan. Pelari pemula sebaiknya memulai dengan kombinasi jalan cepat dan lari ringan sebelum berlari tanpa henti.

Selain cedera otot dan sendi, risiko gangguan jantung juga perlu diwaspadai. Pelari berusia di atas 40 tahun, memiliki riwayat penyakit jantung dalam keluarga, atau jarang berolahraga sebelumnya dianjurkan menjalani pemeriksaan kesehatan sebelum mengikuti lomba jarak jauh.

Latihan ketahanan juga harus diimbangi latihan kekuatan. Bagus menyarankan pelari rutin melakukan latihan penguatan otot paha, pinggul, dan perut setidaknya dua kali seminggu. Otot yang kuat membantu menjaga postur tubuh dan mengurangi beban pada lutut.

Ia juga mengingatkan pentingnya asupan cairan dan pemilihan sepatu yang tepat. Pelari sebaiknya minum sebelum, selama, dan sesudah berlari, terutama di cuaca panas dan lembap. Sepatu lari perlu diganti setelah menempuh sekitar 600 hingga 800 kilometer karena bantalannya sudah aus.

"Lari itu olahraga seumur hidup. Tidak perlu terburu-buru. Lebih baik bertahan berlari sampai tua daripada cepat sampai garis finis lalu cedera berbulan-bulan," kata Bagus.`,
		PhotoCaption: "Pelari melakukan peregangan sebelum latihan di sebuah taman kota di Jakarta.",
		PhotoCredit:  "Dok. Warta/Sari",
	},
	{
		Title:    "Puluhan Ribu Pelari Ramaikan Maraton Jakarta, Jalan Protokol Ditutup Sementara",
		Excerpt:  "Sekitar 35.000 pelari dari 40 negara mengikuti Maraton Jakarta. Sejumlah ruas jalan protokol ditutup hingga siang dan rute Transjakarta dialihkan.",
		Category: "gaya-hidup",
		Tags:     []string{"Maraton", "Tren Lari", "Jakarta", "HOT"},
		Authors:  []string{"sari-handayani"},
		Story:    "tren-lari-maraton",
		HoursAgo: 10,
		Body: `Sekitar 35.000 pelari dari 40 negara meramaikan Maraton Jakarta yang digelar Minggu pagi. Peserta berlari melintasi jalan-jalan protokol ibu kota, mulai dari kawasan Monas, Jalan Sudirman, hingga Senayan, dalam kategori 5 kilometer, 10 kilometer, setengah maraton, dan maraton penuh.

Start kategori maraton penuh dilepas pukul 04.30 untuk menghindari cuaca panas. Ribuan warga berdiri di sepanjang rute untuk menyemangati para pelari. Sejumlah komunitas lari mendirikan titik sorak dengan musik, spanduk, dan buah-buahan bagi peserta yang melintas.

Gelar juara maraton penuh putra diraih pelari asal Kenya dengan catatan waktu 2 jam 14 menit. Pelari Indonesia, Yohanes Lamba, finis di posisi kelima dan menjadi pelari nasional tercepat. Di kategori putri, pelari Indonesia, Siti Nurjanah, meraih posisi ketiga dan mendapat sambutan meriah dari penonton di garis finis.

Penyelenggara mencatat sebagian besar peserta merupakan pelari amatir. Banyak di antara mereka baru pertama kali mengikuti lomba lari. "Target saya cuma finis tanpa cedera. Alhamdulillah tercapai," kata Rudi Hartanto (34), karyawan swasta yang mengikuti kategori 10 kilometer bersama teman-teman kantornya.

Tim medis menangani lebih dari 200 peserta, sebagian besar karena kram otot dan kelelahan. Penyelenggara menyiagakan ambulans dan pos kesehatan setiap dua kilometer. Dua peserta dirujuk ke rumah sakit untuk observasi dan dilaporkan dalam kondisi stabil.

Untuk mendukung acara, sejumlah ruas jalan protokol ditutup sejak pukul 03.00 hingga 11.00. Rute Transjakarta koridor 1 dialihkan, dan MRT menambah jadwal perjalanan sejak dini hari. Polisi mengimbau warga yang tidak berkepentingan menghindari kawasan tersebut selama penutupan berlangsung.

Pemerintah provinsi menilai maraton ini bukan hanya ajang olahraga, tetapi juga promosi pariwisata. Hotel-hotel di sekitar rute dilaporkan penuh, dan pelaku usaha kuliner merasakan lonjakan pembeli sepanjang akhir pekan.`,
		PhotoCaption: "Ribuan peserta Maraton Jakarta melintasi Jalan Sudirman pada Minggu pagi.",
		PhotoCredit:  "Dok. Warta/Sari",
	},

	// --- Singletons ----------------------------------------------------------------------
	{
		Title:    "Resep Sayur Asem Rendah Garam untuk Menjaga Tekanan Darah",
		Excerpt:  "Sayur asem tetap segar meski garamnya dikurangi. Ahli gizi berbagi resep dan trik bumbu agar masakan rumahan lebih ramah bagi penderita hipertensi.",
		Category: "gaya-hidup",
		Tags:     []string{"Resep", "Hipertensi", "Kesehatan"},
		Authors:  []string{"sari-handayani"},
		Story:    "resep-sayur-asem",
		HoursAgo: 940,
		Body: `Sayur asem adalah salah satu masakan rumahan yang paling digemari keluarga Indonesia. Rasanya yang segar, asam, dan sedikit manis cocok disantap dengan nasi hangat, ikan asin, dan sambal terasi. Namun, bagi penderita tekanan darah tinggi atau hipertensi, kandungan garam dalam masakan sehari-hari perlu diperhatikan.

Ahli gizi, Ratih Permatasari, menjelaskan bahwa sayur asem sebenarnya bisa tetap lezat meski garamnya dikurangi. Kuncinya ada pada bumbu dan bahan alami yang memberi rasa kuat. "Rasa asam dari asam jawa dan manis dari gula merah membuat lidah tidak terlalu mencari rasa asin," ujarnya.

Berikut bahan untuk empat porsi sayur asem rendah garam:
- 1 buah jagung manis, potong-potong;
- 1 ikat kacang panjang dan 100 gram labu siam;
- segenggam kacang tanah, daun melinjo, dan melinjo muda;
- 2 sendok makan asam jawa, 1 sendok makan gula merah, 2 lembar daun salam, dan lengkuas;
- bumbu halus: 5 bawang merah, 3 bawang putih, 3 cabai merah, dan 2 butir kemiri.

Cara membuatnya, rebus air bersama bumbu halus, daun salam, dan lengkuas hingga harum. Masukkan jagung dan kacang tanah terlebih dahulu karena butuh waktu lebih lama untuk matang. Setelah itu, tambahkan labu siam, melinjo, dan kacang panjang. Beri asam jawa dan gula merah, lalu masak hingga semua sayuran empuk.

Ratih menyarankan garam ditambahkan paling akhir dan cukup seujung sendok teh untuk satu panci. Penderita hipertensi dianjurkan mengonsumsi tidak lebih dari satu sendok teh garam per hari dari seluruh makanan. Hindari pula penyedap rasa instan dan ikan asin yang kadar natriumnya tinggi. Sebagai gantinya, sajikan sayur asem dengan tempe atau ikan bakar.

Selain rendah garam, sayur asem kaya serat, vitamin, dan kalium dari sayuran. Kalium membantu menyeimbangkan kadar natrium dalam tubuh sehingga baik untuk menjaga tekanan darah tetap stabil.

Menurut Ratih, mengurangi garam sebaiknya dilakukan bertahap agar lidah terbiasa. Dalam dua hingga tiga minggu, lidah akan beradaptasi dan masakan yang dulu terasa hambar justru menjadi pas.`,
		PhotoCaption: "Semangkuk sayur asem rendah garam dengan jagung, labu siam, dan kacang panjang.",
		PhotoCredit:  "Dok. Warta/Sari",
	},
	{
		Title:    "Wisata Desa di Lereng Merbabu Jadi Pilihan Libur Panjang Keluarga",
		Excerpt:  "Desa-desa wisata di lereng Gunung Merbabu ramai dikunjungi keluarga saat libur panjang. Pengunjung bisa memetik sayur, belajar membatik, dan menginap di rumah warga.",
		Category: "gaya-hidup",
		Tags:     []string{"Wisata Desa", "Libur Panjang"},
		Authors:  []string{"sari-handayani"},
		Story:    "wisata-desa-merbabu",
		HoursAgo: 70,
		Body: `Libur panjang akhir pekan ini dimanfaatkan banyak keluarga untuk berwisata ke desa. Salah satu tujuan yang ramai dikunjungi adalah desa-desa wisata di lereng Gunung Merbabu, Jawa Tengah, yang menawarkan udara sejuk, pemandangan pegunungan, dan pengalaman hidup ala warga desa.

Di sebuah desa wisata di Kabupaten Boyolali, rumah-rumah warga yang dijadikan penginapan atau *homestay* sudah penuh dipesan sejak dua pekan lalu. Pengelola desa wisata, Suparno, mengatakan jumlah pengunjung meningkat hampir tiga kali lipat dibandingkan akhir pekan biasa. "Sebagian besar rombongan keluarga dari Semarang, Solo, dan Yogyakarta," ujarnya.

Pengunjung bisa mengikuti berbagai kegiatan. Anak-anak diajak memetik sayur di kebun, memerah susu sapi, dan memberi makan kambing. Orang tua bisa belajar membatik dengan motif khas desa atau mengikuti kelas memasak makanan tradisional bersama ibu-ibu setempat.

Bagi pencinta alam, tersedia jalur trekking ringan menuju bukit dengan pemandangan Gunung Merapi dan Merbabu. Jalur ini cocok untuk keluarga dengan anak kecil karena tidak terlalu curam dan bisa ditempuh dalam satu jam. Pemandu lokal siap menemani dan bercerita tentang sejarah desa.

Rina Kartika (38), pengunjung asal Semarang, mengaku sengaja memilih wisata desa agar anak-anaknya lepas dari gawai. "Di sini mereka main lumpur, lihat sapi, petik tomat. Pulang-pulang ceritanya banyak sekali, bukan soal gim," katanya sambil tertawa.

Wisata desa juga memberi manfaat ekonomi bagi warga. Pendapatan dari penginapan, paket kegiatan, dan penjualan hasil kebun dikelola bersama melalui badan usaha milik desa. Sebagian keuntungan digunakan untuk memperbaiki jalan desa dan membiayai kegiatan pemuda.

Pengelola mengimbau calon pengunjung memesan penginapan dan paket kegiatan jauh hari. Pengunjung juga diminta menjaga kebersihan, menghormati adat setempat, dan membawa jaket tebal karena suhu udara pada malam hari bisa turun hingga 15 derajat Celsius.`,
		PhotoCaption: "Anak-anak memetik sayur di kebun warga di sebuah desa wisata di lereng Gunung Merbabu.",
		PhotoCredit:  "Dok. Warta/Sari",
	},
}
