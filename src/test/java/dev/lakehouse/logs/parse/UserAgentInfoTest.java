package dev.lakehouse.logs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class UserAgentInfoTest {

  @ParameterizedTest(name = "{1} on {2}, {3}")
  @CsvSource(delimiter = '|', textBlock = """
      Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 | Chrome | Windows | desktop
      Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15 | Safari | macOS | desktop
      Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0 | Firefox | Linux | desktop
      Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0 | Edge | Windows | desktop
      Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36 OPR/114.0.0.0 | Opera | Windows | desktop
      Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 | Chrome | ChromeOS | desktop
      Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1 | Safari | iOS | mobile
      Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/130.0.6723.90 Mobile/15E148 Safari/604.1 | Chrome | iOS | mobile
      Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.86 Mobile Safari/537.36 | Chrome | Android | mobile
      Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36 | Samsung Internet | Android | mobile
      Mozilla/5.0 (Android 14; Mobile; rv:132.0) Gecko/132.0 Firefox/132.0 | Firefox | Android | mobile
      Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36 EdgA/130.0.0.0 | Edge | Android | mobile
      Mozilla/5.0 (iPad; CPU OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1 | Safari | iOS | tablet
      Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 | Chrome | Android | tablet
      Mozilla/5.0 (Android 14; Tablet; rv:132.0) Gecko/132.0 Firefox/132.0 | Firefox | Android | tablet
      Mozilla/5.0 (Linux; Android 12; CUBOT X30) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36 | Chrome | Android | mobile
      Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko | Internet Explorer | Windows | desktop
      Mozilla/4.08 [en] (Win98; I ;Nav) | Other | Other | other
      """)
  void browsersOperatingSystemsAndDevices(String userAgent, String browser, String os, String deviceClass) {
    assertThat(UserAgentInfo.of(userAgent)).isEqualTo(new UserAgentInfo(browser, os, deviceClass, false));
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) | Googlebot
      Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.6723.69 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html) | Googlebot
      Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) | bingbot
      Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/) | AhrefsBot
      Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html) | Baiduspider
      Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots) | YandexBot
      CCBot/2.0 (https://commoncrawl.org/faq/) | CCBot
      Mozilla/5.0 (compatible; SomeCrawler/1.0) | SomeCrawler
      curl/8.4.0 | curl
      Wget/1.21.4 | Wget
      python-requests/2.31.0 | python-requests
      Go-http-client/1.1 | Go-http-client
      sqlmap/1.7.2#stable (https://sqlmap.org) | sqlmap
      Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000562) | Nikto
      Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36 | HeadlessChrome
      """)
  void botsAreBotsNamedAsTheyWriteThemselves(String userAgent, String name) {
    UserAgentInfo info = UserAgentInfo.of(userAgent);
    assertThat(info.isBot()).isTrue();
    assertThat(info.deviceClass()).isEqualTo("bot");
    assertThat(info.browser()).isEqualTo(name);
  }

  @Test
  void answersStayTheSameAfterManyDistinctAgents() {
    String chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
    UserAgentInfo expected = new UserAgentInfo("Chrome", "Windows", "desktop", false);
    assertThat(UserAgentInfo.of(chrome)).isEqualTo(expected);
    for (int i = 0; i < 25_000; i++) {
      assertThat(UserAgentInfo.of("python-requests/2." + i).isBot()).isTrue();
    }
    assertThat(UserAgentInfo.of(new String(chrome))).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"-", "  "})
  void missingAgentsAreOther(String userAgent) {
    assertThat(UserAgentInfo.of(userAgent)).isEqualTo(new UserAgentInfo("Other", "Other", "other", false));
  }
}
