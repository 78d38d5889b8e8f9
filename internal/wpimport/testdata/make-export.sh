#!/bin/sh
# Builds a small WordPress site with Debian's own WordPress and writes its
# genuine export (Tools → Export, i.e. export_wp()) to wordpress-export.xml,
# with the site's wp-content/uploads copied to uploads/. Nothing here is
# hand-written WXR: the content is made through WordPress's PHP API
# (build-site.php), the file by WordPress's exporter.
#
# Needs (Debian): apt-get install wordpress php-cli php-mysql php-gd mariadb-server
# Run as root from this folder: sh make-export.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/wxr.XXXXXX)
trap 'kill $(cat "$work/mysqld.pid" 2>/dev/null) 2>/dev/null || true; sleep 1; rm -rf "$work"' EXIT

# A private MariaDB on a socket only.
mariadb-install-db --no-defaults --datadir="$work/db" --user=root --auth-root-authentication-method=normal >/dev/null
mysqld --no-defaults --datadir="$work/db" --socket="$work/mysql.sock" --skip-networking --pid-file="$work/mysqld.pid" \
	--user=root --log-error="$work/mysqld.err" &
for i in $(seq 1 60); do [ -S "$work/mysql.sock" ] && break; sleep 0.5; done
mariadb --no-defaults --socket="$work/mysql.sock" -uroot -e "CREATE DATABASE wp CHARACTER SET utf8mb4"

# Debian's WordPress, with a configuration of our own.
cp -r /usr/share/wordpress "$work/wp"
rm -f "$work/wp/wp-config.php"
mkdir -p "$work/content/uploads"
cp -r /usr/share/wordpress/wp-content/themes "$work/content/" 2>/dev/null || true
cat > "$work/wp/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wp'); define('DB_USER', 'root'); define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:$work/mysql.sock'); define('DB_CHARSET', 'utf8mb4'); define('DB_COLLATE', '');
define('WP_CONTENT_DIR', '$work/content'); define('WP_HOME', 'https://lama.example.id'); define('WP_SITEURL', 'https://lama.example.id');
define('AUTH_KEY', 'x'); define('SECURE_AUTH_KEY', 'x'); define('LOGGED_IN_KEY', 'x'); define('NONCE_KEY', 'x');
\$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
PHP

WP_DIR="$work/wp" IMG_DIR="$work" php "$here/build-site.php" > "$here/wordpress-export.xml"
rm -rf "$here/uploads"
cp -r "$work/content/uploads" "$here/uploads"
echo "wrote $here/wordpress-export.xml and $here/uploads/"
