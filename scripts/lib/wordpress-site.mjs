// The throwaway WordPress site that with-wordpress.mjs serves: a copy of Debian's WordPress with
// our own wp-config.php, a router for PHP's built-in server, and the installer script.
import { randomBytes } from 'node:crypto';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the site into `site` and router.php and install.php beside it in `dir`. */
export function writeSite({ core, dir, site, socket, url, port }) {
  cpSync(core, site, {
    recursive: true,
    verbatimSymlinks: true,
    // Debian's wp-config.php reads /etc/wordpress; ours below stands alone. Translations are
    // 30 MB the English site never reads.
    filter: (path) =>
      ![
        join(core, 'wp-config.php'),
        join(core, '.htaccess'),
        join(core, 'wp-content/languages'),
      ].includes(path),
  });
  const salts = ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE']
    .flatMap((k) => [`${k}_KEY`, `${k}_SALT`])
    .map((name) => `define('${name}', '${randomBytes(32).toString('hex')}');`)
    .join('\n');
  writeFileSync(
    join(site, 'wp-config.php'),
    `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', 'wordpress');
define('DB_HOST', 'localhost:${socket}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
$table_prefix = 'wp_';
${salts}
define('WP_HOME', '${url}');
define('WP_SITEURL', '${url}');
// Application Passwords need https, or a site that says it is local.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_DEBUG', false);
// Nothing leaves the machine: no update checks, no cron calling home.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_CONTENT_DIR', __DIR__ . '/wp-content');
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
  );
  // PHP's built-in server: files that exist are served as they are, the rest goes to WordPress.
  writeFileSync(
    join(dir, 'router.php'),
    `<?php
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
$file = realpath(__DIR__ . '/site' . $path);
if ($file !== false && str_starts_with($file, __DIR__ . '/site/') && is_file($file)) return false;
if ($file !== false && is_dir($file) && is_file($file . '/index.php')) return false;
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = __DIR__ . '/site/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
chdir(__DIR__ . '/site');
require __DIR__ . '/site/index.php';
`,
  );
  writeFileSync(
    join(dir, 'install.php'),
    `<?php
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '127.0.0.1:${port}';
$_SERVER['REQUEST_URI'] = '/';
require ${JSON.stringify(join(site, 'wp-load.php'))};
// No mail server here: skip the "your new site" email.
function wp_new_blog_notification() {}
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$args = json_decode(stream_get_contents(STDIN), true);
$result = wp_install('Weeknotes test blog', $args['admin'], 'admin@example.test', false, '', $args['adminPassword']);
update_option('permalink_structure', '/%year%/%monthnum%/%postname%/');
global $wp_rewrite;
$wp_rewrite->init();
flush_rewrite_rules(false);
$writer = wp_insert_user([
  'user_login' => 'writer',
  'user_pass' => wp_generate_password(24),
  'user_email' => 'writer@example.test',
  'display_name' => 'Test Writer',
  'role' => 'author',
]);
if (is_wp_error($writer)) { fwrite(STDERR, $writer->get_error_message()); exit(1); }
$created = WP_Application_Passwords::create_new_application_password($writer, ['name' => 'Weeknotes tests']);
if (is_wp_error($created)) { fwrite(STDERR, $created->get_error_message()); exit(1); }
echo json_encode(['user' => 'writer', 'appPassword' => WP_Application_Passwords::chunk_password($created[0])]);
`,
  );
}
