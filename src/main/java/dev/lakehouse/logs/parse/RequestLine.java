package dev.lakehouse.logs.parse;

/**
 * The parts of an HTTP request line {@code METHOD target PROTOCOL}. A line that is no request (a
 * {@code -}, a TLS handshake sent to the HTTP port, scanner noise) has all parts null.
 */
record RequestLine(String method, String path, String query, String protocol) {
  static final RequestLine NONE = new RequestLine(null, null, null, null);
  // RFC 9110 tchar: letters, digits and !#$%&'*+-.^_`|~
  private static final boolean[] TOKEN_CHARS = tokenChars();

  /**
   * Splits on the first space (method) and the last one when a protocol {@code HTTP/...} follows it; the
   * target in between keeps any spaces, and splits into path and query on its first {@code ?}.
   */
  static RequestLine of(String raw) {
    int methodEnd = raw.indexOf(' ');
    if (methodEnd <= 0 || !isToken(raw, methodEnd)) {
      return NONE;
    }
    int protocolStart = raw.lastIndexOf(' ') + 1;
    boolean hasProtocol = protocolStart > methodEnd + 1 && raw.startsWith("HTTP/", protocolStart);
    String method = raw.substring(0, methodEnd);
    String target = raw.substring(methodEnd + 1, hasProtocol ? protocolStart - 1 : raw.length());
    if (!isTarget(method, target)) {
      return NONE;
    }
    return withTarget(method, target, hasProtocol ? raw.substring(protocolStart) : null);
  }

  private static RequestLine withTarget(String method, String target, String protocol) {
    int question = target.indexOf('?');
    if (question < 0) {
      return new RequestLine(method, target, null, protocol);
    }
    return new RequestLine(method, target.substring(0, question), target.substring(question + 1), protocol);
  }

  // origin form "/x", asterisk form "*", absolute form "http://host/x", authority form "host:443" of CONNECT
  private static boolean isTarget(String method, String target) {
    if (target.isEmpty()) {
      return false;
    }
    char first = target.charAt(0);
    return first == '/' || target.equals("*") || target.contains("://") || method.equals("CONNECT");
  }

  private static boolean isToken(String raw, int end) {
    for (int i = 0; i < end; i++) {
      char c = raw.charAt(i);
      if (c >= TOKEN_CHARS.length || !TOKEN_CHARS[c]) {
        return false;
      }
    }
    return true;
  }

  private static boolean[] tokenChars() {
    boolean[] isTokenChar = new boolean[128];
    for (char c = 0; c < isTokenChar.length; c++) {
      isTokenChar[c] = Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
    return isTokenChar;
  }
}
