package demo

var articlesEkonomi = []SeedArticle{
	// --- Cluster: harga beras -------------------------------------------------------
	{
		Title:    "Harga Beras Medium Tembus Rp15.000 per Kilogram di Sejumlah Pasar",
		Excerpt:  "Harga beras medium di sejumlah pasar tradisional menembus Rp15.000 per kilogram, jauh di atas harga eceran tertinggi. Pedagang menyebut pasokan dari penggilingan seret.",
		Category: "ekonomi",
		Tags:     []string{"Harga Beras", "Inflasi Pangan", "Bulog"},
		Authors:  []string{"dewi-anggraini"},
		Story:    "harga-beras",
		HoursAgo: 600,
		Body: `Harga beras medium di sejumlah pasar tradisional menembus Rp15.000 per kilogram dalam sepekan terakhir. Angka itu jauh di atas harga eceran tertinggi (HET) yang ditetapkan pemerintah. Kenaikan terjadi hampir merata, mulai dari pasar di Jakarta, Bandung, hingga Surabaya dan Makassar.

Di Pasar Induk Beras Cipinang, Jakarta Timur, pedagang menyebut pasokan dari penggilingan di Jawa Barat dan Jawa Tengah berkurang drastis. Truk yang biasanya datang setiap hari kini hanya tiba dua atau tiga kali seminggu. "Barang sedikit, yang cari banyak. Otomatis harga naik," kata Haji Rosadi, pedagang beras yang sudah berjualan lebih dari dua puluh tahun.

Kenaikan harga beras memicu kekhawatiran di kalangan ibu rumah tangga. Bagi keluarga berpenghasilan rendah, beras menyerap porsi terbesar dari pengeluaran makanan. Ratna Dewi (41), warga Kramat Jati, mengaku kini mencampur beras medium dengan beras yang lebih murah agar persediaan di rumah cukup hingga akhir bulan.

Badan Pusat Statistik (BPS) sebelumnya mencatat beras menjadi salah satu penyumbang utama inflasi bulan lalu. Ekonom pangan dari sebuah lembaga kajian, Dimas Pratama, menilai kenaikan harga dipicu oleh produksi yang turun akibat musim kemarau panjang, ditambah ongkos produksi petani yang terus meningkat karena harga pupuk nonsubsidi melonjak.

Menurut Dimas, pemerintah perlu segera melepas cadangan beras ke pasar agar harga tidak terus merangkak. "Kalau dibiarkan, kenaikan harga beras akan merembet ke komoditas lain dan menggerus daya beli masyarakat," ujarnya dalam diskusi daring yang digelar di Jakarta.

Perum Bulog menyatakan stok cadangan beras pemerintah masih mencukupi untuk beberapa bulan ke depan. Direktur utama Bulog menyampaikan pihaknya menunggu penugasan resmi untuk menggelar operasi pasar secara besar-besaran di daerah yang mengalami kenaikan harga paling tinggi.

Sementara itu, Kementerian Perdagangan berjanji memperketat pengawasan distribusi. Tim satuan tugas pangan akan memeriksa gudang-gudang besar untuk memastikan tidak ada pihak yang sengaja menahan pasokan demi meraup keuntungan di tengah kenaikan harga.`,
		PhotoCaption: "Pedagang menata karung beras di Pasar Induk Beras Cipinang, Jakarta Timur.",
		PhotoCredit:  "Dok. Warta/Dewi",
	},
	{
		Title:    "Bulog Gelontorkan Cadangan Beras untuk Operasi Pasar di 300 Titik",
		Excerpt:  "Bulog menyalurkan beras cadangan pemerintah melalui operasi pasar di 300 titik. Warga bisa membeli beras medium Rp11.500 per kilogram dengan batas lima kilogram per orang.",
		Category: "ekonomi",
		Tags:     []string{"Harga Beras", "Bulog", "Operasi Pasar", "Ketahanan Pangan"},
		Authors:  []string{"dewi-anggraini"},
		Story:    "harga-beras",
		HoursAgo: 520,
		Body: `Perum Bulog mulai menggelontorkan cadangan beras pemerintah melalui operasi pasar di 300 titik di seluruh Indonesia. Langkah ini diambil untuk meredam kenaikan harga beras yang dalam beberapa pekan terakhir menembus Rp15.000 per kilogram di sejumlah pasar tradisional.

Dalam operasi pasar tersebut, masyarakat bisa membeli beras medium seharga Rp11.500 per kilogram. Setiap orang dibatasi maksimal membeli lima kilogram dengan menunjukkan kartu tanda penduduk. Pembatasan itu dimaksudkan agar beras murah tidak diborong pihak tertentu untuk dijual kembali dengan harga lebih tinggi.

Di halaman kantor kelurahan di Jakarta Utara, antrean warga sudah terbentuk sejak pukul 06.00. Sebagian besar adalah ibu rumah tangga yang membawa tas belanja dan fotokopi KTP. "Selisihnya lumayan, bisa untuk beli lauk," kata Sumiati (49), yang mengantre hampir dua jam untuk mendapatkan lima kilogram beras.

Direktur Utama Bulog menyampaikan bahwa stok cadangan beras pemerintah saat ini lebih dari 1,5 juta ton dan cukup untuk menjaga ketahanan pangan hingga panen raya berikutnya. Selain operasi pasar, Bulog juga menyalurkan beras ke pasar induk dan toko ritel modern agar pasokan di tingkat pedagang kembali normal.

Kepala Badan Pangan Nasional menambahkan, pemerintah menargetkan harga beras kembali mendekati harga eceran tertinggi dalam satu bulan. Pemerintah daerah diminta aktif melaporkan perkembangan harga harian sehingga lokasi operasi pasar bisa dipindahkan ke wilayah yang paling membutuhkan.

Meski begitu, sejumlah pedagang pasar mengeluhkan operasi pasar yang digelar terlalu dekat dengan lapak mereka. Mereka khawatir dagangan tidak laku karena pembeli beralih ke beras murah. Bulog menyatakan akan melibatkan pedagang pasar sebagai mitra penyalur agar mereka tetap mendapat keuntungan.

Pengamat menilai operasi pasar hanya efektif dalam jangka pendek. Tanpa perbaikan produksi dan tata niaga gabah, harga beras dikhawatirkan kembali naik begitu operasi pasar dihentikan.`,
		PhotoCaption: "Warga mengantre membeli beras murah dalam operasi pasar Bulog di Jakarta Utara.",
		PhotoCredit:  "Humas Bulog",
	},
	{
		Title:    "Pedagang Khawatir Pasokan Gabah Menipis Menjelang Akhir Musim Kemarau",
		Excerpt:  "Penggilingan padi di sentra produksi kesulitan mendapatkan gabah. Pedagang khawatir harga beras kembali naik sebelum panen raya tiba awal tahun depan.",
		Category: "ekonomi",
		Tags:     []string{"Harga Beras", "Gabah", "Ketahanan Pangan"},
		Authors:  []string{"dewi-anggraini"},
		Story:    "harga-beras",
		HoursAgo: 430,
		Body: `Pedagang dan pemilik penggilingan padi di sentra produksi beras mulai khawatir pasokan gabah terus menipis menjelang akhir musim kemarau. Di Kabupaten Karawang dan Indramayu, Jawa Barat, sejumlah penggilingan kecil bahkan berhenti beroperasi karena tidak mendapat gabah untuk digiling.

Warsito, pemilik penggilingan di Karawang, mengatakan harga gabah kering panen kini sudah di atas Rp7.500 per kilogram. Meski harga setinggi itu, gabah tetap sulit didapat karena banyak petani belum menanam akibat kekurangan air. "Mesin saya diam sudah dua minggu. Pekerja terpaksa saya liburkan," ujarnya.

Kondisi serupa terjadi di sejumlah daerah di Jawa Tengah dan Sulawesi Selatan. Musim kemarau yang lebih panjang dari biasanya membuat saluran irigasi kering. Petani yang mengandalkan sawah tadah hujan memilih menunda tanam hingga hujan benar-benar turun secara teratur.

Ketua asosiasi pedagang beras di Jawa Barat menyebut persaingan mendapatkan gabah kian ketat. Penggilingan besar yang memiliki modal kuat berani membeli dengan harga tinggi, sementara penggilingan kecil tersingkir. Akibatnya, pasokan beras ke pasar tradisional makin bergantung pada segelintir pemain besar.

Pedagang khawatir harga beras kembali naik setelah operasi pasar Bulog berakhir. Menurut mereka, beras murah dari operasi pasar memang menahan harga di tingkat konsumen, tetapi tidak menyelesaikan persoalan di hulu. "Kalau gabahnya tidak ada, beras mau datang dari mana?" kata seorang pedagang di Pasar Induk Beras Cipinang.

Kementerian Pertanian menyatakan tengah mempercepat program pompanisasi untuk mengairi sawah dari sungai dan sumur dalam. Pemerintah juga menyalurkan benih padi tahan kekeringan kepada petani di daerah rawan kemarau. Targetnya, luas tanam bisa dikejar begitu hujan mulai turun.

Pengamat pertanian mengingatkan bahwa ketahanan pangan tidak cukup dijaga dengan cadangan di gudang. Perbaikan irigasi, kepastian harga bagi petani, dan regenerasi petani muda harus menjadi bagian dari kebijakan jangka panjang.`,
		PhotoCaption: "Pekerja menjemur gabah di halaman penggilingan padi di Karawang, Jawa Barat.",
		PhotoCredit:  "Dok. Warta/Dewi",
	},
	{
		Title:    "Inflasi Pangan Melandai, Harga Beras Mulai Turun Seiring Panen Raya",
		Excerpt:  "BPS mencatat inflasi pangan melandai seiring panen raya di sentra produksi. Harga beras medium di pasar tradisional turun ke kisaran Rp13.000 per kilogram.",
		Category: "ekonomi",
		Tags:     []string{"Harga Beras", "Inflasi Pangan", "Panen Raya"},
		Authors:  []string{"dewi-anggraini"},
		Story:    "harga-beras",
		HoursAgo: 33,
		Body: `Harga beras di pasar tradisional mulai turun seiring datangnya panen raya di sejumlah sentra produksi. Badan Pusat Statistik (BPS) mencatat inflasi kelompok makanan bulan lalu melandai dibandingkan bulan sebelumnya, dengan beras tidak lagi menjadi penyumbang utama inflasi.

Di Pasar Induk Beras Cipinang, harga beras medium kini berada di kisaran Rp13.000 per kilogram, turun dari puncaknya yang sempat menembus Rp15.000. Pasokan harian ke pasar induk juga meningkat hampir dua kali lipat dibandingkan beberapa pekan lalu, ketika penggilingan di daerah kesulitan mendapatkan gabah.

Kepala BPS menyampaikan bahwa penurunan harga beras ikut menahan laju inflasi secara umum. Meski demikian, ia mengingatkan bahwa harga cabai dan bawang merah masih bergejolak karena faktor cuaca. "Kita perlu tetap waspada, terutama menjelang hari besar keagamaan ketika permintaan meningkat," katanya.

Bagi petani, turunnya harga beras di tingkat konsumen menimbulkan persoalan lain. Harga gabah kering panen di beberapa daerah anjlok di bawah harga pembelian pemerintah. Suparman, petani di Klaten, Jawa Tengah, mengeluhkan tengkulak yang menawar gabahnya jauh di bawah harga yang diharapkan.

Perum Bulog menyatakan siap menyerap gabah petani untuk mengisi kembali cadangan beras pemerintah yang berkurang akibat operasi pasar beberapa pekan terakhir. Bulog menargetkan penyerapan hingga satu juta ton setara beras selama musim panen ini. Petugas akan turun langsung ke sawah dan penggilingan mitra.

Ekonom menilai momentum panen raya harus dimanfaatkan untuk memperbaiki tata kelola pangan. Menurut mereka, gejolak harga beras yang berulang setiap tahun menunjukkan perlunya data produksi yang akurat, gudang penyimpanan yang memadai di daerah, serta rantai distribusi yang lebih pendek.

Kementerian Perdagangan memastikan pengawasan harga tetap berjalan. Pemerintah akan menghentikan operasi pasar secara bertahap di daerah yang harganya sudah stabil, sambil menjaga stok di wilayah timur Indonesia yang biaya distribusinya lebih tinggi.`,
		PhotoCaption: "Petani memanen padi di sawah di Klaten, Jawa Tengah.",
		PhotoCredit:  "Dok. Warta/Dewi",
	},

	// --- Cluster: harga BBM subsidi ---------------------------------------------------
	{
		Title:    "Pemerintah Isyaratkan Penyesuaian Harga Pertalite Mulai Bulan Depan",
		Excerpt:  "Menteri ESDM mengisyaratkan harga Pertalite akan disesuaikan karena beban subsidi energi membengkak. Pemerintah menyiapkan bantuan bagi kelompok rentan.",
		Category: "ekonomi",
		Tags:     []string{"BBM Subsidi", "Pertalite", "Subsidi Energi"},
		Authors:  []string{"dewi-anggraini"},
		Story:    "harga-bbm-subsidi",
		HoursAgo: 130,
		Body: `Pemerintah mengisyaratkan akan menyesuaikan harga bahan bakar minyak (BBM) bersubsidi jenis Pertalite mulai bulan depan. Menteri Energi dan Sumber Daya Mineral (ESDM) menyampaikan bahwa beban subsidi dan kompensasi energi tahun ini diperkirakan membengkak jauh melampaui pagu anggaran.

Menurut menteri, lonjakan beban subsidi dipicu oleh naiknya harga minyak mentah dunia dan melemahnya nilai tukar rupiah. Di sisi lain, konsumsi Pertalite terus meningkat seiring bertambahnya jumlah kendaraan bermotor. "Kalau tidak ada penyesuaian, ruang fiskal untuk pendidikan, kesehatan, dan infrastruktur akan tergerus," ujarnya di Gedung DPR.

Pemerintah juga menyoroti subsidi BBM yang dinilai belum tepat sasaran. Berdasarkan kajian Kementerian Keuangan, sebagian besar Pertalite justru dinikmati oleh kelompok masyarakat mampu yang memiliki kendaraan pribadi lebih dari satu. Karena itu, penyesuaian harga akan dibarengi pembatasan pembelian berdasarkan jenis kendaraan.

Meski belum menyebutkan besaran kenaikan, pemerintah memastikan akan menyiapkan bantalan sosial bagi kelompok rentan. Bantuan langsung tunai, subsidi upah, dan bantuan bagi pengemudi angkutan umum serta nelayan tengah dihitung bersama kementerian terkait.

Rencana tersebut langsung mendapat tanggapan beragam. Sejumlah anggota DPR meminta pemerintah menunda kebijakan itu hingga daya beli masyarakat pulih. Sebaliknya, sebagian ekonom menilai penyesuaian harga tidak bisa terus ditunda karena subsidi yang terlalu besar membebani anggaran negara dalam jangka panjang.

Ekonom energi Satria Wibowo menyarankan pemerintah mengomunikasikan kebijakan secara jelas dan jauh hari. Menurut dia, ketidakpastian justru memicu spekulasi, penimbunan, dan antrean panjang di SPBU. "Yang penting masyarakat tahu kapan, berapa, dan apa kompensasinya," katanya.

Pertamina menyatakan siap menjalankan keputusan pemerintah dan memastikan stok BBM di seluruh SPBU aman. Perusahaan juga mengimbau masyarakat tidak membeli BBM secara berlebihan karena pasokan dijamin tetap tersedia. Pertamina menambah armada mobil tangki cadangan untuk mengantisipasi lonjakan permintaan menjelang pengumuman resmi.`,
		PhotoCaption: "Petugas mengisi bahan bakar Pertalite ke sepeda motor di sebuah SPBU di Jakarta.",
		PhotoCredit:  "Dok. Warta/Dewi",
	},
	{
		Title:    "Antrean Mengular di SPBU Jelang Rencana Kenaikan Harga BBM Subsidi",
		Excerpt:  "Kabar kenaikan harga Pertalite memicu antrean panjang di sejumlah SPBU. Pertamina menambah pasokan dan meminta warga tidak membeli BBM berlebihan.",
		Category: "ekonomi",
		Tags:     []string{"BBM Subsidi", "Pertalite", "SPBU"},
		Authors:  []string{"dewi-anggraini"},
		Story:    "harga-bbm-subsidi",
		HoursAgo: 75,
		Body: `Antrean kendaraan mengular di sejumlah stasiun pengisian bahan bakar umum (SPBU) menyusul kabar rencana kenaikan harga BBM bersubsidi. Di beberapa SPBU di Jakarta, Bekasi, dan Tangerang, antrean sepeda motor dan mobil mengular hingga ke badan jalan dan memicu kemacetan pada malam hari.

Sebagian pengendara mengaku sengaja mengisi penuh tangki sebelum harga baru diberlakukan. "Lumayan kalau bisa hemat beberapa ribu. Tapi antrenya hampir satu jam," kata Agus Salim (35), pengemudi ojek daring yang mengantre di sebuah SPBU di Jalan Raya Bekasi.

Pertamina mencatat penjualan Pertalite di wilayah Jabodetabek naik sekitar 20 persen dibandingkan hari biasa. Untuk mengantisipasi kekosongan, perusahaan menambah frekuensi pengiriman dari terminal BBM dan memperpanjang jam operasional sejumlah SPBU menjadi 24 jam.

Area manajer komunikasi Pertamina, Fitri Handayani, menyampaikan bahwa stok BBM di seluruh terminal dalam kondisi aman. Ia meminta masyarakat tidak panik dan membeli BBM sesuai kebutuhan. "Pembelian berlebihan justru menyulitkan konsumen lain. Pasokan kami jamin tidak akan putus," ujarnya.

Polisi mengerahkan personel untuk mengatur lalu lintas di sekitar SPBU yang antreannya paling panjang. Petugas juga menindak pembeli yang mengisi BBM ke jeriken tanpa surat rekomendasi, karena praktik tersebut berpotensi menjadi penimbunan. Beberapa SPBU memasang spanduk larangan pembelian dengan jeriken.

Sementara itu, pemerintah belum mengumumkan tanggal dan besaran kenaikan harga. Kementerian ESDM menyatakan keputusan masih menunggu rapat terbatas dengan presiden. Ketidakpastian itu membuat sebagian pelaku usaha, seperti pengusaha angkutan barang, mulai menghitung ulang tarif yang akan dikenakan kepada pelanggan.

Pengamat kebijakan publik menilai antrean panjang merupakan dampak dari komunikasi yang belum jelas. Ia menyarankan pemerintah segera memberi kepastian agar spekulasi di masyarakat tidak berlarut-larut. Menurut dia, pengumuman yang jelas mengenai waktu, besaran, dan kompensasi akan membuat warga lebih tenang menghadapi perubahan harga.`,
		PhotoCaption: "Antrean sepeda motor mengular di sebuah SPBU di Bekasi jelang rencana kenaikan harga BBM.",
		PhotoCredit:  "Dok. Warta/Dewi",
	},
	{
		Title:    "Harga Pertalite Resmi Naik Menjadi Rp12.000 per Liter Mulai Besok",
		Excerpt:  "Pemerintah menaikkan harga Pertalite dari Rp10.000 menjadi Rp12.000 per liter mulai pukul 00.00. Bantuan langsung tunai disiapkan untuk 20 juta keluarga.",
		Category: "ekonomi",
		Tags:     []string{"BBM Subsidi", "Pertalite", "Subsidi Energi", "HOT"},
		Authors:  []string{"dewi-anggraini", "rina-wulandari"},
		Story:    "harga-bbm-subsidi",
		HoursAgo: 18,
		Featured: true,
		Body: `Pemerintah resmi menaikkan harga BBM bersubsidi jenis Pertalite dari Rp10.000 menjadi Rp12.000 per liter. Harga baru berlaku mulai pukul 00.00 waktu setempat besok di seluruh SPBU di Indonesia. Sementara itu, harga solar bersubsidi tidak berubah untuk menjaga biaya logistik dan angkutan barang.

Keputusan itu diumumkan Menteri ESDM bersama Menteri Keuangan dalam konferensi pers di Istana. Pemerintah menyebut kenaikan harga merupakan langkah terakhir setelah berbagai opsi dikaji. "Kami memahami ini keputusan yang berat. Namun, subsidi harus diarahkan kepada mereka yang benar-benar membutuhkan," kata Menteri Keuangan.

**Bantalan sosial.** Untuk meredam dampak kenaikan harga, pemerintah menyiapkan bantuan langsung tunai sebesar Rp150.000 per bulan selama enam bulan bagi 20 juta keluarga penerima manfaat. Selain itu, pemerintah daerah diwajibkan mengalokasikan dua persen dana transfer umum untuk subsidi angkutan umum, ojek, dan nelayan.

Pemerintah juga akan membatasi pembelian Pertalite bagi mobil dengan kapasitas mesin tertentu mulai tiga bulan mendatang. Pendaftaran kendaraan melalui aplikasi dan kode QR akan diwajibkan agar penyaluran subsidi lebih tepat sasaran.

Badan Pusat Statistik memperkirakan kenaikan harga Pertalite akan menambah inflasi sekitar 0,8 poin persentase dalam dua bulan ke depan. Bank Indonesia menyatakan akan mencermati dampak lanjutan terhadap harga barang dan jasa, terutama tarif angkutan dan harga pangan.

Reaksi masyarakat beragam. Sebagian warga menerima dengan berat hati, sementara kelompok buruh dan mahasiswa berencana menggelar aksi unjuk rasa di sejumlah kota. Organisasi pengusaha angkutan menyatakan akan menyesuaikan tarif, tetapi meminta pemerintah daerah segera menetapkan batas atas tarif angkutan umum.

Pertamina memastikan pasokan aman dan mengimbau masyarakat tidak antre berlebihan menjelang tengah malam. Petugas SPBU diminta menyesuaikan harga tepat waktu dan memasang papan informasi harga baru. Masyarakat yang menemukan SPBU menjual di atas harga resmi dapat melapor melalui layanan pengaduan konsumen Pertamina.`,
		PhotoCaption: "Petugas SPBU mengganti papan informasi harga Pertalite menjelang berlakunya harga baru.",
		PhotoCredit:  "Dok. Warta/Dewi",
	},
	{
		Title:    "Ojek Daring dan Nelayan Minta Kompensasi Setelah Kenaikan Harga BBM",
		Excerpt:  "Pengemudi ojek daring dan nelayan kecil menilai bantuan pemerintah belum cukup menutup kenaikan biaya bahan bakar. Mereka meminta tarif dan kuota solar disesuaikan.",
		Category: "ekonomi",
		Tags:     []string{"BBM Subsidi", "Ojek Daring", "Nelayan", "HOT"},
		Authors:  []string{"dewi-anggraini"},
		Story:    "harga-bbm-subsidi",
		HoursAgo: 2,
		Body: `Pada hari pertama berlakunya harga Pertalite Rp12.000 per liter, pengemudi ojek daring dan nelayan kecil mulai merasakan dampaknya. Mereka meminta pemerintah memberikan kompensasi yang lebih konkret karena kenaikan biaya bahan bakar langsung menggerus penghasilan harian.

Ratusan pengemudi ojek daring berkumpul di depan kantor Kementerian Perhubungan di Jakarta. Mereka menuntut penyesuaian tarif minimum dan penurunan potongan komisi aplikasi. "Bensin naik, tarif tidak naik, potongan aplikasi tetap 20 persen. Kami yang menanggung semuanya," kata koordinator aksi, Dedi Kurniawan.

Menurut perhitungan para pengemudi, kenaikan harga Pertalite menambah pengeluaran sekitar Rp15.000 hingga Rp20.000 per hari. Bagi pengemudi yang rata-rata membawa pulang Rp120.000 sehari, tambahan itu sangat terasa. Banyak yang mengaku harus bekerja lebih lama agar penghasilan tetap cukup untuk kebutuhan keluarga.

Kementerian Perhubungan menyatakan sedang mengkaji penyesuaian tarif ojek daring. Direktur jenderal yang membidangi angkutan darat menyampaikan bahwa kebijakan tarif harus mempertimbangkan kemampuan konsumen. Kajian ditargetkan selesai dalam dua pekan dengan melibatkan perusahaan aplikasi dan perwakilan pengemudi.

Di pesisir utara Jawa, nelayan kecil mengeluhkan hal serupa. Meski harga solar tidak naik, banyak perahu kecil menggunakan mesin berbahan bakar bensin. Darsono, nelayan di Indramayu, mengatakan biaya sekali melaut kini naik hampir seperlima. "Kalau hasil tangkapan sedikit, kami pulang rugi," ujarnya.

Himpunan nelayan meminta pemerintah menambah kuota BBM bersubsidi di stasiun pengisian khusus nelayan dan mempermudah pengurusan surat rekomendasi. Selama ini, banyak nelayan terpaksa membeli BBM eceran dengan harga lebih mahal karena stasiun khusus nelayan jauh dari kampung mereka.

Pemerintah menegaskan bantuan langsung tunai mulai dicairkan pekan depan melalui kantor pos dan bank milik negara. Pemerintah daerah juga diminta segera menyalurkan bantuan bagi nelayan dan pengemudi angkutan dari alokasi dana transfer umum.`,
		PhotoCaption: "Pengemudi ojek daring menggelar aksi di depan Kementerian Perhubungan, Jakarta.",
		PhotoCredit:  "Dok. Warta/Dewi",
	},

	// --- Singletons -------------------------------------------------------------------
	{
		Title:    "IHSG Ditutup Menguat Didorong Saham Perbankan dan Energi",
		Excerpt:  "Indeks Harga Saham Gabungan ditutup naik 1,2 persen. Investor asing mencatatkan pembelian bersih di saham bank besar dan emiten batu bara.",
		Category: "ekonomi",
		Tags:     []string{"IHSG", "Pasar Modal"},
		Authors:  []string{"dewi-anggraini"},
		Story:    "ihsg-menguat",
		HoursAgo: 800,
		Body: `Indeks Harga Saham Gabungan (IHSG) ditutup menguat 1,2 persen ke level 7.480 pada perdagangan Kamis. Penguatan indeks ditopang oleh saham-saham perbankan berkapitalisasi besar dan emiten sektor energi yang diburu investor sejak awal sesi perdagangan.

Data Bursa Efek Indonesia menunjukkan nilai transaksi mencapai Rp13,4 triliun dengan volume sekitar 19 miliar saham. Sebanyak 312 saham menguat, 224 saham melemah, dan 210 saham stagnan. Investor asing mencatatkan pembelian bersih sekitar Rp870 miliar di seluruh pasar.

Analis pasar modal dari sebuah perusahaan sekuritas, Yudha Pranata, menyampaikan bahwa sentimen positif datang dari rilis data inflasi yang lebih rendah dari perkiraan. Data tersebut memperkuat ekspektasi pasar bahwa bank sentral akan mempertahankan suku bunga acuan, bahkan berpeluang memangkasnya dalam beberapa bulan mendatang.

Saham perbankan menjadi motor penguatan. Saham bank-bank besar naik antara dua hingga empat persen setelah laporan keuangan kuartalan menunjukkan pertumbuhan laba yang solid dan rasio kredit bermasalah yang terjaga. Investor juga menilai valuasi saham bank masih menarik dibandingkan bank di negara tetangga.

Dari sektor energi, saham emiten batu bara dan minyak menguat seiring kenaikan harga komoditas di pasar global. Permintaan batu bara dari sejumlah negara di Asia meningkat menjelang musim dingin, sementara harga minyak mentah naik akibat pemangkasan produksi oleh negara-negara produsen utama.

Meski demikian, Yudha mengingatkan investor agar tetap berhati-hati. Ketidakpastian kebijakan suku bunga di Amerika Serikat dan perlambatan ekonomi di sejumlah negara mitra dagang masih berpotensi memicu gejolak. "Investor ritel sebaiknya disiplin pada rencana investasi dan tidak sekadar ikut-ikutan," ujarnya.

Nilai tukar rupiah juga menguat tipis terhadap dolar AS pada penutupan perdagangan. Penguatan rupiah didukung aliran modal asing yang kembali masuk ke pasar saham dan obligasi pemerintah sepanjang pekan ini.`,
		PhotoCaption: "Layar pergerakan indeks harga saham di gedung Bursa Efek Indonesia, Jakarta.",
		PhotoCredit:  "Dok. Warta/Dewi",
	},
	{
		Title:    "Pedagang Pasar Tradisional Makin Akrab dengan Pembayaran QRIS",
		Excerpt:  "Semakin banyak pedagang sayur, ikan, dan jajanan di pasar tradisional menerima pembayaran QRIS. Transaksi lebih praktis, meski sebagian pedagang masih ragu soal biaya.",
		Category: "ekonomi",
		Tags:     []string{"UMKM", "QRIS", "Pembayaran Digital"},
		Authors:  []string{"dewi-anggraini"},
		Story:    "qris-pasar-tradisional",
		HoursAgo: 44,
		Body: `Kode QR berlapis plastik kini mudah ditemukan di lapak-lapak pasar tradisional. Dari pedagang sayur, penjual ikan, hingga penjaja kue basah, semakin banyak pelaku usaha mikro yang menerima pembayaran melalui Quick Response Code Indonesian Standard (QRIS).

Di Pasar Kosambi, Bandung, Ibu Enok (56) memajang kode QR di samping timbangan sayurnya. Ia mengaku awalnya ragu karena tidak terbiasa menggunakan ponsel pintar. "Dulu dibantu anak saya daftarnya. Sekarang pembeli muda kebanyakan bayar pakai HP, jadi saya tidak perlu repot menyiapkan uang kembalian," katanya.

Bank Indonesia mencatat jumlah pedagang yang menerima QRIS terus bertambah setiap tahun, dengan mayoritas berasal dari usaha mikro dan kecil. Nilai transaksi QRIS juga tumbuh pesat, didorong oleh kebiasaan belanja nontunai yang menguat di kalangan generasi muda dan pekerja kantoran.

Bagi pedagang, pembayaran digital membawa sejumlah keuntungan. Selain praktis, catatan transaksi tersimpan otomatis sehingga memudahkan pedagang menghitung omzet harian. Riwayat transaksi itu juga bisa menjadi modal untuk mengajukan kredit usaha ke bank, karena menunjukkan arus kas yang jelas.

Namun, tidak semua pedagang langsung tertarik. Sebagian masih khawatir soal biaya layanan yang dikenakan pada setiap transaksi, meskipun untuk transaksi bernilai kecil biayanya dibebaskan. Ada pula yang mengeluhkan sinyal internet yang kerap hilang di dalam gedung pasar sehingga pembayaran tertunda.

Pemerintah daerah dan perbankan terus menggelar pendampingan di pasar-pasar. Petugas membantu pedagang membuka rekening, memasang kode QR, dan memahami cara mengecek dana yang masuk. Pedagang juga diajari mewaspadai modus penipuan, seperti bukti transfer palsu atau kode QR yang ditempel orang tak dikenal.

Pengamat ekonomi digital menilai perluasan QRIS di pasar tradisional penting untuk inklusi keuangan. Menurut dia, langkah berikutnya adalah memastikan pedagang tidak hanya menerima pembayaran digital, tetapi juga bisa mengakses tabungan, asuransi, dan pembiayaan dengan bunga terjangkau.`,
		PhotoCaption: "Seorang pembeli memindai kode QRIS di lapak sayur di Pasar Kosambi, Bandung.",
		PhotoCredit:  "Dok. Warta/Dewi",
	},
}
