package org.watchfloor.parse.html;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The site of a URL: the domain registered under its public suffix, whatever the suffix's length. */
class SitesTest {

  @ParameterizedTest
  @CsvSource({
    "https://news.example.co.uk/world/1, example.co.uk",
    "https://www.example.com.au/a, example.com.au",
    "https://m.ministry.go.kr/b, ministry.go.kr",
    "https://english.paper.co.kr/c, paper.co.kr",
    "http://WWW.Example.COM/d, example.com",
    "https://m.dw.de/e, dw.de",
    "https://edition.cnn.it/f, cnn.it",
    "https://www.kcna.kp/en/article, kcna.kp",
    "https://deep.sub.example.org./g, example.org",
    "https://someone.blogspot.com/h, someone.blogspot.com",
    "https://www.gov.uk/i, www.gov.uk",
  })
  void theSiteIsTheDomainRegisteredUnderThePublicSuffix(String url, String site) {
    assertThat(Sites.of(url)).isEqualTo(site);
  }

  @ParameterizedTest
  @CsvSource({
    "http://192.168.0.12/page, 192.168.0.12",
    "http://10.1.2.3:8080/x, 10.1.2.3",
    "http://[2001:db8::1]/y, [2001:db8::1]",
    "http://localhost:7070/z, localhost",
    "http://intranet/w, intranet",
  })
  void anIpAddressOrASingleLabelIsItsOwnSite(String url, String site) {
    assertThat(Sites.of(url)).isEqualTo(site);
  }

  @ParameterizedTest
  @CsvSource({
    "https://www.example.internal/a, example.internal",
    "https://a.b.example.invalidtld/b, example.invalidtld",
  })
  void aHostUnderNoListedSuffixKeepsItsLastTwoLabels(String url, String site) {
    assertThat(Sites.of(url)).isEqualTo(site);
  }

  @ParameterizedTest
  @CsvSource(value = {"NULL", "''", "'   '", "/relative/path", "mailto:someone@example.org", "http://bad host/"},
      nullValues = "NULL")
  void noHostIsNoSite(String url) {
    assertThat(Sites.of(url)).isNull();
  }
}
