package demo

var articlesInternasional = []SeedArticle{
	// --- Cluster: ASEAN dan Laut China Selatan ------------------------------
	{
		Title:    "Menlu ASEAN Bahas Ketegangan Laut China Selatan di Kuala Lumpur",
		Excerpt:  "Para menteri luar negeri ASEAN berkumpul di Kuala Lumpur di tengah meningkatnya insiden di Laut China Selatan. Indonesia meminta kawasan berbicara dengan satu suara.",
		Category: "internasional",
		Tags:     []string{"ASEAN", "Laut China Selatan", "Keamanan Maritim"},
		Authors:  []string{"yusuf-hakim"},
		Story:    "asean-laut-china-selatan",
		HoursAgo: 300,
		Body: `Para menteri luar negeri negara anggota ASEAN berkumpul di Kuala Lumpur, Malaysia, untuk pertemuan tahunan yang tahun ini dibayangi meningkatnya ketegangan di Laut China Selatan. Dalam beberapa bulan terakhir, sejumlah insiden antara kapal penjaga pantai dan kapal nelayan dilaporkan terjadi di perairan yang diperebutkan.

Dalam sesi pembukaan, tuan rumah menyampaikan bahwa stabilitas kawasan merupakan prasyarat bagi pertumbuhan ekonomi Asia Tenggara. Jalur pelayaran di Laut China Selatan dilalui sebagian besar perdagangan kawasan, sehingga gangguan sekecil apa pun dapat berdampak pada harga barang dan rantai pasok di seluruh dunia.

Menteri Luar Negeri Indonesia mendorong negara anggota untuk berbicara dengan satu suara. Menurut dia, perbedaan kepentingan di antara negara anggota tidak boleh dimanfaatkan pihak luar untuk melemahkan posisi ASEAN. "Sentralitas ASEAN bukan slogan. Itu hanya bermakna kalau kita kompak di saat yang sulit," ujarnya di hadapan para delegasi.

Sejumlah diplomat menyebutkan pembahasan berjalan alot, terutama saat menyusun bahasa dalam pernyataan bersama. Beberapa negara ingin menyebut insiden secara terang, sementara negara lain memilih rumusan yang lebih umum agar tidak mengganggu hubungan dagang dengan mitra besar mereka di luar kawasan.

Di luar isu maritim, pertemuan juga membahas krisis kemanusiaan di Myanmar, kerja sama penanganan perdagangan orang, serta kesiapan kawasan menghadapi cuaca ekstrem. Para menteri sepakat memperkuat pusat koordinasi bantuan kemanusiaan ASEAN agar respons terhadap bencana lintas negara bisa lebih cepat.

Di sela pertemuan, sejumlah menteri juga menggelar pertemuan bilateral. Indonesia dan Vietnam, misalnya, membahas tindak lanjut kesepakatan batas zona ekonomi eksklusif yang telah diratifikasi, termasuk patroli bersama untuk mencegah penangkapan ikan ilegal. Adapun Malaysia dan Filipina membicarakan kerja sama penegakan hukum di perairan Sulu yang kerap dilanda penculikan awak kapal.

Pernyataan bersama dijadwalkan diumumkan pada hari terakhir pertemuan. Para pengamat akan mencermati apakah dokumen itu memuat komitmen konkret atau sekadar mengulang seruan lama untuk menahan diri dan menghormati hukum internasional.`,
		PhotoCaption: "Para menteri luar negeri ASEAN berfoto bersama sebelum sesi pembukaan di Kuala Lumpur.",
		PhotoCredit:  "Dok. Warta/Yusuf",
	},
	{
		Title:    "Indonesia Dorong Kode Etik Laut China Selatan Segera Dirampungkan",
		Excerpt:  "Indonesia menilai perundingan kode etik Laut China Selatan yang berlarut-larut membuka ruang bagi insiden baru. Jakarta mengusulkan tenggat waktu yang lebih tegas.",
		Category: "internasional",
		Tags:     []string{"ASEAN", "Laut China Selatan", "Kode Etik"},
		Authors:  []string{"yusuf-hakim"},
		Story:    "asean-laut-china-selatan",
		HoursAgo: 270,
		Body: `Indonesia mendorong agar perundingan kode etik atau *code of conduct* di Laut China Selatan segera dirampungkan. Dalam pertemuan para menteri luar negeri ASEAN di Kuala Lumpur, delegasi Indonesia mengusulkan tenggat waktu yang lebih tegas bagi putaran negosiasi berikutnya.

Perundingan kode etik antara ASEAN dan China telah berjalan lebih dari satu dekade. Meski beberapa bagian naskah sudah disepakati, pasal-pasal krusial seperti cakupan wilayah, sifat mengikat secara hukum, dan mekanisme penyelesaian sengketa masih menjadi perdebatan. Akibatnya, kemajuan perundingan sering dinilai lamban oleh kalangan pengamat.

Juru bicara Kementerian Luar Negeri, Arif Rahmanto, menyampaikan bahwa Indonesia bukan negara pengklaim, tetapi berkepentingan langsung atas stabilitas perairan di sekitar Natuna. "Kode etik yang efektif akan mengurangi risiko salah perhitungan di laut. Semakin lama ditunda, semakin besar peluang insiden yang tidak diinginkan," katanya.

Indonesia juga mengusulkan agar kode etik memuat kewajiban komunikasi langsung antarkapal penjaga pantai ketika terjadi perjumpaan di laut. Mekanisme ini dinilai penting untuk mencegah insiden kecil, seperti penghadangan kapal nelayan, berkembang menjadi konflik terbuka yang sulit dikendalikan.

Pengamat hubungan internasional dari sebuah universitas di Jakarta, Laila Fitriani, menilai usulan tenggat waktu patut diapresiasi. Namun, ia mengingatkan bahwa keberhasilan perundingan sangat bergantung pada kesediaan semua pihak untuk berkompromi. "ASEAN harus realistis, tetapi juga tidak boleh menyerah pada dokumen yang sekadar formalitas tanpa daya ikat," ujarnya.

Bagi nelayan Natuna, perundingan di ruang sidang terasa jauh, tetapi dampaknya nyata. Ketua kelompok nelayan setempat, Syahrial, mengatakan kapal-kapal asing berukuran besar masih sering terlihat di perairan tangkapan mereka. "Kami berharap aturan itu segera jadi, supaya nelayan kecil tidak terus-menerus merasa terancam saat melaut," katanya melalui sambungan telepon.

Hingga pertemuan berakhir, belum ada kesepakatan mengenai tenggat waktu baru. Para menteri hanya sepakat mempercepat frekuensi pertemuan kelompok kerja dan melaporkan kemajuannya dalam pertemuan puncak ASEAN akhir tahun ini.`,
		PhotoCaption: "Delegasi Indonesia mengikuti sesi pembahasan kode etik Laut China Selatan di Kuala Lumpur.",
		PhotoCredit:  "Dok. Warta/Yusuf",
	},
	{
		Title:    "ASEAN Sepakati Latihan Bersama untuk Perkuat Pertahanan Maritim Kawasan",
		Excerpt:  "Negara-negara ASEAN sepakat menggelar latihan maritim bersama tahun depan. Fokusnya patroli, pencarian dan pertolongan, serta penanganan kapal asing ilegal.",
		Category: "internasional",
		Tags:     []string{"ASEAN", "Laut China Selatan", "Keamanan Maritim"},
		Authors:  []string{"yusuf-hakim"},
		Story:    "asean-laut-china-selatan",
		HoursAgo: 250,
		Featured: true,
		Body: `Negara-negara anggota ASEAN sepakat menggelar latihan maritim bersama tahun depan untuk memperkuat pertahanan dan keamanan laut di kawasan. Kesepakatan itu tercantum dalam pernyataan bersama yang diumumkan pada penutupan pertemuan para menteri luar negeri di Kuala Lumpur.

Latihan tersebut akan difokuskan pada tiga hal, yaitu patroli terkoordinasi, operasi pencarian dan pertolongan di laut, serta penanganan kapal asing yang menangkap ikan secara ilegal. Lokasi latihan direncanakan di perairan yang berada di luar wilayah sengketa, sehingga tidak dianggap sebagai provokasi oleh pihak mana pun.

## Bukan aliansi militer

Para diplomat menegaskan bahwa kerja sama ini bukan pembentukan aliansi militer. Juru bicara Kementerian Luar Negeri Indonesia menyebut latihan bersama lebih ditujukan untuk membangun kepercayaan dan menyamakan prosedur antarnegara. "Kapal-kapal kita sering bertemu di laut. Prosedur yang sama akan mencegah kesalahpahaman," katanya.

Pernyataan bersama juga menyinggung insiden di Laut China Selatan dengan bahasa yang lebih tegas daripada tahun-tahun sebelumnya. Para menteri menyatakan keprihatinan serius atas tindakan yang membahayakan keselamatan pelaut dan nelayan, serta menyerukan penghormatan terhadap Konvensi PBB tentang Hukum Laut (UNCLOS) 1982.

Pengamat keamanan kawasan menilai latihan bersama merupakan langkah maju, meskipun skalanya masih terbatas. Kemampuan pertahanan laut negara-negara ASEAN sangat beragam, mulai dari yang memiliki armada modern hingga yang baru membangun penjaga pantai. Karena itu, latihan ini juga dapat menjadi sarana alih pengetahuan antarnegara.

Sejumlah negara mitra di luar kawasan menyambut baik rencana tersebut dan menawarkan dukungan pelatihan. Namun, para menteri sepakat bahwa tahap pertama latihan hanya melibatkan negara anggota ASEAN. Menurut mereka, kerja sama internal harus dibangun lebih dulu sebelum kawasan membuka diri bagi keterlibatan pihak lain yang berpotensi memicu kecurigaan.

Kementerian Pertahanan masing-masing negara akan membentuk tim perencana dalam tiga bulan ke depan. Indonesia menyatakan siap menjadi salah satu tuan rumah dan menawarkan pangkalan di wilayah timur sebagai lokasi latihan pencarian dan pertolongan.`,
		PhotoCaption: "Kapal patroli sejumlah negara ASEAN berlayar beriringan dalam latihan pencarian dan pertolongan.",
		PhotoCredit:  "Dok. Warta/Yusuf",
	},
	{
		Title:    "Kapal Penjaga Pantai Kembali Bersitegang, ASEAN Serukan Semua Pihak Menahan Diri",
		Excerpt:  "Insiden baru di Laut China Selatan melibatkan meriam air dan kapal nelayan. Ketua ASEAN menyerukan semua pihak menahan diri dan menghormati hukum internasional.",
		Category: "internasional",
		Tags:     []string{"ASEAN", "Laut China Selatan", "Keamanan Maritim", "Kode Etik"},
		Authors:  []string{"yusuf-hakim"},
		Story:    "asean-laut-china-selatan",
		HoursAgo: 14,
		Body: `Ketegangan di Laut China Selatan kembali meningkat setelah kapal penjaga pantai dua negara bersitegang di dekat sebuah gugusan karang yang disengketakan. Dalam insiden itu, satu kapal dilaporkan menembakkan meriam air ke arah kapal pemasok yang sedang mengantar logistik bagi nelayan dan personel di sebuah pos terpencil.

Rekaman video yang beredar di media sosial memperlihatkan dua kapal bermanuver dalam jarak yang sangat dekat. Tidak ada korban jiwa, tetapi sejumlah awak dilaporkan mengalami luka ringan akibat semburan air bertekanan tinggi. Kedua pihak saling menuding sebagai penyebab insiden.

Ketua ASEAN tahun ini mengeluarkan pernyataan yang menyerukan semua pihak menahan diri. Pernyataan itu menekankan pentingnya penyelesaian sengketa secara damai sesuai hukum internasional, termasuk UNCLOS 1982. "Setiap tindakan yang membahayakan keselamatan jiwa di laut tidak dapat dibenarkan," bunyi pernyataan tersebut.

Pemerintah Indonesia menyatakan prihatin dan kembali mendorong percepatan perundingan kode etik. Menurut Kementerian Luar Negeri, insiden ini menunjukkan betapa mendesaknya aturan main yang jelas dan mengikat. Tanpa itu, kata juru bicara kementerian, kawasan akan terus berada dalam siklus insiden dan saling tuding.

Pengamat menilai insiden terbaru ini menguji kesepakatan yang dicapai dalam pertemuan menteri luar negeri di Kuala Lumpur beberapa waktu lalu, termasuk rencana latihan maritim bersama. "Pernyataan di atas kertas harus diikuti tindakan nyata, misalnya jalur komunikasi darurat antarpenjaga pantai," kata analis keamanan maritim Dimas Aryanto.

Dewan Keamanan PBB belum menjadwalkan pembahasan khusus mengenai insiden ini. Namun, sejumlah negara di luar kawasan menyatakan keprihatinan dan menyerukan kebebasan navigasi. Di dalam negeri, Komisi I DPR meminta pemerintah meningkatkan kehadiran kapal patroli di perairan Natuna Utara sebagai langkah antisipasi apabila ketegangan merembet ke wilayah yang berbatasan langsung dengan Indonesia.

Sementara itu, organisasi nelayan di kawasan mengeluhkan makin sempitnya ruang tangkap. Banyak nelayan kecil kini memilih tidak melaut ke perairan tradisional mereka karena khawatir dihadang kapal berukuran jauh lebih besar.`,
		PhotoCaption: "Kapal penjaga pantai bermanuver di dekat gugusan karang yang disengketakan di Laut China Selatan.",
		PhotoCredit:  "Dok. Warta/Yusuf",
	},

	// --- Cluster: topan Filipina --------------------------------------------
	{
		Title:    "Topan Kuat Hantam Luzon, Ratusan Ribu Warga Filipina Dievakuasi",
		Excerpt:  "Topan dengan kecepatan angin hingga 185 km per jam menerjang Luzon bagian utara. Ratusan ribu warga dievakuasi, listrik padam di sejumlah provinsi.",
		Category: "internasional",
		Tags:     []string{"Topan", "Filipina", "Evakuasi"},
		Authors:  []string{"yusuf-hakim"},
		Story:    "topan-filipina",
		HoursAgo: 45,
		Body: `Topan Kalayo menerjang Pulau Luzon bagian utara, Filipina, dengan kecepatan angin maksimum mencapai 185 kilometer per jam. Badan cuaca Filipina menaikkan sinyal peringatan ke tingkat tertinggi di sejumlah provinsi pesisir, sementara lebih dari 300.000 warga dievakuasi ke tempat penampungan sejak malam sebelumnya.

Hujan lebat disertai angin kencang merobohkan pepohonan dan tiang listrik. Pasokan listrik padam di sebagian besar wilayah utara Luzon, dan jaringan telekomunikasi terganggu di beberapa kota. Otoritas setempat menyebut gelombang badai setinggi tiga meter berpotensi menggenangi permukiman di tepi pantai.

Badan penanggulangan bencana Filipina melaporkan sedikitnya enam orang tewas akibat tertimpa pohon dan tanah longsor. Angka itu diperkirakan bertambah karena tim penyelamat belum bisa menjangkau desa-desa di pegunungan yang terisolasi. Jalan utama yang menghubungkan provinsi-provinsi di utara tertutup material longsor.

Ratusan penerbangan domestik dan internasional dibatalkan. Bandara di Manila tetap beroperasi, tetapi sejumlah maskapai memilih menunda keberangkatan hingga angin mereda. Pelabuhan juga menghentikan pelayaran kapal penumpang dan kapal nelayan kecil untuk sementara waktu.

Presiden Filipina menginstruksikan seluruh lembaga pemerintah untuk memprioritaskan evakuasi dan penyaluran bantuan. Pemerintah telah menyiagakan stok pangan, air bersih, dan obat-obatan di gudang-gudang regional sebelum topan tiba. Militer mengerahkan helikopter untuk menjangkau wilayah yang terputus akses daratnya.

Organisasi kemanusiaan internasional mulai bersiap mengirim bantuan. Palang Merah Filipina mendirikan dapur umum dan pos kesehatan di pusat-pusat evakuasi, sementara badan-badan PBB menyiapkan stok darurat di gudang regional. Sejumlah negara tetangga, termasuk Indonesia, menyatakan siap membantu apabila pemerintah Filipina mengajukan permintaan resmi.

Para ahli meteorologi memperkirakan topan akan melemah setelah melintasi daratan dan bergerak ke Laut China Selatan dalam 24 jam ke depan. Meski demikian, hujan deras diperkirakan masih mengguyur wilayah Luzon sehingga ancaman banjir dan longsor susulan tetap tinggi. Warga diminta tidak kembali ke rumah sebelum ada izin resmi.`,
		PhotoCaption: "Warga di pesisir utara Luzon berlindung di pusat evakuasi saat Topan Kalayo menerjang.",
		PhotoCredit:  "Dok. Warta/Yusuf",
	},
	{
		Title:    "KBRI Manila Pastikan Seluruh WNI di Wilayah Terdampak Topan Selamat",
		Excerpt:  "KBRI Manila telah menghubungi lebih dari 1.200 WNI di Luzon utara. Tidak ada korban dari Indonesia, tetapi puluhan pelaut dan pekerja masih tertahan.",
		Category: "internasional",
		Tags:     []string{"Topan", "Filipina", "WNI"},
		Authors:  []string{"yusuf-hakim"},
		Story:    "topan-filipina",
		HoursAgo: 26,
		Body: `Kedutaan Besar Republik Indonesia (KBRI) di Manila memastikan seluruh warga negara Indonesia (WNI) yang berada di wilayah terdampak Topan Kalayo dalam keadaan selamat. Hingga Kamis siang, KBRI telah menghubungi lebih dari 1.200 WNI yang tinggal dan bekerja di Luzon bagian utara.

Koordinator fungsi perlindungan WNI di KBRI Manila, Rizky Maulana, menyampaikan bahwa sebagian besar WNI di wilayah itu adalah pekerja perkebunan, pelaut, pelajar, dan keluarga yang menikah dengan warga setempat. "Komunikasi sempat sulit karena listrik dan sinyal terputus. Kami bekerja sama dengan komunitas WNI untuk memastikan kabar setiap orang," ujarnya.

Meski tidak ada korban jiwa, KBRI mencatat sekitar 40 pelaut Indonesia masih tertahan di pelabuhan karena kapal mereka tidak diizinkan berlayar. Beberapa pekerja juga kehilangan tempat tinggal sementara setelah atap asrama mereka rusak diterjang angin kencang.

KBRI membuka posko darurat dan menyalurkan bantuan berupa makanan siap saji, air minum, dan perlengkapan kebersihan. Bagi WNI yang membutuhkan bantuan, KBRI menyediakan layanan hotline yang aktif 24 jam. Informasi layanan juga diumumkan melalui akun media sosial resmi perwakilan RI.

Sejumlah WNI menyampaikan rasa lega atas respons cepat tersebut. Nurul Aini, mahasiswi asal Makassar yang sedang menempuh studi di Baguio, mengatakan ia sempat panik saat jendela asramanya pecah. "Alhamdulillah staf KBRI langsung menelepon dan menanyakan kebutuhan kami," katanya.

KBRI juga berkoordinasi dengan perusahaan pelayaran dan agen penyalur tenaga kerja untuk memastikan hak-hak para pelaut dan pekerja tetap terpenuhi selama masa darurat. Perusahaan diminta menanggung biaya akomodasi dan makan awak kapal yang tertahan di pelabuhan sampai kapal diizinkan berlayar kembali.

Kementerian Luar Negeri mengimbau WNI di Filipina untuk terus memantau informasi cuaca dari otoritas setempat. Keluarga di Tanah Air yang kehilangan kontak dengan kerabatnya di Filipina dapat melapor melalui portal perlindungan WNI agar KBRI dapat menelusuri keberadaan mereka.`,
		PhotoCaption: "Staf KBRI Manila menyalurkan bantuan logistik kepada WNI terdampak topan di Luzon utara.",
		PhotoCredit:  "Humas KBRI Manila",
	},
	{
		Title:    "Indonesia Kirim Bantuan Kemanusiaan untuk Korban Topan di Filipina",
		Excerpt:  "Dua pesawat angkut membawa 40 ton bantuan berupa tenda, selimut, makanan, dan obat-obatan untuk korban Topan Kalayo di Filipina utara.",
		Category: "internasional",
		Tags:     []string{"Topan", "Filipina", "Bantuan Kemanusiaan"},
		Authors:  []string{"yusuf-hakim"},
		Story:    "topan-filipina",
		HoursAgo: 4,
		Body: `Pemerintah Indonesia mengirimkan bantuan kemanusiaan untuk korban Topan Kalayo di Filipina bagian utara. Dua pesawat angkut berangkat dari Jakarta membawa sekitar 40 ton bantuan berupa tenda, selimut, makanan siap saji, perlengkapan bayi, dan obat-obatan.

Pelepasan bantuan dipimpin oleh pejabat Kementerian Luar Negeri dan Badan Nasional Penanggulangan Bencana (BNPB). Dalam sambutannya, pemerintah menyampaikan bahwa bantuan ini merupakan wujud solidaritas kepada negara tetangga yang sedang dilanda musibah. "Filipina selalu hadir ketika Indonesia mengalami bencana. Kini giliran kita membalas kebaikan itu," kata perwakilan pemerintah.

Selain logistik, Indonesia juga mengirim tim medis beranggotakan 25 dokter dan perawat serta tim pemurnian air. Tim tersebut akan bertugas selama dua pekan di wilayah yang paling parah terdampak, di mana jumlah korban jiwa kini dilaporkan telah mencapai 38 orang dan ribuan rumah rusak berat.

Bantuan akan diserahkan melalui pusat koordinasi bantuan kemanusiaan ASEAN agar penyalurannya tidak tumpang tindih dengan bantuan negara lain. Pusat koordinasi itu memetakan kebutuhan di lapangan dan menentukan lokasi distribusi, sehingga barang yang dikirim benar-benar sesuai kebutuhan korban.

Duta Besar Filipina di Jakarta menyampaikan terima kasih atas bantuan tersebut. Menurut dia, kebutuhan paling mendesak saat ini adalah air bersih, tempat tinggal sementara, dan layanan kesehatan bagi pengungsi. Banyak warga masih tinggal di gedung sekolah dan balai desa karena rumah mereka hancur.

Tim medis Indonesia dijadwalkan membuka pos kesehatan lapangan di sebuah provinsi pesisir yang rumah sakitnya rusak diterjang angin. Selain mengobati luka dan penyakit, tim juga akan membantu layanan persalinan dan imunisasi darurat bagi anak-anak di pengungsian. Tim pemurnian air membawa peralatan yang mampu mengolah hingga 20.000 liter air bersih per hari.

Sejumlah lembaga kemanusiaan di Indonesia juga membuka penggalangan dana bagi korban topan. Pemerintah mengimbau masyarakat menyalurkan donasi melalui lembaga resmi yang memiliki izin pengumpulan dana dan laporan keuangan yang transparan.`,
		PhotoCaption: "Petugas memuat bantuan kemanusiaan untuk korban topan Filipina ke pesawat angkut di Jakarta.",
		PhotoCredit:  "Humas BNPB",
	},

	// --- Singletons ---------------------------------------------------------------
	{
		Title:    "Jepang Catat Rekor Wisatawan Asing, Kota Kecil Mulai Batasi Kunjungan",
		Excerpt:  "Lonjakan turis asing ke Jepang memecahkan rekor. Sejumlah kota kecil menerapkan tarif masuk dan pembatasan jam kunjungan demi kenyamanan warga.",
		Category: "internasional",
		Tags:     []string{"Jepang", "Pariwisata", "Overtourism"},
		Authors:  []string{"yusuf-hakim"},
		Story:    "jepang-rekor-wisatawan",
		HoursAgo: 700,
		Body: `Jepang mencatat rekor baru jumlah wisatawan asing. Dalam sembilan bulan pertama tahun ini, lebih dari 30 juta turis mancanegara berkunjung ke negeri itu, didorong oleh melemahnya nilai yen dan makin banyaknya rute penerbangan langsung dari berbagai negara, termasuk Indonesia.

Lonjakan tersebut membawa berkah bagi ekonomi, tetapi juga menimbulkan masalah baru. Di sejumlah kota kecil yang populer di media sosial, jalanan sempit dipadati turis sejak pagi. Warga mengeluhkan bus umum yang selalu penuh, sampah yang berserakan, serta wisatawan yang memotret rumah pribadi tanpa izin.

Beberapa pemerintah daerah mulai mengambil langkah pembatasan. Sebuah kota di kaki gunung memasang layar besar untuk menghalangi titik foto yang kerap menimbulkan kemacetan. Kota lain menerapkan tarif masuk bagi pengunjung kawasan bersejarah dan membatasi jumlah rombongan tur per hari.

Pejabat pariwisata setempat menyampaikan bahwa langkah tersebut bukan untuk menolak wisatawan. "Kami ingin turis tetap datang, tetapi warga juga harus bisa hidup dengan nyaman. Keseimbangan itu yang kami cari," ujarnya kepada media lokal.

Pemerintah pusat Jepang mendorong wisatawan menjelajahi daerah yang belum terlalu dikenal. Promosi diarahkan ke wilayah pedesaan, pemandian air panas di daerah pegunungan, dan kota-kota pelabuhan kecil. Insentif juga diberikan bagi operator tur yang mengembangkan paket perjalanan di luar jalur populer.

Pemerintah Jepang juga menimbang kenaikan pajak keberangkatan internasional dan pengenalan sistem pendaftaran elektronik sebelum kedatangan, serupa dengan yang diterapkan beberapa negara lain. Dana dari pungutan tersebut rencananya dipakai untuk memperbaiki fasilitas umum, menambah armada transportasi, dan mengelola sampah di daerah tujuan wisata yang kewalahan.

Bagi wisatawan Indonesia, agen perjalanan menyarankan untuk memesan akomodasi jauh hari dan menghindari musim puncak seperti periode bunga sakura. Wisatawan juga diimbau menghormati aturan setempat, misalnya tidak makan sambil berjalan di kawasan tertentu, membawa pulang sampah sendiri, dan tidak masuk ke area pribadi demi foto.`,
		PhotoCaption: "Wisatawan memadati jalan sempit di kawasan kota tua di Jepang.",
		PhotoCredit:  "Dok. Warta/Yusuf",
	},
	{
		Title:    "Gelombang Panas Landa Eropa Selatan, Suhu Udara Tembus 44 Derajat Celsius",
		Excerpt:  "Spanyol, Italia, dan Yunani mengeluarkan peringatan merah akibat gelombang panas. Sejumlah situs wisata ditutup pada siang hari dan kebakaran hutan merebak.",
		Category: "internasional",
		Tags:     []string{"Gelombang Panas", "Eropa", "Perubahan Iklim"},
		Authors:  []string{"yusuf-hakim"},
		Story:    "gelombang-panas-eropa",
		HoursAgo: 90,
		Body: `Gelombang panas ekstrem melanda Eropa bagian selatan dalam sepekan terakhir. Suhu udara di sejumlah kota di Spanyol, Italia, dan Yunani menembus 44 derajat Celsius, memaksa otoritas setempat mengeluarkan peringatan merah dan meminta warga tetap berada di dalam ruangan pada siang hari.

Di Yunani, kawasan wisata Akropolis di Athena ditutup antara pukul 12.00 dan 17.00 waktu setempat demi melindungi pengunjung dan petugas. Di Italia, pemerintah memperluas larangan bekerja di luar ruangan pada jam-jam terpanas bagi buruh bangunan dan pekerja pertanian di sejumlah wilayah.

Kebakaran hutan juga merebak di beberapa titik. Angin kencang dan vegetasi yang kering membuat api cepat menjalar. Petugas pemadam kebakaran dibantu pesawat pengebom air berjibaku memadamkan api di dekat permukiman, sementara ribuan warga dan turis dievakuasi dari desa-desa pesisir.

Rumah sakit melaporkan peningkatan pasien yang mengalami dehidrasi dan sengatan panas, terutama warga lanjut usia. Otoritas kesehatan membuka ruang pendingin umum di gedung-gedung pemerintah dan perpustakaan agar warga yang tidak memiliki pendingin udara di rumah bisa berteduh.

Para ilmuwan iklim menilai gelombang panas kini datang lebih sering, lebih lama, dan lebih intens dibandingkan beberapa dekade lalu. Menurut mereka, pemanasan global akibat emisi gas rumah kaca membuat peristiwa cuaca ekstrem seperti ini semakin mungkin terjadi. "Yang dulu dianggap luar biasa, kini menjadi kebiasaan musim panas," ujar seorang peneliti iklim di Madrid.

Gelombang panas juga memukul sektor pertanian. Petani zaitun dan anggur di sejumlah wilayah melaporkan tanaman yang layu sebelum waktunya, sementara waduk-waduk penampung air berada di bawah kapasitas normal. Beberapa kota mulai membatasi penggunaan air untuk menyiram taman dan mengisi kolam renang pribadi.

Kementerian Luar Negeri RI mengimbau WNI yang tinggal atau berwisata di Eropa selatan untuk memantau peringatan cuaca, banyak minum air, dan menghindari aktivitas fisik berat di luar ruangan. Wisatawan juga diminta mengikuti arahan evakuasi jika berada di dekat lokasi kebakaran hutan.`,
		PhotoCaption: "Warga berteduh di bawah semprotan air di sebuah alun-alun kota di Spanyol saat gelombang panas.",
		PhotoCredit:  "Dok. Warta/Yusuf",
	},
}
