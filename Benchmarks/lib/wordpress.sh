# WordPress from Debian as the benchmark's peer: MariaDB and PHP-FPM started as our own processes
# on sockets in a work folder (no network port, nothing system-wide is started or changed), and
# Debian's WordPress files copied there with a wp-config.php of ours. nginx (started by the caller)
# serves it through `wordpress_nginx_server`.
#
#   source Benchmarks/lib/wordpress.sh
#   wordpress_start WORK          # sets wp_root, wp_fpm_socket; appends to pids
#   (nginx with $(wordpress_nginx_server PORT) in its http block)
#   wordpress_install URL TITLE BODY_HTML_FILE COMMENTS   # prints the article's URL
#   wordpress_cpu_pids            # PIDs whose CPU time is WordPress's (PHP-FPM and MariaDB)

# Debian installs the default theme only as a recommendation (which need_packages does not take):
# without it WordPress answers every page with an empty 200.
wordpress_packages=(wordpress wordpress-theme-twentytwentythree php-fpm php-mysql mariadb-server)

wordpress_start() {
  local work=$1
  wp_dir="$work/wp"
  wp_root="$wp_dir/wordpress"
  wp_db_socket="$wp_dir/mysqld.sock"
  wp_fpm_socket="$wp_dir/php-fpm.sock"
  mkdir -p "$wp_dir/mysql"
  chmod 755 "$wp_dir"
  local as_user=()
  [ "$(id -u)" = "0" ] && as_user=(--user=root)

  mariadb-install-db --no-defaults --datadir="$wp_dir/mysql" --auth-root-authentication-method=normal \
    --skip-test-db "${as_user[@]}" >"$wp_dir/mysql-install.log" 2>&1
  mariadbd --no-defaults --datadir="$wp_dir/mysql" --socket="$wp_db_socket" --skip-networking \
    --pid-file="$wp_dir/mysqld.pid" --log-error="$wp_dir/mysqld.log" "${as_user[@]}" &
  pids+=("$!")
  wp_mariadb_pid=$!
  local waited=0
  until mariadb --no-defaults --socket="$wp_db_socket" -uroot -e "SELECT 1" >/dev/null 2>&1; do
    sleep 0.2
    waited=$((waited + 1))
    [ "$waited" -lt 300 ] || { echo "MariaDB did not start; see $wp_dir/mysqld.log" >&2; return 1; }
  done
  mariadb --no-defaults --socket="$wp_db_socket" -uroot -e "CREATE DATABASE wordpress CHARACTER SET utf8mb4"

  cp -a /usr/share/wordpress "$wp_root"
  cat >"$wp_root/wp-config.php" <<PHP
<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'root');
define('DB_PASSWORD', '');
define('DB_HOST', 'localhost:$wp_db_socket');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_CONTENT_DIR', '$wp_root/wp-content');
// Nothing may leave loopback: no update checks, no pings; cron runs inside requests disabled so
// every measured request does the same work.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
\$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', '$wp_root/');
require_once ABSPATH . 'wp-settings.php';
PHP

  local fpm
  fpm=$(ls /usr/sbin/php-fpm* | head -n 1)
  local run_as="" root_flag=()
  if [ "$(id -u)" = "0" ]; then run_as="user = root"; root_flag=(-R); fi
  # Debian's pool defaults, except a fixed number of workers so the run does not measure spawning.
  cat >"$wp_dir/php-fpm.conf" <<CONF
[global]
pid = $wp_dir/php-fpm.pid
error_log = $wp_dir/php-fpm.log
daemonize = no
[wordpress]
$run_as
listen = $wp_fpm_socket
listen.mode = 0666
pm = static
pm.max_children = 8
CONF
  "$fpm" --nodaemonize "${root_flag[@]}" --fpm-config "$wp_dir/php-fpm.conf" >"$wp_dir/php-fpm.out" 2>&1 &
  pids+=("$!")
  wp_fpm_pid=$!
  waited=0
  until [ -S "$wp_fpm_socket" ]; do
    sleep 0.2
    waited=$((waited + 1))
    [ "$waited" -lt 150 ] || { echo "PHP-FPM did not start; see $wp_dir/php-fpm.log" >&2; return 1; }
  done
}

