package dev.lakehouse.logs.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlTextTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      /Products/ABC                    | /products/abc
      /a%20b%2Fc                       | /a b/c
      /a+b?q=c+d&e=f%2Bg               | /a+b?q=c d&e=f g
      /x?q=%2527                       | /x?q='
      /x?q=%252527                     | /x?q=%27
      /x?q=%u002E%u002e                | /x?q=..
      /x?q=%c0%ae%C0%AF                | /x?q=./
      /x?q=%c0%41                      | /x?q=\u00c0a
      /a%                              | /a%
      /a%2                             | /a%2
      /a%zz%g1%                        | /a%zz%g1%
      /a%%41                           | /a%a
      /x?q=%u12                        | /x?q=%u12
      /x?q=%e9t%C3%A9                  | /x?q=\u00e9t\u00c3\u00a9
      """)
  // bytes become Latin-1 characters and only ASCII is lower-cased: UTF-8 %C3%A9 stays two characters
  void decodesTwiceLowerCasesAndKeepsWhatIsNoEscape(String raw, String text) {
    assertThat(UrlText.matchable(raw, null)).isEqualTo(text);
  }

  @Test
  void aQueryIsJoinedWithQuestionMarkOrAmpersand() {
    assertThat(UrlText.matchable("/search", "q=A+B")).isEqualTo("/search?q=a b");
    assertThat(UrlText.matchable("/search?lang=en", "q=a+b")).isEqualTo("/search?lang=en&q=a b");
    assertThat(UrlText.matchable(null, "q=a+b")).isEqualTo("?q=a b");
    assertThat(UrlText.matchable(null, null)).isEmpty();
  }

  @Test
  void plainLowerCaseTextIsReturnedAsItIs() {
    String path = "/category/books?page=2";
    assertThat(UrlText.matchable(path, null)).isSameAs(path);
  }
}
