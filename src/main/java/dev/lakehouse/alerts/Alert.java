package dev.lakehouse.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One alert condition. Its id is derived from what it is about (domain, rule, subject, window), so
 * the same condition found again is the same alert, raised once.
 */
public record Alert(
    String domain,
    String rule,
    String severity,
    String subject,
    String message,
    Double value,
    String expectedRange,
    Instant windowStart,
    Instant windowEnd,
    Instant firstSeenAt) {

  public String alertId() {
    String key = String.join("|", domain, rule, subject,
        String.valueOf(windowStart), String.valueOf(windowEnd));
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
