<?php
// Builds the small site make-export.sh exports, through WordPress's own PHP
// API, then prints export_wp()'s file (what Tools → Export downloads).
$_SERVER['HTTP_HOST'] = 'lama.example.id';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define('WP_INSTALLING', true);
require getenv('WP_DIR') . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/export.php';

ob_start(); // the installer and the API talk; only the export goes out
wp_install('Kabar Lama', 'redaksi', 'redaksi@lama.example.id', true, '', 'rahasia-sekali-123');
update_option('timezone_string', 'Asia/Jakarta');
update_option('blogdescription', 'Berita dari Nusantara');
global $wp_rewrite;
$wp_rewrite->set_permalink_structure('/%year%/%monthnum%/%day%/%postname%/');
$admin = get_user_by('login', 'redaksi');
wp_update_user(['ID' => $admin->ID, 'display_name' => 'Redaksi Kabar', 'first_name' => 'Redaksi', 'last_name' => 'Kabar']);
$siti = wp_insert_user(['user_login' => 'siti', 'user_pass' => 'kata-sandi-siti', 'user_email' => 'siti@lama.example.id',
	'display_name' => 'Siti Rahmawati', 'first_name' => 'Siti', 'last_name' => 'Rahmawati', 'role' => 'author']);
$budi = wp_insert_user(['user_login' => 'budi', 'user_pass' => 'kata-sandi-budi', 'user_email' => 'budi@lama.example.id',
	'display_name' => 'Budi Santoso', 'role' => 'contributor']);

// Categories, one a child of another, and tags.
$nasional = wp_insert_term('Nasional', 'category', ['slug' => 'nasional', 'description' => 'Berita dalam negeri']);
$politik = wp_insert_term('Politik', 'category', ['slug' => 'politik', 'parent' => $nasional['term_id']]);
$olahraga = wp_insert_term('Olahraga', 'category', ['slug' => 'olahraga']);
$ekonomi = wp_insert_term('Ekonomi & Bisnis', 'category', ['slug' => 'ekonomi-bisnis']);
foreach ([['Banjir', 'banjir'], ['Pemilu 2024', 'pemilu-2024'], ['Sepak Bola', 'sepak-bola'], ['Jakarta', 'jakarta']] as $t) {
	wp_insert_term($t[0], 'post_tag', ['slug' => $t[1]]);
}

function dates($gmt) { // a GMT time and the same moment in the site zone (WIB)
	return ['post_date_gmt' => $gmt, 'post_date' => get_date_from_gmt($gmt)];
}

function photo($file, $title, $caption, $credit, $parent, $gmt) {
	$up = wp_upload_bits(basename($file), null, file_get_contents($file), '2024/06');
	$id = wp_insert_attachment(array_merge(['post_mime_type' => 'image/jpeg', 'post_title' => $title,
		'post_excerpt' => $caption, 'post_content' => '', 'post_status' => 'inherit'], dates($gmt)), $up['file'], $parent);
	$meta = wp_generate_attachment_metadata($id, $up['file']);
	$meta['image_meta']['credit'] = $credit;
	wp_update_attachment_metadata($id, $meta);
	update_post_meta($id, '_wp_attachment_image_alt', $title);
	return $id;
}

// Two photos for the posts, drawn with GD.
$img = getenv('IMG_DIR');
foreach (['banjir' => [29, 78, 137], 'stadion' => [20, 120, 40]] as $name => $rgb) {
	$im = imagecreatetruecolor(640, 400);
	for ($y = 0; $y < 400; $y++) {
		$c = imagecolorallocate($im, min(255, $rgb[0] + $y / 3), min(255, $rgb[1] + $y / 4), max(0, $rgb[2] - $y / 5));
		imageline($im, 0, $y, 639, $y, $c);
	}
	imagefilledellipse($im, 320, 200, 220, 140, imagecolorallocate($im, 240, 240, 230));
	imagejpeg($im, "$img/$name.jpg", 85);
}

// 1. A Gutenberg post with a featured image, threaded comments, one held
//    and one spam.
$p1 = wp_insert_post(array_merge([
	'post_title' => 'Banjir Rendam Ribuan Rumah di Jakarta Timur',
	'post_name' => 'banjir-rendam-ribuan-rumah',
	'post_excerpt' => 'Hujan deras sejak malam membuat Kali Sunter meluap.',
	'post_status' => 'publish', 'post_author' => $siti,
	'post_category' => [$nasional['term_id']], 'tags_input' => ['banjir', 'jakarta'],
	'post_content' => "<!-- wp:paragraph -->\n<p>Hujan deras sejak Rabu malam membuat <strong>Kali Sunter</strong> meluap.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:heading -->\n<h2>Pengungsi</h2>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>Sebanyak 1.200 warga mengungsi ke masjid dan sekolah.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>Air naik cepat sekali.</p><cite>Warga Cipinang</cite></blockquote>\n<!-- /wp:quote -->",
], dates('2024-06-20 04:34:00')));
$f1 = photo("$img/banjir.jpg", 'Banjir di Cipinang', 'Warga menerobos banjir di Cipinang Melayu, Kamis pagi.', 'Antara/Reno Esnir', $p1, '2024-06-20 04:30:00');
set_post_thumbnail($p1, $f1);
$c1 = wp_insert_comment(['comment_post_ID' => $p1, 'comment_author' => 'Andi', 'comment_author_email' => 'andi@contoh.id',
	'comment_content' => 'Semoga cepat surut.', 'comment_approved' => 1, 'comment_date_gmt' => '2024-06-20 05:00:00', 'comment_date' => '2024-06-20 12:00:00']);
