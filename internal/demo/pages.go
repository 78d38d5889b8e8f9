package demo

import (
	"context"
	"fmt"

	"warta/internal/domain"
	"warta/internal/render"
	"warta/internal/store"
)

// SeedPage is one of the demo site's institutional pages, in Markdown.
type SeedPage struct {
	Slug, Title, Body string
}

// Pages are the institutional pages every Indonesian news site carries,
// linked from the footer in this order; admins edit them in the newsroom.
var Pages = []SeedPage{
	{Slug: "tentang-kami", Title: "Tentang Kami", Body: `Warta adalah media siber berita umum yang terbit dari Jakarta. Kami menyajikan berita nasional, internasional, ekonomi, olahraga, teknologi, hiburan, dan gaya hidup bagi pembaca di seluruh Indonesia, dengan bahasa yang jernih dan waktu yang selalu ditulis dalam WIB.

## Yang kami pegang

- **Akurat lebih dulu, cepat kemudian.** Setiap berita melalui verifikasi; berita yang masih menunggu konfirmasi kami tandai dengan jelas.
- **Berimbang.** Pihak yang diberitakan kami beri kesempatan menjelaskan, dan hak jawab kami muat dengan tautan ke berita asalnya.
- **Terbuka soal kesalahan.** Ralat dan koreksi tampil di bawah berita yang bersangkutan, lengkap dengan waktunya.
- **Berita dan iklan terpisah.** Isi berbayar selalu diberi label "Iklan".

Kami bekerja menurut Undang-Undang Nomor 40 Tahun 1999 tentang Pers, Kode Etik Jurnalistik, dan [Pedoman Pemberitaan Media Siber](/halaman/pedoman-media-siber) yang ditetapkan Dewan Pers.

Susunan pengelola ada di halaman [Redaksi](/halaman/redaksi); saran, keluhan, dan hak jawab dapat dikirim lewat halaman [Kontak](/halaman/kontak).`},
	{Slug: "redaksi", Title: "Redaksi", Body: `Susunan redaksi dan pengelola Warta.

## Redaksi

- **Pemimpin Redaksi / Penanggung Jawab:** Rina Wulandari
- **Wakil Pemimpin Redaksi:** Yusuf Hakim
- **Redaktur Pelaksana:** Dewi Anggraini
- **Redaktur:** Bima Prasetyo (Olahraga), Fajar Nugroho (Teknologi), Sari Handayani (Hiburan dan Gaya Hidup)
- **Reporter:** tim desk Nasional, Internasional, Ekonomi, Olahraga, Teknologi, Hiburan, dan Gaya Hidup
- **Fotografer dan Multimedia:** tim foto Warta

## Perusahaan

- **Penerbit:** PT Warta Media Nusantara (contoh untuk situs demo)
- **Alamat redaksi:** Jl. Contoh Raya No. 1, Jakarta Pusat 10110
- **Email redaksi:** redaksi@warta.example

Wartawan Warta dibekali kartu pers dan tanda pengenal redaksi dalam bertugas. Pihak yang mengaku wartawan Warta tanpa tanda pengenal tersebut bukan bagian dari kami; laporkan lewat halaman [Kontak](/halaman/kontak).`},
	{Slug: "pedoman-media-siber", Title: "Pedoman Media Siber", Body: `Warta memuat halaman ini sebagaimana diwajibkan bagi setiap media siber. Yang berlaku adalah **Pedoman Pemberitaan Media Siber** yang disusun Dewan Pers bersama komunitas pers di Jakarta pada 3 Februari 2012 dan dikukuhkan dengan Peraturan Dewan Pers Nomor 1/Peraturan-DP/III/2012. Di bawah ini ringkasan isinya menurut susunan aslinya, disusul cara Warta menerapkannya; bila ada perbedaan, naskah resmi Dewan Pers yang berlaku.

Kemerdekaan berpendapat, berekspresi, dan pers adalah hak asasi manusia yang dilindungi Pancasila, UUD 1945, dan Deklarasi Universal HAM PBB. Keberadaan media siber di Indonesia juga bagian dari kemerdekaan itu. Media siber memiliki karakter khusus sehingga memerlukan pedoman agar pengelolaannya dilaksanakan secara profesional, memenuhi fungsi, hak, dan kewajibannya sesuai UU Pers dan Kode Etik Jurnalistik.

## 1. Ruang lingkup

- **Media siber** adalah segala bentuk media yang menggunakan wahana internet dan melaksanakan kegiatan jurnalistik, serta memenuhi persyaratan UU Pers dan Standar Perusahaan Pers yang ditetapkan Dewan Pers.
- **Isi buatan pengguna** (*user generated content*) adalah segala isi yang dibuat dan/atau dipublikasikan pengguna media siber: artikel, gambar, komentar, suara, video, dan unggahan lain yang melekat pada media siber, seperti blog, forum, dan komentar pembaca.

## 2. Verifikasi dan keberimbangan berita

- Pada prinsipnya setiap berita harus melalui verifikasi.
- Berita yang dapat merugikan pihak lain memerlukan verifikasi pada berita yang sama untuk memenuhi prinsip akurasi dan keberimbangan.
- Pengecualian hanya bila sekaligus: beritanya mengandung kepentingan publik yang mendesak; sumber pertamanya jelas identitasnya, kredibel, dan kompeten; subjek yang harus dikonfirmasi tidak diketahui keberadaannya atau tidak dapat diwawancarai; dan media menjelaskan kepada pembaca bahwa berita itu masih memerlukan verifikasi lebih lanjut, di akhir berita yang sama, dalam kurung dan huruf miring.
- Sesudah itu media wajib meneruskan upaya verifikasi dan memuat hasilnya sebagai berita pemutakhiran, dengan tautan ke berita yang belum terverifikasi.

## 3. Isi buatan pengguna

- Media siber wajib mencantumkan syarat dan ketentuan tentang isi buatan pengguna yang tidak bertentangan dengan UU Pers dan Kode Etik Jurnalistik, di tempat yang terang dan jelas.
- Media siber mewajibkan pengguna mendaftar dan masuk terlebih dahulu untuk memublikasikan isi buatan pengguna.
- Pengguna menyetujui bahwa isinya tidak memuat kebohongan, fitnah, kesadisan, dan kecabulan; tidak memuat prasangka dan kebencian terkait suku, agama, ras, dan antargolongan (SARA) atau anjuran kekerasan; tidak memuat diskriminasi atas dasar jenis kelamin dan bahasa; dan tidak merendahkan martabat orang lemah, miskin, sakit, atau penyandang disabilitas.
- Media siber berwenang mutlak menyunting atau menghapus isi buatan pengguna yang melanggar ketentuan itu, dan wajib menyediakan mekanisme pengaduan yang mudah dijangkau.
- Isi yang dilaporkan dan terbukti melanggar wajib disunting, dihapus, atau dikoreksi sesegera mungkin, **paling lambat 2 × 24 jam** setelah pengaduan diterima. Media yang memenuhi ketentuan ini tidak dibebani tanggung jawab atas isi pengguna yang melanggar; media yang tidak bertindak dalam batas waktu itu ikut bertanggung jawab.

## 4. Ralat, koreksi, dan hak jawab

- Ralat, koreksi, dan hak jawab mengacu pada UU Pers, Kode Etik Jurnalistik, dan Pedoman Hak Jawab Dewan Pers.
- Ralat, koreksi, dan hak jawab wajib ditautkan pada berita yang diralat, dikoreksi, atau diberi hak jawab, dan wajib mencantumkan waktu pemuatannya.
- Bila berita sebuah media siber disebarluaskan media siber lain, tanggung jawab pembuat berita terbatas pada berita di medianya sendiri; media yang mengutip wajib ikut mengoreksi, dan bila tidak, menanggung sendiri akibat hukum berita yang tidak dikoreksinya.
- Sesuai UU Pers, media siber yang tidak melayani hak jawab dapat dijatuhi pidana denda paling banyak Rp500.000.000.

## 5. Pencabutan berita

- Berita yang sudah dipublikasikan tidak dapat dicabut karena alasan penyensoran dari pihak luar redaksi, kecuali terkait SARA, kesusilaan, masa depan anak, pengalaman traumatik korban, atau pertimbangan khusus lain yang ditetapkan Dewan Pers.
- Media siber lain wajib mengikuti pencabutan kutipan berita dari media asal yang telah dicabut.
- Pencabutan wajib disertai alasannya dan diumumkan kepada publik.

## 6. Iklan

- Media siber wajib membedakan dengan tegas produk berita dan iklan.
- Setiap isi yang merupakan iklan atau isi berbayar wajib diberi keterangan "advertorial", "iklan", "ads", "sponsored", atau kata lain yang menjelaskan bahwa isi itu iklan.

## 7. Hak cipta

Media siber wajib menghormati hak cipta sebagaimana diatur peraturan perundang-undangan yang berlaku.

## 8. Pencantuman pedoman

Media siber wajib mencantumkan Pedoman Pemberitaan Media Siber di medianya secara terang dan jelas.

## 9. Sengketa

Penilaian akhir atas sengketa mengenai pelaksanaan pedoman ini diselesaikan oleh Dewan Pers.

## Penerapannya di Warta

- **Komentar** pembaca adalah isi buatan pengguna. Komentar yang melanggar butir 3 kami sunting atau hapus; komentar dapat ditahan untuk dimoderasi sebelum tampil. Laporan atas komentar dapat dikirim lewat halaman [Kontak](/halaman/kontak) dan kami tindak paling lambat 2 × 24 jam.
- **Ralat dan pembaruan** tampil di bawah berita yang bersangkutan dengan label dan waktunya.
- **Iklan** di halaman berita tampil dalam kotak berlabel "Iklan", terpisah dari isi berita.
- **Hak jawab** dapat dikirim ke redaksi@warta.example; kami muat dengan tautan ke berita yang dijawab.`},
	{Slug: "kontak", Title: "Kontak", Body: `Kami senang mendengar dari pembaca.

## Redaksi

- **Email:** redaksi@warta.example (saran berita, ralat, hak jawab)
- **Telepon:** (021) 000-0000, Senin–Jumat pukul 09.00–17.00 WIB
- **Alamat:** Jl. Contoh Raya No. 1, Jakarta Pusat 10110

## Hak jawab dan pengaduan

Sertakan tautan berita atau komentar yang dimaksud, bagian yang Anda persoalkan, dan penjelasan Anda. Pengaduan atas komentar pembaca kami tindak paling lambat 2 × 24 jam, sesuai [Pedoman Media Siber](/halaman/pedoman-media-siber).

## Iklan dan kerja sama

- **Email:** iklan@warta.example

Data yang Anda kirim lewat email hanya kami pakai untuk menjawab Anda; lihat [Kebijakan Privasi](/halaman/kebijakan-privasi).`},
	{Slug: "kebijakan-privasi", Title: "Kebijakan Privasi", Body: `Kebijakan ini menjelaskan data apa yang dikumpulkan Warta saat Anda membaca, berkomentar, memberi reaksi, atau mengikuti polling, dan untuk apa data itu dipakai, sejalan dengan Undang-Undang Nomor 27 Tahun 2022 tentang Pelindungan Data Pribadi.

## Data yang kami kumpulkan

- **Saat membaca:** jumlah kunjungan per berita, tanpa nama atau akun. Kami tidak memasang pelacak iklan atau analitik pihak ketiga.
- **Saat berkomentar:** nama yang Anda tulis, isi komentar, dan email bila Anda mengisinya. Email tidak pernah ditampilkan.
- **Saat memberi reaksi atau suara polling:** sebuah kuki pembaca dan sidik acak dari alamat jaringan Anda, agar satu pembaca tidak dihitung berkali-kali. Alamat IP tidak kami simpan dalam bentuk aslinya.

## Kuki

Warta memakai satu kuki pembaca untuk mengingat reaksi dan suara Anda. Kuki ini tidak dipakai untuk iklan dan tidak dibagikan ke pihak lain. Menghapus kuki berarti situs lupa pilihan Anda.

## Berapa lama data disimpan

Komentar disimpan selama beritanya tayang atau sampai Anda meminta penghapusan. Catatan teknis (log) server dihapus secara berkala.

## Hak Anda

Anda dapat meminta salinan, perbaikan, atau penghapusan data Anda (misalnya komentar) lewat halaman [Kontak](/halaman/kontak). Kami menjawab dalam 3 × 24 jam hari kerja.

## Perubahan kebijakan

Bila kebijakan ini berubah, tanggal "Terakhir diperbarui" di bawah halaman ini ikut berubah.`},
}

// seedPages stores the institutional pages on a site that has none yet
// (a demo seeded before they existed gets them too).
func seedPages(ctx context.Context, st *store.Store, r *render.Renderer) error {
	have, err := st.StaticPages(ctx)
	if err != nil || len(have) > 0 {
		return err
	}
	for i, p := range Pages {
		html, err := r.Markdown(p.Body)
		if err != nil {
			return err
		}
		if err := st.SaveStaticPage(ctx, domain.StaticPage{Slug: p.Slug, Title: p.Title, BodySource: p.Body, BodyHTML: html, Position: (i + 1) * 10}); err != nil {
			return fmt.Errorf("seed page %s: %w", p.Slug, err)
		}
	}
	return nil
}