# The nginx server block for WordPress on 127.0.0.1:PORT.
wordpress_nginx_server() {
  cat <<CONF
  server {
    listen 127.0.0.1:$1;
    root $wp_root;
    index index.php;
    location / { try_files \$uri \$uri/ /index.php?\$args; }
    location ~ \.php\$ {
      include /etc/nginx/fastcgi_params;
      fastcgi_param SCRIPT_FILENAME \$document_root\$fastcgi_script_name;
      # Debian's fastcgi_params send the host without the port; WordPress needs it to build its links.
      fastcgi_param HTTP_HOST \$host:\$server_port;
      fastcgi_pass unix:$wp_fpm_socket;
    }
  }
CONF
}

# Runs WordPress's installer, then publishes one article with the given title and body and
# COMMENTS approved comments (two thirds of them replies). Prints the article's URL.
wordpress_install() {
  local url=$1 title=$2 body_file=$3 comments=$4
  local password="bench-$RANDOM-$RANDOM"
  curl -sS -o "$wp_dir/install.html" --fail "$url/wp-admin/install.php?step=2" \
    --data-urlencode "weblog_title=The Riverton Gazette" --data-urlencode "user_name=editor" \
    --data-urlencode "admin_password=$password" --data-urlencode "admin_password2=$password" \
    --data-urlencode "pw_weak=1" --data-urlencode "admin_email=editor@riverton-gazette.example" \
    --data-urlencode "blog_public=0" --data-urlencode "language="
  python3 - "$url" "$title" "$body_file" "$comments" <<'PY' | mariadb --no-defaults --socket="$wp_db_socket" -uroot -N -B wordpress >"$wp_dir/article-path"
import sys
url, title, body, count = sys.argv[1], sys.argv[2], open(sys.argv[3], encoding="utf-8").read(), int(sys.argv[4])

def q(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"

words = ("the council vote on rents came after months of hearings and neighbours who say they were "
         "never asked what they needed from the new plan for the river district").split()
print("SET @now = NOW();")
# The installer guesses the address without the port; links and canonical redirects need it.
print(f"UPDATE wp_options SET option_value = {q(url)} WHERE option_name IN ('siteurl', 'home');")
print(
    "INSERT INTO wp_posts (post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, "
    "post_status, comment_status, ping_status, post_name, to_ping, pinged, post_modified, post_modified_gmt, "
    "post_content_filtered, post_type, comment_count) VALUES "
    f"(1, @now, UTC_TIMESTAMP(), {q(body)}, {q(title)}, '', 'publish', 'open', 'open', 'benchmark-article', '', '', "
    f"@now, UTC_TIMESTAMP(), '', 'post', {count});")
print("SET @post = LAST_INSERT_ID();")
for n in range(count):
    text = " ".join(words[(n + i) % len(words)] for i in range(40 + (n * 7) % 60)).capitalize() + "."
    parent = f"@c{n - n % 3}" if n % 3 else "0"
    print(
        "INSERT INTO wp_comments (comment_post_ID, comment_author, comment_author_email, comment_author_url, "
        "comment_author_IP, comment_date, comment_date_gmt, comment_content, comment_approved, comment_agent, "
        f"comment_type, comment_parent, user_id) VALUES (@post, {q(f'Reader {n + 1}')}, "
        f"{q(f'reader{n + 1}@example.com')}, '', '127.0.0.1', @now - INTERVAL {count - n} HOUR, "
        f"UTC_TIMESTAMP() - INTERVAL {count - n} HOUR, {q(text)}, '1', '', 'comment', {parent}, 0);")
    print(f"SET @c{n} = LAST_INSERT_ID();")
print("SELECT CONCAT('/?p=', @post);")
PY
  # The installer turns on pretty permalinks when they work; follow the redirect to the address.
  curl -sS -o /dev/null -L --fail -w '%{url_effective}' "$url$(tail -n 1 "$wp_dir/article-path")"
}

wordpress_cpu_pids() {
  echo "$wp_mariadb_pid"
  pgrep -P "$wp_fpm_pid" || true
  echo "$wp_fpm_pid"
}
