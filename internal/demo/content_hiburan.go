package demo

var articlesHiburan = []SeedArticle{
	// --- Cluster: Festival Film Nusantara -----------------------------------------
	{
		Title:    "Festival Film Nusantara Umumkan 24 Film Masuk Seleksi Utama",
		Excerpt:  "Dari lebih dari 300 film yang didaftarkan, 24 judul lolos ke seleksi utama Festival Film Nusantara. Separuhnya karya sutradara debutan.",
		Category: "hiburan",
		Tags:     []string{"Festival Film Nusantara", "Film Indonesia"},
		Authors:  []string{"sari-handayani"},
		Story:    "festival-film-nusantara",
		HoursAgo: 940,
		Body: `Panitia Festival Film Nusantara mengumumkan 24 film yang masuk seleksi utama tahun ini. Film-film tersebut terpilih dari lebih dari 300 judul yang didaftarkan, terdiri atas film panjang cerita, film dokumenter, dan film animasi dari berbagai daerah di Indonesia.

Direktur festival, Larasati Wibisono, menyampaikan bahwa hampir separuh film dalam seleksi utama merupakan karya sutradara debutan. Menurut dia, hal itu menunjukkan regenerasi sineas Indonesia berjalan dengan baik. "Kami melihat keberanian bercerita yang luar biasa dari para pembuat film muda, baik dari segi tema maupun cara bertutur," ujarnya di Jakarta.

Tema yang diangkat juga beragam. Ada film tentang kehidupan nelayan di pesisir utara Jawa, kisah keluarga perantau di Kalimantan, hingga film horor yang berangkat dari legenda setempat di Sumatra Barat. Sejumlah film dokumenter menyoroti isu lingkungan, seperti alih fungsi hutan dan krisis air bersih di pulau-pulau kecil.

Festival tahun ini akan berlangsung selama sepekan di Yogyakarta. Selain pemutaran film, panitia menyiapkan diskusi bersama sutradara, kelas penulisan skenario, dan pasar film yang mempertemukan pembuat film dengan calon investor serta perwakilan platform streaming.

Dewan juri diketuai oleh sutradara senior dan beranggotakan kritikus film, aktor, serta akademisi. Penghargaan akan diberikan untuk sejumlah kategori, antara lain film terbaik, sutradara terbaik, skenario terbaik, pemeran utama terbaik, dan film dokumenter terbaik.

Panitia menyediakan tiket pemutaran dengan harga terjangkau, mulai Rp25.000, serta pemutaran gratis di ruang publik. Untuk pertama kalinya, sebagian film juga akan diputar keliling ke lima kota kecil di Jawa Tengah dan Daerah Istimewa Yogyakarta setelah festival berakhir.

Pengamat film menilai festival semacam ini penting sebagai ruang bagi film-film yang sulit menembus bioskop komersial. Banyak film yang pernah diputar di festival kemudian mendapat distribusi lebih luas dan diakui di ajang internasional.`,
		PhotoCaption: "Direktur Festival Film Nusantara mengumumkan daftar film seleksi utama di Jakarta.",
		PhotoCredit:  "Dok. Warta/Sari",
	},
	{
		Title:    "Film Horor Karya Sutradara Debutan Curi Perhatian di Pembukaan Festival",
		Excerpt:  "Film horor Rumah Gadang di Ujung Bukit membuka Festival Film Nusantara di Yogyakarta dan disambut tepuk tangan panjang penonton.",
		Category: "hiburan",
		Tags:     []string{"Festival Film Nusantara", "Film Indonesia", "Film Horor"},
		Authors:  []string{"sari-handayani"},
		Story:    "festival-film-nusantara",
		HoursAgo: 800,
		Body: `Festival Film Nusantara resmi dibuka di Yogyakarta dengan pemutaran film horor *Rumah Gadang di Ujung Bukit*, karya sutradara debutan Reza Fadhilah. Film berdurasi 104 menit itu disambut tepuk tangan panjang dari sekitar 800 penonton yang memadati gedung pertunjukan utama.

Film ini bercerita tentang seorang perempuan muda yang pulang ke kampung halamannya di Sumatra Barat untuk mengurus warisan keluarga. Di rumah gadang tua peninggalan neneknya, ia dihadapkan pada rahasia keluarga dan teror yang berkaitan dengan sengketa tanah ulayat. Unsur horor dipadukan dengan drama keluarga dan kritik sosial.

Reza mengatakan ia ingin membuat film horor yang tidak sekadar mengandalkan kejutan. "Bagi saya, yang paling menakutkan justru hal-hal yang nyata, seperti keluarga yang tercerai-berai karena harta. Hantunya hanya pintu masuk," ujarnya dalam sesi tanya jawab seusai pemutaran.

Penampilan aktris pendatang baru, Putri Andalas, mendapat banyak pujian. Ia memerankan tokoh utama dengan dialog yang sebagian besar menggunakan bahasa Minang. Sinematografi film ini juga dinilai memikat, terutama gambar lanskap perbukitan yang diselimuti kabut di pagi hari. Musik latar yang memanfaatkan saluang dan talempong menambah suasana mencekam tanpa terasa berlebihan.

Kritikus film, Anton Susilo, menilai film ini membawa angin segar bagi genre horor Indonesia yang belakangan dinilai repetitif. "Ini horor yang punya akar budaya kuat dan tidak menggurui. Penonton diajak berpikir, bukan hanya dikagetkan," katanya.

Film pembuka festival biasanya dipilih untuk menggambarkan semangat festival tahun itu. Direktur festival menyebut *Rumah Gadang di Ujung Bukit* mencerminkan keberanian sineas muda mengangkat cerita lokal dengan kualitas produksi yang tidak kalah dari film arus utama.

Film ini juga masuk dalam seleksi utama dan akan bersaing memperebutkan sejumlah penghargaan. Setelah festival, rumah produksinya berencana menayangkan film tersebut di bioskop pada awal tahun depan.`,
		PhotoCaption: "Sutradara Reza Fadhilah dan para pemain menyapa penonton pada pembukaan Festival Film Nusantara.",
		PhotoCredit:  "Dok. Warta/Sari",
	},
	{
		Title:    "Film tentang Nelayan Pesisir Sabet Penghargaan Film Terbaik Festival Film Nusantara",
		Excerpt:  "Garam di Ujung Dermaga meraih film terbaik dan skenario terbaik Festival Film Nusantara. Film horor Rumah Gadang di Ujung Bukit membawa pulang sutradara terbaik.",
		Category: "hiburan",
		Tags:     []string{"Festival Film Nusantara", "Film Indonesia", "Penghargaan Film"},
		Authors:  []string{"sari-handayani"},
		Story:    "festival-film-nusantara",
		HoursAgo: 640,
		Body: `Film *Garam di Ujung Dermaga* meraih penghargaan film terbaik dalam malam puncak Festival Film Nusantara di Yogyakarta. Film karya sutradara Dimas Setyawan itu juga membawa pulang penghargaan skenario terbaik, menjadikannya peraih penghargaan terbanyak tahun ini.

*Garam di Ujung Dermaga* mengisahkan keluarga nelayan di pesisir utara Jawa yang berjuang mempertahankan hidup di tengah abrasi dan reklamasi pantai. Film ini diceritakan dari sudut pandang seorang anak perempuan berusia 12 tahun yang menyaksikan kampungnya perlahan tenggelam oleh air laut.

Ketua dewan juri menyampaikan bahwa film ini dipilih karena mampu menyentuh isu besar melalui kisah yang sangat personal. "Film ini tidak berteriak, tetapi pesannya sampai. Penonton diajak merasakan kehilangan yang dialami jutaan warga pesisir," ujarnya saat membacakan keputusan juri.

Dimas mempersembahkan penghargaan itu kepada warga kampung nelayan tempat film tersebut dibuat. Sebagian besar pemeran pendukung adalah warga setempat yang baru pertama kali berakting. "Mereka bukan hanya pemain, mereka pemilik cerita ini. Saya hanya meminjam kisah mereka," katanya dengan mata berkaca-kaca.

Penghargaan sutradara terbaik jatuh kepada Reza Fadhilah lewat film horor *Rumah Gadang di Ujung Bukit*, yang menjadi film pembuka festival. Sementara itu, penghargaan pemeran utama perempuan terbaik diraih Putri Andalas dari film yang sama, dan pemeran utama pria terbaik diraih aktor senior Bonar Sitorus.

Untuk kategori dokumenter, penghargaan diberikan kepada film tentang krisis air bersih di sebuah pulau kecil di Nusa Tenggara Timur. Film animasi terbaik diraih karya studio asal Bandung yang menggabungkan teknik animasi dua dimensi dengan motif batik.

Panitia mencatat lebih dari 40.000 penonton hadir selama sepekan festival, naik signifikan dibandingkan tahun lalu. Sejumlah film pemenang sudah mendapat tawaran distribusi dari bioskop dan platform streaming. *Garam di Ujung Dermaga* dijadwalkan tayang di bioskop nasional mulai pekan depan.`,
		PhotoCaption: "Sutradara Dimas Setyawan mengangkat piala film terbaik Festival Film Nusantara di Yogyakarta.",
		PhotoCredit:  "Dok. Warta/Sari",
	},
	{
		Title:    "Film Pemenang Festival Film Nusantara Tembus Satu Juta Penonton",
		Excerpt:  "Garam di Ujung Dermaga menembus satu juta penonton dalam 17 hari tayang di bioskop, jarang terjadi bagi film festival bertema sosial.",
		Category: "hiburan",
		Tags:     []string{"Festival Film Nusantara", "Film Indonesia", "Box Office"},
		Authors:  []string{"sari-handayani"},
		Story:    "festival-film-nusantara",
		HoursAgo: 42,
		Body: `Film *Garam di Ujung Dermaga*, peraih penghargaan film terbaik Festival Film Nusantara, menembus satu juta penonton dalam 17 hari penayangan di bioskop. Capaian ini tergolong langka bagi film festival bertema sosial yang biasanya hanya bertahan sebentar di layar lebar.

Produser film tersebut, Maria Hutapea, mengaku tidak menyangka antusiasme penonton sebesar ini. Pada pekan pertama, film ini hanya mendapat sekitar 150 layar. Namun, jumlah layar terus bertambah seiring ramainya ulasan positif dari penonton di media sosial. "Penonton sendiri yang mempromosikan film ini dari mulut ke mulut," ujarnya.

Salah satu pemicu popularitas film ini adalah video ulasan penonton yang viral. Dalam video itu, seorang ibu nelayan dari Demak menangis setelah menonton film dan bercerita bahwa kisah dalam film sangat mirip dengan pengalaman keluarganya yang kehilangan rumah karena abrasi.

Pengamat industri film, Teguh Wicaksono, menilai kesuksesan ini menunjukkan penonton Indonesia tidak hanya menyukai film horor dan komedi. "Asalkan ceritanya jujur dan dekat dengan kehidupan mereka, penonton akan datang. Ini pelajaran penting bagi produser dan pemilik bioskop," katanya.

Kesuksesan film ini juga memantik perbincangan soal abrasi dan nasib warga pesisir. Sejumlah organisasi lingkungan menggelar nonton bareng yang dilanjutkan diskusi bersama warga. Pemerintah daerah di pesisir utara Jawa bahkan mengundang sutradara Dimas Setyawan untuk berbagi cerita di forum perencanaan daerah.

Dimas berharap kesuksesan film ini membuka jalan bagi film-film festival lain untuk mendapat layar yang lebih luas. Ia juga mengumumkan sebagian keuntungan film akan disumbangkan untuk program penanaman mangrove di kampung tempat syuting dilakukan.

Rumah produksi berencana mendistribusikan film ini ke sejumlah festival internasional dan bioskop di Malaysia serta Singapura. Versi dengan teks bahasa Inggris tengah disiapkan untuk penayangan di luar negeri awal tahun depan.`,
		PhotoCaption: "Penonton mengantre tiket film Garam di Ujung Dermaga di sebuah bioskop di Jakarta.",
		PhotoCredit:  "Dok. Warta/Sari",
	},

	// --- Cluster: konser reuni Senja Utara -------------------------------------------
	{
		Title:    "Band Senja Utara Umumkan Konser Reuni Setelah Sepuluh Tahun Vakum",
		Excerpt:  "Band pop Senja Utara kembali dengan formasi lengkap. Konser reuni digelar di Jakarta tiga bulan lagi, dengan kemungkinan tur ke lima kota.",
		Category: "hiburan",
		Tags:     []string{"Senja Utara", "Konser", "Band Indonesia"},
		Authors:  []string{"sari-handayani"},
		Story:    "konser-reuni-senja-utara",
		HoursAgo: 620,
		Body: `Kabar gembira bagi penggemar musik pop Tanah Air. Band Senja Utara resmi mengumumkan konser reuni setelah sepuluh tahun vakum. Konser bertajuk *Pulang* itu akan digelar di sebuah stadion di Jakarta tiga bulan mendatang dengan formasi lengkap keempat personelnya.

Pengumuman disampaikan melalui video singkat di akun media sosial resmi band. Dalam video tersebut, keempat personel terlihat berkumpul di studio tempat mereka dulu merekam album pertama. Video itu ditonton jutaan kali dalam hitungan jam dan membuat nama Senja Utara menjadi topik terpopuler di media sosial.

Vokalis Senja Utara, Galih Pramudya, mengatakan reuni ini sudah lama direncanakan, tetapi baru terwujud setelah para personel menyelesaikan urusan masing-masing. "Kami berpisah baik-baik. Selama sepuluh tahun, kami tetap berteman. Rasanya sekarang waktu yang tepat untuk kembali bermain bersama," ujarnya.

Senja Utara dikenal lewat lagu-lagu bernuansa melankolis yang populer pada awal 2010-an. Sejumlah lagunya hingga kini masih sering diputar dan dinyanyikan ulang oleh musisi muda di media sosial. Menariknya, banyak penggemar baru band ini berasal dari generasi yang belum lahir ketika album pertama mereka dirilis.

Promotor konser menyebut harga tiket akan diumumkan dalam dua pekan. Penjualan dilakukan secara daring dengan sistem verifikasi identitas untuk mencegah calo. Promotor juga mempertimbangkan tur ke lima kota lain, yaitu Bandung, Yogyakarta, Surabaya, Medan, dan Makassar, jika permintaan penonton tinggi.

Selain membawakan lagu-lagu lama, Senja Utara berencana merilis satu lagu baru menjelang konser. Gitaris band, Arya Nugraha, menyebut lagu itu bercerita tentang persahabatan yang bertahan melewati waktu dan jarak.

Penggemar menyambut kabar ini dengan antusias. Komunitas penggemar Senja Utara di berbagai kota mulai mengorganisasi rombongan untuk menonton bersama ke Jakarta. Sebagian bahkan sudah memesan bus dan penginapan meski harga tiket belum diumumkan.`,
		PhotoCaption: "Personel band Senja Utara berkumpul kembali di studio rekaman di Jakarta.",
		PhotoCredit:  "Dok. Warta/Sari",
	},
	{
		Title:    "Situs Penjualan Tiket Konser Senja Utara Tumbang, Penggemar Kecewa",
		Excerpt:  "Situs tiket konser reuni Senja Utara tidak bisa diakses selama dua jam saat penjualan dibuka. Promotor meminta maaf dan menjadwalkan ulang penjualan.",
		Category: "hiburan",
		Tags:     []string{"Senja Utara", "Konser", "Tiket Konser"},
		Authors:  []string{"sari-handayani"},
		Story:    "konser-reuni-senja-utara",
		HoursAgo: 290,
		Body: `Penjualan tiket konser reuni band Senja Utara berujung kekecewaan. Situs penjualan tiket resmi tidak dapat diakses selama hampir dua jam sejak penjualan dibuka pada Jumat pukul 12.00. Ribuan penggemar yang sudah bersiap di depan layar mendapati halaman kosong atau pesan galat.

Keluhan segera membanjiri media sosial. Banyak penggemar mengunggah tangkapan layar antrean virtual yang tidak bergerak, sementara sebagian lain mengaku saldonya sudah terpotong tetapi tiket tidak kunjung diterbitkan. "Sudah ambil cuti setengah hari demi tiket ini, ternyata situsnya tumbang," tulis seorang penggemar.

Promotor konser menyampaikan permintaan maaf melalui pernyataan resmi. Menurut promotor, jumlah pengunjung situs mencapai lebih dari satu juta dalam lima menit pertama, jauh melampaui perkiraan. Lonjakan itu membuat server kewalahan meski kapasitasnya sudah ditambah beberapa kali lipat.

Promotor memutuskan menghentikan sementara penjualan dan menjadwalkan ulang pada pekan depan. Pembeli yang saldonya terpotong tanpa mendapat tiket dijamin menerima pengembalian dana penuh dalam tujuh hari kerja. Tiket yang sudah berhasil diterbitkan sebelum gangguan tetap dinyatakan sah.

Untuk penjualan berikutnya, promotor akan menerapkan sistem pendaftaran awal. Penggemar diminta mendaftar terlebih dahulu, lalu akan dipilih secara acak untuk mendapatkan kode akses pembelian. Setiap akun dibatasi maksimal dua tiket dengan identitas pemegang yang harus sama dengan kartu identitas saat penukaran.

Pengamat industri hiburan menilai kejadian ini menjadi pelajaran bagi promotor konser di Tanah Air. Menurut dia, permintaan tiket konser musisi populer sering kali jauh melampaui kapasitas sistem, sehingga mekanisme antrean yang adil dan transparan mutlak diperlukan.

Personel Senja Utara turut menyampaikan permohonan maaf kepada penggemar. Mereka berjanji mempertimbangkan penambahan jadwal konser hari kedua jika permintaan tetap tinggi setelah penjualan ulang. Penggemar diminta tidak membeli tiket dari pihak yang tidak resmi selama menunggu jadwal penjualan baru.`,
		PhotoCaption: "Tangkapan layar pesan galat di situs penjualan tiket konser reuni Senja Utara.",
		PhotoCredit:  "Dok. Warta/Sari",
	},
	{
		Title:    "Polisi Bongkar Sindikat Penjualan Tiket Palsu Konser Senja Utara",
		Excerpt:  "Polisi menangkap empat tersangka penjual tiket palsu konser reuni Senja Utara. Ratusan korban merugi hingga ratusan juta rupiah.",
		Category: "hiburan",
		Tags:     []string{"Senja Utara", "Tiket Konser", "Penipuan Daring", "HOT"},
		Authors:  []string{"sari-handayani", "rina-wulandari"},
		Story:    "konser-reuni-senja-utara",
		HoursAgo: 5.5,
		Body: `Kepolisian membongkar sindikat penjualan tiket palsu konser reuni band Senja Utara. Empat orang ditangkap di Jakarta dan Tangerang karena diduga menjual ratusan tiket palsu melalui media sosial dan aplikasi pesan dengan harga jauh di atas harga resmi.

Kepala subdirektorat siber kepolisian daerah menyampaikan bahwa para tersangka memanfaatkan tingginya permintaan tiket setelah situs resmi sempat tumbang. Mereka menawarkan tiket kategori terbaik dengan dalih memiliki "jalur orang dalam" dan meminta pembayaran melalui transfer bank.

Para pelaku membuat tiket palsu dengan menyunting bukti tiket asli yang beredar di media sosial, lalu mengganti nama dan kode batangnya. Dari hasil penyelidikan sementara, lebih dari 300 orang menjadi korban dengan total kerugian diperkirakan mencapai Rp450 juta.

Salah satu korban, Anisa (24), mengaku membeli dua tiket seharga Rp5 juta dari akun yang mengaku sebagai penggemar. "Saya tergiur karena dia bisa menunjukkan banyak testimoni. Ternyata testimoninya juga palsu," katanya. Ia baru sadar tertipu ketika akun penjual menghilang setelah transfer dilakukan.

Polisi menyita sejumlah telepon genggam, laptop, dan rekening bank yang digunakan untuk menampung uang hasil penipuan. Para tersangka dijerat pasal penipuan dan Undang-Undang Informasi dan Transaksi Elektronik dengan ancaman pidana penjara hingga enam tahun.

Promotor konser mengingatkan penggemar bahwa tiket resmi hanya dijual melalui situs resmi dan tidak dapat dipindahtangankan. Setiap tiket akan dicocokkan dengan kartu identitas pemegangnya di pintu masuk. "Kami tidak pernah menjual tiket melalui perorangan atau akun media sosial," tegas perwakilan promotor.

Polisi membuka posko pengaduan bagi korban lain yang belum melapor. Masyarakat juga diimbau lebih waspada terhadap tawaran tiket konser, pertandingan sepak bola, maupun acara besar lain yang dijual di luar kanal resmi dengan janji-janji yang tidak masuk akal.`,
		PhotoCaption: "Polisi menunjukkan barang bukti kasus penjualan tiket palsu konser Senja Utara.",
		PhotoCredit:  "Humas Polda Metro Jaya",
	},

	// --- Singletons ----------------------------------------------------------------------
	{
		Title:    "Serial Animasi Karya Studio Bandung Tayang di Layanan Streaming Global",
		Excerpt:  "Serial animasi Petualangan Kancil dan Kawan-Kawan tayang di 190 negara. Studio asal Bandung itu menggarapnya selama empat tahun.",
		Category: "hiburan",
		Tags:     []string{"Animasi", "Layanan Streaming"},
		Authors:  []string{"sari-handayani"},
		Story:    "serial-animasi-bandung",
		HoursAgo: 750,
		Body: `Serial animasi *Petualangan Kancil dan Kawan-Kawan* karya studio animasi asal Bandung resmi tayang di sebuah layanan streaming global. Serial berisi 13 episode itu dapat ditonton di lebih dari 190 negara dengan sulih suara dan teks dalam berbagai bahasa.

Serial ini mengadaptasi dongeng kancil yang akrab bagi anak-anak Indonesia, tetapi dikemas dengan cerita baru. Sang kancil digambarkan sebagai hewan cerdas yang menggunakan akalnya untuk menolong teman-temannya di hutan, bukan untuk menipu. Setiap episode menyisipkan pesan tentang persahabatan, kejujuran, dan menjaga alam.

Produser eksekutif sekaligus pendiri studio, Ardi Kusumah, menyampaikan bahwa serial ini digarap selama empat tahun oleh lebih dari 80 animator. "Kami ingin anak-anak di seluruh dunia mengenal cerita Indonesia. Tapi kami juga ingin anak-anak Indonesia bangga melihat budaya mereka tampil di layar global," ujarnya.

Visual serial ini mendapat banyak pujian. Latar hutan tropis digambar dengan detail, dan sejumlah adegan menampilkan motif batik, wayang, serta alat musik tradisional. Lagu pembuka serial menggunakan gamelan yang dipadukan dengan musik orkestra, hasil kolaborasi dengan komposer muda asal Surakarta.

Kesuksesan serial ini tidak datang dengan mudah. Ardi mengaku studionya sempat hampir tutup ketika pendanaan terhenti di tengah produksi. Bantuan datang dari program pembiayaan industri kreatif dan investor lokal yang percaya pada potensi animasi Indonesia di pasar internasional.

Asosiasi industri animasi menilai capaian ini menjadi tonggak penting. Menurut mereka, animator Indonesia selama ini banyak mengerjakan proyek pesanan studio luar negeri, sementara karya dengan kekayaan intelektual sendiri masih jarang menembus pasar global.

Studio tersebut kini tengah menyiapkan musim kedua serial dan berencana merilis buku cerita serta mainan edukatif. Mereka juga membuka program magang bagi lulusan sekolah kejuruan dan kampus seni di Jawa Barat.`,
		PhotoCaption: "Animator menggarap adegan serial animasi di sebuah studio di Bandung.",
		PhotoCredit:  "Dok. Warta/Sari",
	},
	{
		Title:    "Penyanyi Dangdut Senior Rilis Album Duet Bersama Musisi Muda",
		Excerpt:  "Biduanita dangdut Ratna Melati merilis album berisi sepuluh lagu duet dengan musisi muda lintas genre, dari pop hingga hip-hop.",
		Category: "hiburan",
		Tags:     []string{"Dangdut", "Album Baru"},
		Authors:  []string{"sari-handayani"},
		Story:    "album-duet-dangdut",
		HoursAgo: 0.9,
		Body: `Penyanyi dangdut senior Ratna Melati merilis album terbarunya yang berisi sepuluh lagu duet bersama musisi muda lintas genre. Album bertajuk *Lintas Zaman* itu menghadirkan kolaborasi dengan penyanyi pop, grup indie, rapper, hingga produser musik elektronik.

Ratna, yang telah berkarier lebih dari tiga dekade, mengatakan album ini lahir dari keinginannya mendekatkan dangdut kepada generasi muda. "Dangdut itu musik rakyat. Dia bisa bergaul dengan musik apa saja. Saya ingin anak-anak muda merasa dangdut juga milik mereka," ujarnya dalam acara peluncuran di Jakarta.

Lagu andalan album ini, *Rindu Tak Berjadwal*, merupakan duet Ratna dengan penyanyi pop berusia 22 tahun, Kirana Putri. Lagu itu memadukan irama gendang khas dangdut dengan aransemen pop modern. Sejak video musiknya dirilis, lagu ini langsung masuk daftar trending di platform berbagi video.

Kolaborasi paling mengejutkan datang dari rapper asal Medan, Bara Sinaga. Dalam lagu *Cerita dari Pinggir Kota*, Bara membawakan bait-bait rap tentang kehidupan pekerja urban, sementara Ratna melantunkan bagian refrain dengan cengkok dangdut yang khas. Banyak pendengar menilai perpaduan itu terdengar segar.

Produser album, Yudhistira Alam, menyebut proses rekaman berlangsung hampir setahun. Tantangan terbesarnya adalah menjaga identitas dangdut agar tidak hilang di tengah beragam gaya musik. "Kami sepakat, gendang dan suling harus tetap terdengar di setiap lagu," katanya.

Pengamat musik menilai langkah Ratna tepat di tengah kebangkitan minat anak muda terhadap dangdut dan musik daerah. Dalam beberapa tahun terakhir, banyak musisi muda yang memasukkan unsur dangdut ke dalam karya mereka, dan pertunjukan dangdut di festival musik kian ramai penonton.

Ratna berencana menggelar konser tunggal untuk merayakan album ini akhir tahun nanti. Ia juga berjanji mengajak para musisi muda yang terlibat untuk tampil bersama di atas panggung.`,
		PhotoCaption: "Penyanyi dangdut Ratna Melati bernyanyi bersama musisi muda saat peluncuran album di Jakarta.",
		PhotoCredit:  "Dok. Warta/Sari",
	},
}
