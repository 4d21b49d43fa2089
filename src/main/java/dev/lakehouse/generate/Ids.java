package dev.lakehouse.generate;

import java.util.SplittableRandom;

/**
 * Deterministic ids: a prefix and 10 hex digits counting up from a start drawn from the run's
 * random source, so ids are unique within a run and unlikely to meet those of another day or seed.
 */
final class Ids {
  private static final char[] HEX = "0123456789abcdef".toCharArray();
  private static final int DIGITS = 10;

  private final String prefix;
  private long next;

  Ids(String prefix, SplittableRandom random) {
    this.prefix = prefix;
    this.next = random.nextLong() & ((1L << 38) - 1);
  }

  String next() {
    StringBuilder id = new StringBuilder(prefix.length() + DIGITS).append(prefix);
    appendHex(id, next++, DIGITS);
    return id.toString();
  }

  /** A zero-padded decimal id such as {@code u-00042}. */
  static String numbered(String prefix, int number, int digits) {
    String text = Integer.toString(number);
    StringBuilder id = new StringBuilder(prefix);
    id.append("0".repeat(Math.max(0, digits - text.length())));
    return id.append(text).toString();
  }

  /** 32 random hex digits, as in a W3C trace id. */
  static String traceId(SplittableRandom random) {
    StringBuilder id = new StringBuilder(32);
    appendHex(id, random.nextLong(), 16);
    appendHex(id, random.nextLong(), 16);
    return id.toString();
  }

  static void appendHex(StringBuilder out, long value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.append(HEX[(int) ((value >>> shift) & 0xF)]);
    }
  }
}
