package demo

var articlesNasional = []SeedArticle{
	// --- Cluster: banjir Semarang ---------------------------------------
	{
		Title:    "Banjir Rendam Belasan Kelurahan di Semarang, Ribuan Warga Mengungsi",
		Excerpt:  "Hujan deras sejak dini hari membuat dua sungai di Semarang meluap. Lebih dari 3.000 warga dari 14 kelurahan terpaksa mengungsi ke masjid dan balai warga.",
		Category: "nasional",
		Tags:     []string{"Banjir", "Semarang", "Cuaca Ekstrem", "HOT"},
		Authors:  []string{"rina-wulandari"},
		Story:    "banjir-semarang",
		HoursAgo: 140,
		Featured: true,
		Body: `Hujan deras yang mengguyur Kota Semarang sejak Selasa dini hari membuat Kali Babon dan Kali Tenggang meluap. Hingga siang hari, air merendam permukiman di 14 kelurahan dengan ketinggian antara 50 sentimeter hingga 1,2 meter. Badan Penanggulangan Bencana Daerah (BPBD) Kota Semarang mencatat lebih dari 3.000 warga mengungsi ke masjid, sekolah, dan balai warga terdekat.

Kepala BPBD Kota Semarang, Hartono Wibisono, menyampaikan bahwa curah hujan dalam enam jam terakhir tercatat di atas 150 milimeter. Menurut dia, intensitas setinggi itu jauh melampaui kapasitas saluran drainase kota. "Kami sudah mengerahkan perahu karet dan tim gabungan untuk mengevakuasi warga lanjut usia, anak-anak, dan ibu hamil lebih dulu," ujarnya.

Di Kelurahan Kaligawe, sebagian warga memilih bertahan di lantai dua rumah mereka untuk menjaga barang berharga. Sutarmi (54), salah seorang warga, mengaku air masuk ke rumah hanya dalam hitungan menit. "Kulkas dan kasur tidak sempat diselamatkan. Airnya naik cepat sekali," katanya sambil menggendong cucunya di atas perahu evakuasi.

## Jalur pantura tersendat

Genangan juga melumpuhkan jalur pantura di ruas Kaligawe. Kendaraan dari arah Demak dialihkan ke jalan tol, sementara sejumlah truk logistik memilih berhenti di bahu jalan menunggu air surut. Perjalanan kereta api dari Stasiun Tawang dilaporkan terlambat hingga dua jam karena rel di beberapa titik ikut tergenang.

Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperingatkan cuaca ekstrem masih berpotensi terjadi hingga akhir pekan. Pemerintah kota meminta warga di bantaran sungai tetap waspada, menyimpan dokumen penting di tempat tinggi, dan segera menuju titik pengungsian apabila sirene peringatan berbunyi. Posko pengaduan banjir dibuka 24 jam di kantor BPBD.

Hingga berita ini diturunkan, belum ada laporan korban jiwa. Namun, dua warga lanjut usia dilarikan ke puskesmas karena kelelahan dan kedinginan saat menunggu evakuasi. Dapur umum mulai didirikan di tiga lokasi pengungsian untuk menyediakan makanan siap saji bagi warga yang rumahnya terendam.`,
		PhotoCaption: "Warga Kaligawe dievakuasi menggunakan perahu karet saat banjir merendam permukiman di Semarang.",
		PhotoCredit:  "Dok. Warta/Rina",
	},
	{
		Title:    "Pompa Air Kewalahan, Genangan di Kawasan Kaligawe Belum Juga Surut",
		Excerpt:  "Dua hari setelah banjir, genangan di Kaligawe masih setinggi lutut. Pemkot Semarang menambah pompa portabel, tetapi warga mengeluhkan lambatnya penanganan.",
		Category: "nasional",
		Tags:     []string{"Banjir", "Semarang", "Pompa Air"},
		Authors:  []string{"rina-wulandari"},
		Story:    "banjir-semarang",
		HoursAgo: 95,
		Body: `Dua hari setelah banjir besar melanda, genangan di kawasan Kaligawe, Semarang, belum juga surut. Air setinggi lutut orang dewasa masih menutup jalan kampung dan halaman rumah warga. Sejumlah warga yang sempat pulang untuk mengecek rumah terpaksa kembali ke tempat pengungsian karena listrik belum menyala.

Kepala Dinas Pekerjaan Umum Kota Semarang, Ratna Kusumawati, mengakui rumah pompa di kawasan itu bekerja jauh di atas kapasitas. Dua dari lima pompa utama sempat mati karena gardu listrik ikut terendam. "Kami mendatangkan delapan pompa portabel tambahan dari provinsi. Targetnya, genangan di jalan utama surut dalam 48 jam," katanya dalam konferensi pers di balai kota.

Menurut Ratna, penanganan banjir di Semarang bagian timur memang tidak sederhana. Penurunan muka tanah yang mencapai beberapa sentimeter per tahun membuat sebagian permukiman kini berada lebih rendah daripada permukaan laut. Saat hujan deras bertemu pasang air laut atau rob, air dari sungai tidak bisa mengalir ke laut tanpa bantuan pompa.

Warga menilai pemerintah kota terlambat bergerak. Ketua RT setempat, Mulyono, mengatakan pompa baru tiba sehari setelah air masuk ke rumah. "Setiap tahun ceritanya sama. Kami butuh kepastian kapan tanggul dan pompa diperbaiki, bukan hanya bantuan mi instan," ujarnya.

Pengamat tata kota dari salah satu universitas negeri di Semarang, Adi Saputra, menilai kebijakan jangka panjang harus menyentuh pengendalian penggunaan air tanah. Tanpa itu, kata dia, penambahan pompa hanya menjadi solusi sementara. Pemkot berjanji mengevaluasi seluruh rumah pompa setelah masa tanggap darurat berakhir pekan depan.

Sambil menunggu air surut, warga Kaligawe bertahan dengan cara mereka sendiri. Sebagian membuat rakit dari drum plastik untuk mengangkut air bersih dan makanan, sebagian lagi menumpang di rumah kerabat yang lebih tinggi. Anak-anak sekolah di kawasan itu diizinkan belajar dari rumah hingga genangan benar-benar hilang dan ruang kelas selesai dibersihkan.`,
		PhotoCaption: "Petugas memasang pompa portabel untuk menyedot genangan di Jalan Kaligawe, Semarang.",
		PhotoCredit:  "Dok. Warta/Rina",
	},
	{
		Title:    "Pengungsi Banjir Semarang Mulai Terserang Penyakit Kulit dan Diare",
		Excerpt:  "Posko kesehatan di lokasi pengungsian banjir Semarang mencatat ratusan keluhan gatal-gatal, diare, dan ISPA. Dinkes menambah tenaga medis dan pasokan air bersih.",
		Category: "nasional",
		Tags:     []string{"Banjir", "Semarang", "Pengungsian", "Kesehatan"},
		Authors:  []string{"rina-wulandari"},
		Story:    "banjir-semarang",
		HoursAgo: 9,
		Body: `Keluhan kesehatan mulai bermunculan di sejumlah lokasi pengungsian banjir di Kota Semarang. Posko kesehatan gabungan mencatat lebih dari 400 pengungsi memeriksakan diri dalam dua hari terakhir, sebagian besar karena gatal-gatal, diare, dan infeksi saluran pernapasan atas (ISPA).

Kepala Dinas Kesehatan Kota Semarang, dr. Lestari Ningsih, menyampaikan bahwa penyakit kulit paling banyak dialami warga yang berhari-hari beraktivitas di genangan. "Air banjir bercampur limbah dan sampah. Kami minta warga segera membilas tubuh dengan air bersih setelah terendam," katanya saat meninjau pengungsian di sebuah sekolah dasar di Genuk.

Dinas Kesehatan menambah 30 tenaga medis dan menyiagakan dua ambulans di titik pengungsian terbesar. Selain obat-obatan, petugas membagikan sabun, salep kulit, dan oralit. Anak balita serta warga lanjut usia menjadi prioritas pemeriksaan karena lebih rentan mengalami dehidrasi.

Persoalan lain adalah air bersih. Di masjid yang menampung sekitar 250 pengungsi, antrean untuk mandi dan mencuci mengular sejak subuh. Siti Aminah (37) mengaku khawatir anaknya yang masih berusia dua tahun ikut sakit. "Toiletnya cuma empat, airnya terbatas. Anak saya sudah mulai batuk," tuturnya.

Untuk mengatasi hal itu, pemerintah kota mengirim enam truk tangki air bersih setiap hari dan memasang toilet portabel. Palang Merah Indonesia juga membuka dapur umum yang menyediakan 3.000 porsi makanan per hari. Petugas mengingatkan pengungsi agar tidak mengonsumsi makanan yang sudah basi dan selalu mencuci tangan sebelum makan.

Dinas Kesehatan juga mewaspadai penyakit leptospirosis yang kerap muncul setelah banjir. Penyakit yang ditularkan melalui air yang tercemar kencing tikus itu bisa berakibat fatal jika terlambat ditangani. Warga yang mengalami demam tinggi, nyeri otot betis, dan mata kemerahan setelah terendam banjir diminta segera memeriksakan diri ke posko kesehatan atau puskesmas terdekat. Petugas juga membagikan sepatu bot kepada relawan yang membersihkan rumah warga.`,
		PhotoCaption: "Petugas kesehatan memeriksa anak-anak pengungsi banjir di posko pengungsian Genuk, Semarang.",
		PhotoCredit:  "Humas Dinkes Semarang",
	},
	{
		Title:    "Air Mulai Surut, Warga Semarang Bersihkan Rumah dari Lumpur",
		Excerpt:  "Genangan di sebagian besar kelurahan di Semarang telah surut. Warga kembali ke rumah dan bergotong royong membersihkan lumpur, sementara bantuan pemulihan mulai disalurkan.",
		Category: "nasional",
		Tags:     []string{"Banjir", "Semarang", "Pemulihan"},
		Authors:  []string{"rina-wulandari"},
		Story:    "banjir-semarang",
		HoursAgo: 3,
		Body: `Setelah hampir sepekan terendam, air di sebagian besar kelurahan terdampak banjir di Kota Semarang mulai surut. Sejak pagi, warga kembali ke rumah masing-masing dan bergotong royong membersihkan lumpur yang menebal di lantai, dapur, dan halaman.

Di Kelurahan Trimulyo, lapisan lumpur setebal hingga 15 sentimeter menutupi lantai rumah. Warga menyemprotkan air dari mobil pemadam kebakaran dan menyapu lumpur ke saluran. Perabot yang rusak, mulai dari kasur hingga lemari kayu, ditumpuk di pinggir jalan untuk diangkut truk sampah milik pemerintah kota. Relawan dari kampus dan organisasi kepemudaan ikut turun membantu, terutama di rumah warga lanjut usia yang tinggal sendirian.

"Yang penting sekarang rumah bisa ditempati lagi. Soal barang yang rusak, nanti pelan-pelan kami ganti," kata Darmaji (61), yang rumahnya terendam hampir satu meter. Ia bersyukur seluruh anggota keluarganya selamat dan hanya sempat mengungsi empat malam. Meski begitu, ia harus mengganti kasur, kompor, dan mesin jahit yang selama ini menjadi sumber penghasilan tambahan keluarganya.

Pemerintah Kota Semarang menyiapkan sejumlah langkah pemulihan. Di antaranya:

- bantuan perbaikan rumah bagi keluarga yang rumahnya rusak berat;
- pembebasan retribusi pasar selama satu bulan bagi pedagang terdampak;
- pemeriksaan kesehatan keliling di kelurahan yang paling lama tergenang;
- penggantian buku dan seragam sekolah bagi pelajar korban banjir.

BPBD Kota Semarang menyebutkan status tanggap darurat akan diperpanjang tiga hari untuk memastikan seluruh pengungsi kembali ke rumah dengan aman. Petugas juga masih memantau dua kelurahan di dekat pantai yang genangannya belum sepenuhnya surut karena pengaruh rob.

Meski begitu, kekhawatiran warga belum hilang. BMKG memperkirakan puncak musim hujan baru akan terjadi bulan depan. Warga berharap perbaikan tanggul dan rumah pompa segera dikerjakan agar banjir serupa tidak terulang.`,
		PhotoCaption: "Warga Trimulyo bergotong royong membersihkan lumpur sisa banjir dari dalam rumah.",
		PhotoCredit:  "Dok. Warta/Rina",
	},

	// --- Cluster: erupsi Semeru -------------------------------------------
	{
		Title:    "Aktivitas Gunung Semeru Meningkat, Status Dinaikkan Menjadi Siaga",
		Excerpt:  "PVMBG menaikkan status Gunung Semeru dari Waspada menjadi Siaga setelah gempa guguran dan hembusan meningkat tajam. Warga diminta menjauhi aliran Besuk Kobokan.",
		Category: "nasional",
		Tags:     []string{"Gunung Semeru", "Erupsi", "Lumajang"},
		Authors:  []string{"rina-wulandari"},
		Story:    "erupsi-semeru",
		HoursAgo: 300,
		Body: `Pusat Vulkanologi dan Mitigasi Bencana Geologi (PVMBG) menaikkan status Gunung Semeru di Jawa Timur dari Level II (Waspada) menjadi Level III (Siaga) pada Kamis sore. Keputusan itu diambil setelah pos pengamatan mencatat lonjakan gempa guguran dan gempa hembusan dalam tiga hari terakhir.

Dalam 24 jam terakhir, petugas mencatat lebih dari 60 kali gempa guguran dan 40 kali gempa hembusan. Kolom abu teramati setinggi 800 meter di atas puncak dan condong ke arah barat daya. Menurut PVMBG, data pemantauan deformasi juga menunjukkan adanya penggembungan tubuh gunung.

Dengan status baru tersebut, masyarakat dilarang beraktivitas dalam radius lima kilometer dari kawah puncak. Di sepanjang aliran Besuk Kobokan, larangan diperluas hingga 13 kilometer dari puncak karena jalur itu berpotensi dilalui awan panas guguran dan lahar.

Kepala Pelaksana BPBD Kabupaten Lumajang, Agus Santoso, mengatakan pihaknya telah menyiapkan 12 titik pengungsian di Kecamatan Candipuro dan Pronojiwo. "Warga di zona merah kami minta bersiap. Tas siaga berisi dokumen, obat, dan pakaian sebaiknya sudah disiapkan," ujarnya.

Aktivitas penambangan pasir di sepanjang sungai yang berhulu di Semeru juga dihentikan sementara. Sejumlah penambang mengaku keberatan karena kehilangan penghasilan harian, tetapi aparat desa menegaskan keselamatan harus didahulukan. Jalur pendakian ke puncak Semeru sudah ditutup sejak status Waspada ditetapkan. Pengelola taman nasional juga menutup kawasan wisata Ranu Kumbolo untuk sementara waktu dan meminta pendaki yang terlanjur berada di jalur segera turun.

PVMBG meminta masyarakat mengikuti informasi resmi dan tidak terpancing kabar bohong di media sosial. Evaluasi status akan dilakukan secara berkala sesuai perkembangan data pemantauan. Warga yang membutuhkan informasi dapat menghubungi pos pengamatan gunung api atau posko BPBD di tingkat kecamatan yang beroperasi selama 24 jam.`,
		PhotoCaption: "Kolom abu membubung dari puncak Gunung Semeru terlihat dari Kecamatan Pronojiwo, Lumajang.",
		PhotoCredit:  "Dok. Warta/Rina",
	},
	{
		Title:    "Semeru Luncurkan Awan Panas Guguran Sejauh Lima Kilometer",
		Excerpt:  "Awan panas guguran meluncur dari puncak Semeru ke arah Besuk Kobokan. Ratusan warga Candipuro dan Pronojiwo dievakuasi, dan jembatan penghubung ditutup sementara.",
		Category: "nasional",
		Tags:     []string{"Gunung Semeru", "Erupsi", "Lumajang", "Awan Panas"},
		Authors:  []string{"rina-wulandari"},
		Story:    "erupsi-semeru",
		HoursAgo: 250,
		Body: `Gunung Semeru meluncurkan awan panas guguran sejauh sekitar lima kilometer ke arah Besuk Kobokan pada Sabtu pagi. Suara gemuruh terdengar hingga permukiman di Kecamatan Candipuro, Kabupaten Lumajang, disusul hujan abu tipis yang menutupi atap rumah dan dedaunan.

Petugas pos pengamatan Gunung Sawur mencatat awan panas berlangsung hampir 20 menit. Amplitudo seismik maksimum mencapai 35 milimeter. PVMBG memastikan status Semeru tetap di Level III (Siaga), tetapi mengingatkan potensi awan panas susulan masih tinggi.

Begitu awan panas teramati, sirene peringatan dini dibunyikan di desa-desa sepanjang aliran sungai. Ratusan warga bergegas menuju titik kumpul dengan sepeda motor dan mobil bak terbuka. "Begitu dengar sirene, kami langsung lari. Sudah hafal jalurnya karena sering latihan," kata Wagiman (45), warga Desa Supiturang.

Jembatan penghubung di jalur Lumajang-Malang ditutup sementara karena dikhawatirkan tergerus lahar jika hujan turun di puncak. Pengendara dialihkan melalui jalur alternatif yang memakan waktu perjalanan hingga dua jam lebih lama.

Dinas Kesehatan Lumajang membagikan ribuan masker kepada warga dan pengguna jalan. Abu vulkanik berukuran halus dapat memicu iritasi mata dan gangguan pernapasan, terutama pada anak-anak dan penderita asma. Sekolah di dua kecamatan terdekat meliburkan kegiatan belajar mengajar selama tiga hari.

Hingga sore hari tidak ada laporan korban jiwa. Namun, tiga rumah di tepi sungai dilaporkan rusak tertimpa material, dan beberapa hektare kebun salak di lereng bawah tertutup abu tebal. Tim gabungan TNI, Polri, dan relawan menyisir dusun-dusun di zona merah untuk memastikan tidak ada warga yang tertinggal. Petani yang hendak menengok ternak diminta menunggu izin petugas.

PVMBG mengingatkan bahwa ancaman Semeru tidak hanya berasal dari awan panas. Material vulkanik yang menumpuk di hulu sungai dapat berubah menjadi lahar ketika hujan deras turun di puncak. Karena itu, warga dan penambang pasir diminta tidak beraktivitas di aliran sungai meskipun cuaca di kaki gunung tampak cerah.`,
		PhotoCaption: "Awan panas guguran Gunung Semeru meluncur ke arah Besuk Kobokan, Lumajang.",
		PhotoCredit:  "Humas PVMBG",
	},
	{
		Title:    "Ribuan Warga Lumajang Bertahan di Pengungsian Pascaerupsi Semeru",
		Excerpt:  "Hampir sepekan setelah awan panas guguran, lebih dari 2.400 warga masih tinggal di tenda dan balai desa. Mereka mulai memikirkan ternak dan lahan yang tertutup abu.",
		Category: "nasional",
		Tags:     []string{"Gunung Semeru", "Erupsi", "Lumajang", "Hunian Sementara"},
		Authors:  []string{"rina-wulandari"},
		Story:    "erupsi-semeru",
		HoursAgo: 110,
		Body: `Lebih dari 2.400 warga Kabupaten Lumajang masih bertahan di pengungsian hampir sepekan setelah Gunung Semeru meluncurkan awan panas guguran. Mereka menempati tenda darurat, balai desa, dan gedung sekolah di Kecamatan Candipuro dan Pronojiwo.

Kehidupan di pengungsian berjalan dengan ritme baru. Pagi hari, ibu-ibu membantu di dapur umum, sementara anak-anak mengikuti kegiatan belajar yang diselenggarakan relawan di bawah tenda. Pada malam hari, sebagian pria bergantian berjaga di pos ronda dekat batas zona merah. Mereka khawatir rumah yang ditinggalkan menjadi sasaran pencurian, meskipun aparat keamanan rutin berpatroli.

Persoalan terbesar adalah ternak. Banyak warga meninggalkan sapi dan kambing di kandang karena tidak sempat membawanya. "Tiap hari saya minta izin petugas untuk memberi makan sapi. Kalau dijual sekarang harganya jatuh," kata Sumarno (52), peternak asal Desa Sumberwuluh.

Pemerintah kabupaten menyiapkan kandang komunal di luar zona bahaya agar warga bisa memindahkan ternaknya. Dinas Pertanian juga mendata lahan pertanian yang tertutup abu. Tanaman cabai, sayuran, dan jagung yang siap panen dilaporkan rusak di sejumlah desa. Petani berharap pemerintah menyediakan bibit dan pupuk gratis agar mereka bisa segera menanam kembali setelah abu dibersihkan.

> "Kami tidak akan memulangkan warga sebelum ada rekomendasi resmi dari PVMBG. Keselamatan nomor satu," kata Bupati Lumajang dalam kunjungannya ke pengungsian.

Pemerintah pusat mengirim bantuan logistik berupa beras, selimut, dan perlengkapan bayi. Kementerian Sosial juga menyalurkan dana jaminan hidup bagi keluarga yang kehilangan mata pencarian. Relawan psikososial mendampingi anak-anak dan lansia yang masih trauma mendengar gemuruh dari arah gunung.

Sebagian warga berharap bisa segera pulang. Namun, petugas mengingatkan bahwa material vulkanik yang menumpuk di puncak masih bisa turun sebagai lahar saat musim hujan tiba.`,
		PhotoCaption: "Pengungsi erupsi Semeru beristirahat di tenda darurat di Kecamatan Candipuro, Lumajang.",
		PhotoCredit:  "Dok. Warta/Rina",
	},
	{
		Title:    "Status Gunung Semeru Dinaikkan ke Level Awas, Radius Bahaya Diperluas",
		Excerpt:  "PVMBG menaikkan status Semeru ke Level IV (Awas) setelah awan panas kembali meluncur. Zona bahaya diperluas hingga 17 kilometer di sektor tenggara.",
		Category: "nasional",
		Tags:     []string{"Gunung Semeru", "Erupsi", "Lumajang", "HOT"},
		Authors:  []string{"rina-wulandari"},
		Story:    "erupsi-semeru",
		HoursAgo: 0.4,
		Breaking: true,
		Body: `Pusat Vulkanologi dan Mitigasi Bencana Geologi (PVMBG) menaikkan status Gunung Semeru dari Level III (Siaga) menjadi Level IV (Awas) pada malam ini. Keputusan itu diumumkan setelah awan panas guguran kembali meluncur sejauh tujuh kilometer dan gempa letusan tercatat beruntun dalam satu jam terakhir.

Dengan status Awas, masyarakat dilarang beraktivitas dalam radius delapan kilometer dari puncak. Di sektor tenggara sepanjang Besuk Kobokan, zona bahaya diperluas hingga 17 kilometer. Artinya, sejumlah dusun yang sebelumnya berada di luar zona merah kini wajib dikosongkan.

Kepala PVMBG menyampaikan bahwa data pemantauan menunjukkan suplai magma ke permukaan masih tinggi. "Potensi awan panas dengan jarak luncur lebih jauh tidak bisa diabaikan. Kami minta pemerintah daerah segera mengevakuasi warga di zona yang baru ditetapkan," katanya.

**Evakuasi sedang berlangsung.** BPBD Lumajang mengerahkan puluhan truk dan bus untuk memindahkan warga dari Desa Supiturang, Sumberwuluh, dan sekitarnya ke lokasi pengungsian di pusat kecamatan. Warga yang sebelumnya bertahan di rumah karena enggan meninggalkan ternak kini diminta segera turun.

Jalur Lumajang-Malang ditutup total hingga pemberitahuan lebih lanjut. Bandara di Malang dan Banyuwangi memantau sebaran abu vulkanik yang berpotensi mengganggu penerbangan. Otoritas bandara menyatakan akan menerbitkan peringatan bagi penerbang jika abu terdeteksi di jalur udara.

Relawan dan aparat desa mendatangi rumah warga satu per satu untuk memastikan tidak ada yang tertinggal, terutama lansia dan penyandang disabilitas. Lokasi pengungsian di Candipuro, yang sebelumnya menampung sekitar 2.400 orang, kini disiapkan untuk menerima tambahan ribuan pengungsi. Pemerintah kabupaten meminta bantuan tenda, selimut, dan air bersih dari provinsi.

Warga di luar zona bahaya diminta tetap tenang, menggunakan masker, dan tidak mendekati aliran sungai. Berita ini masih berkembang dan akan terus diperbarui.`,
		PhotoCaption: "Warga Desa Supiturang naik truk evakuasi setelah status Gunung Semeru dinaikkan menjadi Awas.",
		PhotoCredit:  "Dok. Warta/Rina",
	},

	// --- Cluster: zonasi sekolah --------------------------------------------
	{
		Title:    "Pemerintah Kaji Ulang Sistem Zonasi dalam Penerimaan Murid Baru",
		Excerpt:  "Kementerian Pendidikan mengevaluasi sistem zonasi setelah ribuan aduan masuk tiap tahun. Opsi yang dibahas mulai dari jalur domisili hingga kuota prestasi yang lebih besar.",
		Category: "nasional",
		Tags:     []string{"Zonasi", "Penerimaan Murid Baru", "Pendidikan"},
		Authors:  []string{"rina-wulandari"},
		Story:    "zonasi-sekolah",
		HoursAgo: 900,
		Body: `Kementerian Pendidikan Dasar dan Menengah tengah mengkaji ulang sistem zonasi dalam penerimaan murid baru di sekolah negeri. Evaluasi dilakukan setelah aduan dari orang tua terus berdatangan setiap tahun, mulai dari manipulasi kartu keluarga hingga sekolah favorit yang kelebihan pendaftar.

Direktur Jenderal yang membidangi pendidikan dasar dan menengah, Bambang Sutrisno, menyampaikan bahwa kajian melibatkan dinas pendidikan dari 38 provinsi. "Kami ingin tahu apa yang berjalan baik dan apa yang harus diperbaiki. Tujuan awal zonasi, yaitu pemerataan akses, tetap menjadi pegangan," ujarnya di Jakarta.

Menurut Bambang, salah satu persoalan utama adalah sebaran sekolah negeri yang tidak merata. Di sejumlah kecamatan, tidak ada satu pun SMA negeri sehingga anak-anak di wilayah itu kalah bersaing dalam jalur zonasi. Sebaliknya, di pusat kota, satu sekolah bisa menerima pendaftar hingga lima kali lipat daya tampungnya.

Beberapa opsi kebijakan yang dibahas antara lain mengganti istilah zonasi menjadi jalur domisili, memperbesar kuota jalur prestasi, dan menambah kuota afirmasi bagi keluarga tidak mampu. Pemerintah juga menimbang kewajiban bagi daerah untuk membangun sekolah baru di wilayah yang kekurangan sekolah negeri.

Pengamat pendidikan Retno Palupi menilai evaluasi ini penting, tetapi jangan sampai kebijakan berganti-ganti setiap tahun. "Sekolah dan orang tua butuh kepastian. Kalau aturannya berubah mendadak, yang paling dirugikan justru keluarga yang tidak punya akses informasi," katanya.

Kementerian menargetkan hasil kajian rampung dalam tiga pekan, sebelum petunjuk teknis penerimaan murid tahun ajaran baru diterbitkan. Uji publik rancangan aturan akan digelar di lima kota.

Di tingkat daerah, sejumlah dinas pendidikan mengaku sudah menyiapkan data sebaran sekolah dan jumlah lulusan per kecamatan. Data itu akan menjadi dasar untuk menentukan wilayah mana yang paling membutuhkan sekolah baru. Beberapa pemerintah provinsi bahkan mulai menjajaki kerja sama dengan sekolah swasta agar anak-anak yang tidak tertampung di sekolah negeri tetap bisa bersekolah tanpa biaya tinggi.`,
		PhotoCaption: "Orang tua murid mengantre di meja layanan pendaftaran sekolah negeri di Jakarta.",
		PhotoCredit:  "Dok. Warta/Rina",
	},
	{
		Title:    "Orang Tua Murid Keluhkan Kuota Jalur Domisili yang Dinilai Terlalu Sempit",
		Excerpt:  "Dalam uji publik aturan penerimaan murid baru, orang tua mengeluhkan kuota jalur domisili yang dianggap terlalu kecil dan rawan praktik titip kartu keluarga.",
		Category: "nasional",
		Tags:     []string{"Zonasi", "Penerimaan Murid Baru", "Pendidikan", "Jakarta"},
		Authors:  []string{"rina-wulandari"},
		Story:    "zonasi-sekolah",
		HoursAgo: 380,
		Body: `Uji publik rancangan aturan penerimaan murid baru yang digelar di Jakarta diwarnai keluhan para orang tua. Mereka menilai kuota jalur domisili dalam rancangan baru terlalu sempit, sementara praktik "titip" nama di kartu keluarga kerabat yang tinggal dekat sekolah masih marak.

Dalam rancangan yang dipaparkan, kuota jalur domisili untuk SMP negeri dipangkas dari 50 persen menjadi 40 persen. Sebagian kuota dialihkan ke jalur prestasi akademik dan nonakademik. Pemerintah beralasan perubahan itu memberi ruang bagi murid berprestasi yang tinggal jauh dari sekolah.

Namun, Yanti Rahayu, ibu dua anak dari Jakarta Timur, merasa kebijakan tersebut tidak berpihak pada keluarga biasa. "Anak saya nilainya rata-rata. Kalau kuota dekat rumah dikurangi, dia harus sekolah di swasta yang biayanya berat buat kami," ujarnya di sela acara.

Forum orang tua murid juga mempersoalkan pengawasan data domisili. Menurut mereka, banyak keluarga yang pindah alamat di kartu keluarga hanya beberapa bulan sebelum pendaftaran dibuka. Mereka meminta syarat minimal domisili diperpanjang menjadi dua tahun dan diverifikasi langsung oleh kelurahan. Selain itu, mereka mendesak agar daftar pendaftar beserta jarak rumahnya diumumkan terbuka sehingga masyarakat bisa ikut mengawasi.

Kepala Dinas Pendidikan DKI Jakarta menyampaikan bahwa masukan dari uji publik akan dicatat dan dibahas bersama kementerian. Ia juga menyebut pemerintah daerah sedang menyiapkan verifikasi faktual dengan mendatangi alamat pendaftar yang dicurigai.

Sejumlah kepala sekolah menyambut baik rencana penambahan jalur prestasi, tetapi meminta agar penilaian rapor distandarkan. Tanpa standar yang sama, nilai rapor antarsekolah sulit dibandingkan dan berpotensi memicu ketidakadilan baru. Mereka juga mengingatkan bahwa guru kerap mendapat tekanan dari orang tua untuk menaikkan nilai menjelang masa pendaftaran, sehingga pengawasan terhadap penilaian rapor perlu diperketat.`,
		PhotoCaption: "Suasana uji publik rancangan aturan penerimaan murid baru di Jakarta.",
		PhotoCredit:  "Dok. Warta/Rina",
	},
	{
		Title:    "Pemerintah Umumkan Aturan Baru Penerimaan Murid, Kuota Afirmasi Ditambah",
		Excerpt:  "Aturan baru penerimaan murid menetapkan jalur domisili minimal 45 persen dan kuota afirmasi 20 persen. Syarat domisili kini minimal satu tahun sebelum pendaftaran.",
		Category: "nasional",
		Tags:     []string{"Zonasi", "Penerimaan Murid Baru", "Pendidikan"},
		Authors:  []string{"rina-wulandari"},
		Story:    "zonasi-sekolah",
		HoursAgo: 40,
		Body: `Pemerintah resmi mengumumkan aturan baru penerimaan murid di sekolah negeri untuk tahun ajaran mendatang. Dalam aturan tersebut, jalur domisili yang menggantikan istilah zonasi ditetapkan minimal 45 persen dari daya tampung, sedangkan kuota afirmasi bagi keluarga tidak mampu dan penyandang disabilitas naik menjadi 20 persen.

Menteri Pendidikan Dasar dan Menengah menyampaikan bahwa aturan ini merupakan hasil kajian panjang dan masukan dari uji publik di berbagai kota. "Kami mendengar kekhawatiran orang tua. Karena itu kuota domisili tidak jadi dipangkas terlalu jauh, dan pengawasan datanya kami perketat," ujarnya.

Berikut poin penting aturan baru tersebut:

- jalur domisili minimal 45 persen, dengan syarat alamat di kartu keluarga paling singkat satu tahun;
- jalur afirmasi minimal 20 persen, termasuk bagi anak dari panti asuhan;
- jalur prestasi maksimal 30 persen, berdasarkan rapor dan lomba berjenjang;
- jalur mutasi orang tua maksimal 5 persen.

Pemerintah daerah diwajibkan membentuk tim verifikasi domisili yang melibatkan kelurahan. Pendaftar yang terbukti memalsukan alamat akan dicoret meskipun sudah dinyatakan diterima. Daerah yang kekurangan sekolah negeri juga diminta bekerja sama dengan sekolah swasta, dengan biaya murid ditanggung anggaran daerah. Kementerian akan memantau pelaksanaannya melalui kanal pengaduan daring yang bisa diakses orang tua selama masa pendaftaran.

Forum orang tua murid menyambut positif penambahan kuota afirmasi, tetapi menunggu bukti di lapangan. "Aturannya sudah lebih baik. Sekarang tinggal bagaimana daerah menjalankannya dengan jujur," kata koordinator forum, Hendra Gunawan.

Petunjuk teknis lengkap akan diterbitkan bulan depan. Jadwal pendaftaran di tiap daerah ditentukan oleh dinas pendidikan setempat dan diumumkan paling lambat sebulan sebelum pendaftaran dibuka. Orang tua diimbau memeriksa kembali data kartu keluarga dan dokumen pendukung sejak sekarang agar tidak terkendala saat mendaftar.`,
		PhotoCaption: "Menteri Pendidikan Dasar dan Menengah memaparkan aturan baru penerimaan murid di Jakarta.",
		PhotoCredit:  "Humas Kemendikdasmen",
	},

	// --- Singleton ---------------------------------------------------------------
	{
		Title:    "Tarif Integrasi Transjakarta, MRT, dan LRT Diuji Coba Mulai Senin",
		Excerpt:  "Penumpang cukup membayar maksimal Rp10.000 untuk perjalanan tiga moda dalam waktu tiga jam. Uji coba berlaku bagi pengguna kartu dan aplikasi yang terdaftar.",
		Category: "nasional",
		Tags:     []string{"Transportasi Publik", "Tarif Integrasi", "Jakarta"},
		Authors:  []string{"rina-wulandari"},
		Story:    "tarif-integrasi-jakarta",
		HoursAgo: 5,
		Body: `Pemerintah Provinsi DKI Jakarta akan menguji coba tarif integrasi untuk Transjakarta, MRT, dan LRT mulai Senin pekan depan. Dengan skema ini, penumpang cukup membayar maksimal Rp10.000 untuk perjalanan yang menggunakan ketiga moda tersebut dalam rentang waktu tiga jam.

Kepala Dinas Perhubungan DKI Jakarta, Wahyu Hidayat, menjelaskan bahwa tarif dihitung berdasarkan jarak dan moda yang digunakan, lalu dibatasi pada angka maksimal. Penumpang yang hanya menempuh jarak pendek tetap membayar sesuai tarif biasa. "Jadi tidak ada yang dirugikan. Yang perjalanannya jauh dan harus berganti moda justru paling diuntungkan," katanya.

Uji coba berlaku bagi pengguna kartu uang elektronik dan aplikasi yang sudah terdaftar dengan nomor induk kependudukan. Pendaftaran bisa dilakukan melalui aplikasi resmi atau di loket stasiun. Dinas Perhubungan menargetkan 500.000 pengguna terdaftar pada bulan pertama.

Pengguna transportasi umum menyambut rencana itu. Aulia Putri (28), karyawan swasta yang setiap hari bepergian dari Bekasi ke Sudirman, mengaku biaya perjalanannya bisa turun hampir sepertiga. "Selama ini saya naik LRT, lalu MRT, lalu Transjakarta. Kalau dibatasi Rp10.000, lumayan sekali," ujarnya.

Pengamat transportasi mengingatkan bahwa tarif murah saja tidak cukup. Jarak antarhalte dan stasiun yang masih jauh, serta jembatan penghubung yang belum nyaman, membuat banyak warga tetap memilih kendaraan pribadi. Pemprov menyatakan tengah menata ulang titik perpindahan di enam lokasi utama, termasuk membangun jalur pejalan kaki beratap dan menambah fasilitas parkir sepeda di dekat stasiun.

Selama uji coba tiga bulan, pemerintah akan mengevaluasi dampak kebijakan ini terhadap jumlah penumpang dan subsidi. Jika berhasil, tarif integrasi akan diperluas ke angkutan pengumpan dan KRL. Operator ketiga moda juga diminta menyamakan jam operasional agar penumpang yang pulang larut malam tidak terputus perjalanannya di tengah jalan.`,
		PhotoCaption: "Penumpang berpindah dari stasiun MRT ke halte Transjakarta di kawasan Dukuh Atas, Jakarta.",
		PhotoCredit:  "Dok. Warta/Rina",
	},
}