wp_insert_comment(['comment_post_ID' => $p1, 'comment_author' => 'Rina', 'comment_author_email' => 'rina@contoh.id',
	'comment_content' => 'Amin. Rumah saya juga kena.', 'comment_approved' => 1, 'comment_parent' => $c1,
	'comment_date_gmt' => '2024-06-20 05:10:00', 'comment_date' => '2024-06-20 12:10:00']);
wp_insert_comment(['comment_post_ID' => $p1, 'comment_author' => 'Tamu', 'comment_author_email' => 'tamu@contoh.id',
	'comment_content' => 'Komentar ini menunggu moderasi.', 'comment_approved' => 0,
	'comment_date_gmt' => '2024-06-20 06:00:00', 'comment_date' => '2024-06-20 13:00:00']);
wp_insert_comment(['comment_post_ID' => $p1, 'comment_author' => 'Obat Murah', 'comment_author_email' => 'spam@spam.example',
	'comment_content' => 'Beli obat murah di sini!', 'comment_approved' => 'spam',
	'comment_date_gmt' => '2024-06-20 07:00:00', 'comment_date' => '2024-06-20 14:00:00']);

// 2. A classic-editor post with shortcodes, a script a bad plugin left, and
//    two categories (one the child).
$f2 = photo("$img/stadion.jpg", 'Stadion Utama', 'Suasana Stadion Utama Gelora Bung Karno.', 'Dok. Kabar', 0, '2024-06-21 01:00:00');
$p2 = wp_insert_post(array_merge([
	'post_title' => 'Timnas Menang 2-0, Stadion Bergemuruh',
	'post_status' => 'publish', 'post_author' => $admin->ID,
	'post_category' => [$olahraga['term_id'], $politik['term_id']], 'tags_input' => ['sepak-bola'],
	'post_content' => "[caption id=\"attachment_$f2\" align=\"aligncenter\" width=\"640\"]<img class=\"size-full wp-image-$f2\" src=\"https://lama.example.id/wp-content/uploads/2024/06/stadion.jpg\" alt=\"Stadion Utama\" width=\"640\" height=\"400\" /> Suasana stadion sebelum laga.[/caption]\n\nTimnas menang <em>2-0</em> atas tamunya.\n\nGol kedua lahir dari sundulan.\n\n[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]\n\n[gallery ids=\"$f2,$f1\" columns=\"2\"]\n\n[contact-form-7 id=\"12\" title=\"Kontak\"]\n\n<script>alert('plugin lama')</script>\n<p onclick=\"steal()\">Laporan lengkap menyusul.</p>",
], dates('2024-06-21 13:05:00')));
wp_update_post(['ID' => $f2, 'post_parent' => $p2]);

// 3. Scheduled, draft, pending, private and trashed posts.
wp_insert_post(array_merge(['post_title' => 'Jadwal Debat Capres Diumumkan', 'post_status' => 'future', 'post_author' => $siti,
	'post_category' => [$politik['term_id']], 'tags_input' => ['pemilu-2024'],
	'post_content' => "<!-- wp:paragraph -->\n<p>KPU mengumumkan jadwal debat.</p>\n<!-- /wp:paragraph -->"], dates('2030-01-15 02:00:00')));
wp_insert_post(array_merge(['post_title' => 'Draf: Harga Cabai Naik', 'post_status' => 'draft', 'post_author' => $budi,
	'post_category' => [$ekonomi['term_id']], 'post_content' => '<p>Harga cabai rawit naik dua kali lipat.</p>'], dates('2024-06-22 03:00:00')));
wp_insert_post(array_merge(['post_title' => 'Menunggu Editor: Rupiah Menguat', 'post_status' => 'pending', 'post_author' => $budi,
	'post_category' => [$ekonomi['term_id']], 'post_content' => '<p>Rupiah menguat tipis.</p>'], dates('2024-06-22 04:00:00')));
wp_insert_post(array_merge(['post_title' => 'Catatan Pribadi Redaksi', 'post_status' => 'private', 'post_author' => $admin->ID,
	'post_content' => '<p>Hanya untuk redaksi.</p>'], dates('2024-06-22 05:00:00')));
$trash = wp_insert_post(array_merge(['post_title' => 'Berita Salah Terbit', 'post_status' => 'publish', 'post_author' => $admin->ID,
	'post_content' => '<p>Dihapus.</p>'], dates('2024-06-18 05:00:00')));
wp_trash_post($trash);

// 4. An older post (2023) and a page.
wp_insert_post(array_merge(['post_title' => 'Inflasi Tahunan Turun ke 2,8 Persen', 'post_status' => 'publish', 'post_author' => $siti,
	'post_category' => [$ekonomi['term_id'], $nasional['term_id']], 'tags_input' => ['jakarta'],
	'post_excerpt' => 'BPS mencatat inflasi melandai.',
	'post_content' => "<!-- wp:paragraph -->\n<p>Badan Pusat Statistik mencatat inflasi tahunan 2,8 persen.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:list -->\n<ul><li>Pangan turun</li><li>Energi stabil</li></ul>\n<!-- /wp:list -->"],
	dates('2023-12-01 02:15:00')));
wp_insert_post(array_merge(['post_title' => 'Tentang Kami', 'post_type' => 'page', 'post_status' => 'publish', 'post_author' => $admin->ID,
	'post_content' => "<!-- wp:paragraph -->\n<p>Kabar Lama adalah portal berita sejak 2010.</p>\n<!-- /wp:paragraph -->"], dates('2020-01-01 00:00:00')));

wp_delete_post(1, true); // WordPress's "Hello world!"
wp_delete_post(2, true); // and its "Sample Page"
ob_end_clean();
export_wp(['content' => 'all']);
