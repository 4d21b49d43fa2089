package dev.lakehouse.logs.security;

/**
 * A kind of attack a request's path or query tries, as {@link ProbeSignatures} recognises it. Declared in the
 * order {@link ProbeSignatures#firstProbe} reports them: the database first, then the browser, then the file
 * system.
 */
public enum ProbeKind {
  /** Text that closes or extends an SQL statement: {@code ' or '1'='1}, {@code union select}, {@code sleep(5)}. */
  SQL_INJECTION("sql_injection"),
  /** Markup or script meant to run in someone's browser: {@code <script>}, {@code onerror=}, {@code javascript:}. */
  XSS("xss"),
  /** A climb out of the web root or a system file: {@code ../}, {@code /etc/passwd}, {@code c:\windows}. */
  PATH_TRAVERSAL("path_traversal");

  private final String ruleId;

  ProbeKind(String ruleId) {
    this.ruleId = ruleId;
  }

  /** The id alerts and tables use for this kind: {@code sql_injection}, {@code xss} or {@code path_traversal}. */
  public String ruleId() {
    return ruleId;
  }
}
