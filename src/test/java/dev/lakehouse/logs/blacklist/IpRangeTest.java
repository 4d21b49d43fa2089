package dev.lakehouse.logs.blacklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpRangeTest {
  @ParameterizedTest
  @CsvSource({
      "203.0.113.7, 203.0.113.7, 00000000000000000000ffffcb007107, 00000000000000000000ffffcb007107",
      "203.0.113.77/24, 203.0.113.0/24, 00000000000000000000ffffcb007100, 00000000000000000000ffffcb0071ff",
      "10.0.0.0/8, 10.0.0.0/8, 00000000000000000000ffff0a000000, 00000000000000000000ffff0affffff",
      "2001:DB8:0:0:0:0:0:1, 2001:db8::1, 20010db8000000000000000000000001, 20010db8000000000000000000000001",
      "2001:db8::/32, 2001:db8::/32, 20010db8000000000000000000000000, 20010db8ffffffffffffffffffffffff",
      "0.0.0.0/0, 0.0.0.0/0, 00000000000000000000ffff00000000, 00000000000000000000ffffffffffff"})
  void parsesAndNormalizesAddressesAndBlocks(String text, String entry, String start, String end) {
    assertThat(IpRange.parse(text)).isEqualTo(new IpRange(entry, start, end));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "example.com|is not an IP address",
      "256.1.1.1|is not an IP address",
      "10.0.0.0/33|must be 0 to 32",
      "2001:db8::/129|must be 0 to 128",
      "10.0.0.0/x|must be 0 to 32",
      "2001:db8:::1|is not an IP address"})
  void rejectsWhatIsNotAnAddressNamingTheValue(String text, String rule) {
    assertThatThrownBy(() -> IpRange.parse(text)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'").hasMessageContaining(rule);
  }

  @Test
  void rangesMatchTheirAddressesOnly() {
    AddressRanges ranges = AddressRanges.of(List.of(IpRange.parse("203.0.113.0/24"), IpRange.parse("203.0.113.128/25"),
        IpRange.parse("2001:db8::/32"), IpRange.parse("192.0.2.1")));

    assertThat(ranges.contains("203.0.113.0")).isTrue();
    assertThat(ranges.contains("203.0.113.255")).isTrue();
    assertThat(ranges.contains("203.0.114.0")).isFalse();
    assertThat(ranges.contains("192.0.2.1")).isTrue();
    assertThat(ranges.contains("192.0.2.2")).isFalse();
    assertThat(ranges.contains("2001:db8:ffff::5")).isTrue();
    assertThat(ranges.contains("2001:db9::1")).isFalse();
    // an IPv4 address never falls in an IPv6 block that does not map it
    assertThat(ranges.contains("::1")).isFalse();
    assertThat(ranges.contains("not-an-ip")).isFalse();
    assertThat(ranges.contains(null)).isFalse();
    assertThat(AddressRanges.of(List.of()).contains("203.0.113.1")).isFalse();
  }
}
