package dev.lakehouse.logs.blacklist;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * One address or CIDR block, as an inclusive range of 128-bit numbers written as 32 hex digits, so
 * ranges compare as strings (in SQL too). IPv4 addresses live in the IPv4-mapped block
 * {@code ::ffff:0:0/96}, which keeps both families in one order without overlapping.
 */
public record IpRange(String entry, String start, String end) {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");
  private static final BigInteger IPV4_MAPPED = BigInteger.valueOf(0xffffL).shiftLeft(32);
  private static final BigInteger ALL_ONES_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

  /**
   * Parses {@code 203.0.113.7}, {@code 203.0.113.0/24}, {@code 2001:db8::1} or {@code 2001:db8::/32}.
   *
   * @throws IllegalArgumentException naming the value and the rule it breaks
   */
  public static IpRange parse(String text) {
    String value = text == null ? "" : text.trim();
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    BigInteger number = number(address);
    if (number == null) {
      throw new IllegalArgumentException("'" + text + "' is not an IP address or CIDR block (e.g. 203.0.113.7, 203.0.113.0/24, 2001:db8::/32)");
    }
    boolean v4 = !address.contains(":");
    int bits = v4 ? 32 : 128;
    int prefix = bits;
    if (slash >= 0) {
      String length = value.substring(slash + 1);
      if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
        throw new IllegalArgumentException("'" + text + "' has prefix length '" + length + "': must be 0 to " + bits);
      }
      prefix = Integer.parseInt(length);
    }
    BigInteger hostMask = BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
    BigInteger first = number.andNot(hostMask);
    BigInteger last = first.or(hostMask);
    String normalized = (v4 ? v4Text(first.subtract(IPV4_MAPPED)) : v6Text(first)) + (prefix == bits ? "" : "/" + prefix);
    return new IpRange(normalized, hex(first), hex(last.and(ALL_ONES_128)));
  }

  /** The 32-hex-digit key of an address, or null when the text is not an IP address literal. */
  public static String key(String address) {
    BigInteger number = address == null ? null : number(address.trim());
    return number == null ? null : hex(number);
  }

  public boolean contains(String address) {
    String key = key(address);
    return key != null && key.compareTo(start) >= 0 && key.compareTo(end) <= 0;
  }

  // IPv4 as ::ffff:a.b.c.d; IPv6 literals only (never a host name, so never a DNS lookup)
  private static BigInteger number(String address) {
    var v4 = IPV4.matcher(address);
    if (v4.matches()) {
      long value = 0;
      for (int i = 1; i <= 4; i++) {
        int octet = Integer.parseInt(v4.group(i));
        if (octet > 255) {
          return null;
        }
        value = (value << 8) | octet;
      }
      return IPV4_MAPPED.or(BigInteger.valueOf(value));
    }
    if (!address.contains(":") || !IPV6.matcher(address).matches()) {
      return null;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      BigInteger value = new BigInteger(1, bytes);
      return bytes.length == 4 ? IPV4_MAPPED.or(value) : value;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static String hex(BigInteger value) {
    String digits = value.toString(16);
    return "0".repeat(32 - digits.length()) + digits;
  }

  private static String v4Text(BigInteger value) {
    long v = value.longValue();
    return ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
  }

  // RFC 5952 text: lower case, the longest run of two or more zero groups as ::
  private static String v6Text(BigInteger value) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(i, j);
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        text.append("::");
        i += bestLength - 1;
        continue;
      }
      if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
        text.append(':');
      }
      text.append(Integer.toHexString(groups[i]));
    }
    return text.toString();
  }
}
