package dev.lakehouse.logs.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BadAgentsTest {

  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      sqlmap/1.7.2#stable (https://sqlmap.org)                                                  | sqlmap
      Mozilla/5.00 (Nikto/2.5.0) (Evasions:None) (Test:000562)                                  | nikto
      Mozilla/5.0 (compatible; Nmap Scripting Engine; https://nmap.org/book/nse.html)           | nmap
      masscan/1.3 (https://github.com/robertdavidgraham/masscan)                                | masscan
      Mozilla/5.0 zgrab/0.x                                                                     | zgrab
      gobuster/3.6                                                                              | gobuster
      DirBuster-1.0-RC1 (http://www.owasp.org/index.php/Category:OWASP_DirBuster_Project)       | dirbuster
      Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1) dirb/2.22                              | dirb
      WPScan v3.8.25 (https://wpscan.com/wordpress-security-scanner)                            | wpscan
      Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Acunetix-Product             | acunetix
      acunetix_wvs_security_test                                                                | acunetix
      Mozilla/5.0 (compatible; Nessus; +https://www.tenable.com)                                | nessus
      Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 5.1; Trident/4.0) (OpenVAS-VT 22.4.1)       | openvas
      w3af.org                                                                                  | w3af
      Mozilla/4.0 (Hydra)                                                                       | hydra
      Mozilla/5.0 (Windows NT 10.0; Win64; x64) Nuclei - Open-source project (github.com/projectdiscovery/nuclei) | nuclei
      fimap.googlecode.com/v1.00                                                                | fimap
      Havij                                                                                     | havij
      ZmEu                                                                                      | zmeu
      Morfeus Fucking Scanner                                                                   | morfeus
      Mozilla/5.0 Jorgee                                                                        | jorgee
      SQLMAP/1.0                                                                                | sqlmap
      """)
  void attackToolsAreNamedInLowerCase(String userAgent, String tool) {
    assertThat(BadAgents.tool(userAgent)).isEqualTo(tool);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @NullAndEmptySource
  @ValueSource(strings = {
      "-",
      " ",
      "curl/8.4.0",
      "Wget/1.21.4",
      "python-requests/2.31.0",
      "Go-http-client/1.1",
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "HydraBrowser/2.0",
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) SQLmapper/1.0",
      "nucleiapp/4.2 (iOS)"})
  void browsersCrawlersAndGeneralClientsAreNoTool(String userAgent) {
    assertThat(BadAgents.tool(userAgent)).isNull();
  }
}
