package dev.lakehouse.generate;

/**
 * What a vulnerability scanner asks for: admin panels, secrets, backups, path traversal and SQL
 * injection, under a handful of directory prefixes so every probe is a different path.
 */
record ScanProbe(String method, String path, int status, String agent) {
  private static final String NIKTO = "Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000562)";
  private static final String SQLMAP = "sqlmap/1.7.2#stable (https://sqlmap.org)";
  private static final String[] PREFIXES = {"", "/old", "/blog", "/wordpress", "/test", "/backup", "/dev", "/site"};
  private static final String[] PATHS = {
      "/wp-login.php", "/wp-admin/", "/wp-admin.php", "/xmlrpc.php", "/.env", "/.git/config", "/.git/HEAD",
      "/phpmyadmin/", "/pma/", "/admin/", "/admin/login.php", "/administrator/", "/config.php", "/config.json",
      "/backup.zip", "/backup.sql", "/db.sql", "/.htaccess", "/.htpasswd", "/server-status", "/cgi-bin/test.cgi",
      "/../../etc/passwd", "/index.php?page=../../../../etc/passwd", "/shell.php", "/console/", "/manager/html",
      "/actuator/env", "/solr/admin/info/system", "/vendor/phpunit/phpunit/src/Util/PHP/eval-stdin.php",
      "/.aws/credentials", "/.DS_Store", "/web.config", "/owa/auth/logon.aspx", "/jenkins/login",
      "/index.php?id=1%27%20OR%20%271%27%3D%271",
      "/product?id=1%27%20OR%20%271%27%3D%271--",
      "/api/v1/users?id=1%20UNION%20SELECT%20username,password%20FROM%20users--",
      "/search?q=%27%3BDROP%20TABLE%20orders--",
      "/login?user=admin%27--&pass=x",
      "/cart?item=%3Cscript%3Ealert(1)%3C%2Fscript%3E"};

  /** The {@code index}-th probe; distinct for every index below PATHS x PREFIXES (320). */
  static ScanProbe at(int index) {
    String path = PREFIXES[(index / PATHS.length) % PREFIXES.length] + PATHS[index % PATHS.length];
    boolean isInjection = path.contains("%27") || path.contains("%3C");
    return new ScanProbe(index % 7 == 3 ? "HEAD" : "GET", path, status(path), isInjection ? SQLMAP : NIKTO);
  }

  // hidden files are forbidden, traversal is refused, the rest does not exist
  private static int status(String path) {
    if (path.contains("/.ht") || path.contains("/.git") || path.endsWith("server-status")) {
      return 403;
    }
    return path.contains("/../") ? 400 : 404;
  }
}
