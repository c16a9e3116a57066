package org.watchfloor.parse.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CharsetsTest {
  private static final String KOREAN = "김정은 위원장이 군수공장을 현지지도하며 미사일 생산 확대를 지시했다.";
  private static final Charset EUC_KR = Charset.forName("EUC-KR");

  private static byte[] html(String metaCharset, String body, Charset encoding) {
    String meta = metaCharset == null ? "" : "<meta charset=\"" + metaCharset + "\">";
    return ("<html><head>" + meta + "<title>t</title></head><body><p>" + body + "</p></body></html>").getBytes(encoding);
  }

  @Test
  void byteOrderMarkWinsOverEverything() {
    byte[] body = "<p>Kim</p>".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[body.length + 3];
    bytes[0] = (byte) 0xEF;
    bytes[1] = (byte) 0xBB;
    bytes[2] = (byte) 0xBF;
    System.arraycopy(body, 0, bytes, 3, body.length);

    Decoded d = Charsets.decode(bytes, "text/html; charset=windows-1252");

    assertThat(d.how()).isEqualTo("bom");
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(d.text()).isEqualTo("<p>Kim</p>");
  }

  @Test
  void utf16LittleEndianBom() {
    byte[] text = "<p>평양</p>".getBytes(StandardCharsets.UTF_16LE);
    byte[] bytes = new byte[text.length + 2];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xFE;
    System.arraycopy(text, 0, bytes, 2, text.length);
    assertThat(Charsets.decode(bytes, null).text()).isEqualTo("<p>평양</p>");
  }

  @Test
  void headerCharsetIsUsedWhenItFits() {
    Decoded d = Charsets.decode(html(null, KOREAN, EUC_KR), "text/html; charset=EUC-KR");
    assertThat(d.how()).isEqualTo("header");
    assertThat(d.charset()).isEqualTo(Charsets.CP949);
    assertThat(d.text()).contains(KOREAN);
    assertThat(d.problems()).isEmpty();
  }

  @Test
  void eucKrLabelDecodesCp949ExtensionSyllables() {
    // "똠" and "햏" exist only in the CP949 extension of EUC-KR.
    String extended = "똠방각하 햏 " + KOREAN;
    byte[] bytes = html("euc-kr", extended, Charsets.CP949);
    Decoded d = Charsets.decode(bytes, null);
    assertThat(d.how()).isEqualTo("meta");
    assertThat(d.text()).contains(extended);
  }

  @Test
  void metaCharsetIsFoundInTheFirstBytes() {
    Decoded d = Charsets.decode(html("ks_c_5601-1987", KOREAN, EUC_KR), null);
    assertThat(d.how()).isEqualTo("meta");
    assertThat(d.text()).contains(KOREAN);
  }

  @Test
  void httpEquivContentTypeIsAMetaDeclaration() {
    byte[] bytes = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
        + "</head><body>caf\u00e9 \u201cquoted\u201d</body></html>").getBytes(Charset.forName("windows-1252"));
    Decoded d = Charsets.decode(bytes, null);
    assertThat(d.how()).isEqualTo("meta");
    assertThat(d.text()).contains("caf\u00e9 \u201cquoted\u201d");
  }

  @Test
  void declaredUtf8ThatIsReallyEucKrIsCorrectedAndRecorded() {
    Decoded d = Charsets.decode(html("utf-8", KOREAN, EUC_KR), "text/html; charset=utf-8");
    assertThat(d.charset()).isEqualTo(Charsets.CP949);
    assertThat(d.how()).isEqualTo("sniffed");
    assertThat(d.text()).contains(KOREAN).doesNotContain("\uFFFD");
    assertThat(d.problems()).singleElement().asString().contains("UTF-8").contains("does not fit");
  }

  @Test
  void declaredEucKrThatIsReallyUtf8IsCorrectedAndRecorded() {
    Decoded d = Charsets.decode(html("euc-kr", KOREAN, StandardCharsets.UTF_8), null);
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(d.text()).contains(KOREAN);
    assertThat(d.problems()).singleElement().asString().contains("valid UTF-8");
  }

  @Test
  void iso88591IsReadAsWindows1252() {
    byte[] bytes = html("iso-8859-1", "\u201csmart quotes\u201d \u2014 na\u00efve", Charset.forName("windows-1252"));
    Decoded d = Charsets.decode(bytes, null);
    assertThat(d.charset()).isEqualTo(Charsets.WINDOWS_1252);
    assertThat(d.text()).contains("\u201csmart quotes\u201d \u2014 na\u00efve");
  }

  @Test
  void declaredLatin1ThatIsReallyKoreanIsCorrected() {
    Decoded d = Charsets.decode(html("iso-8859-1", KOREAN, EUC_KR), null);
    assertThat(d.charset()).isEqualTo(Charsets.CP949);
    assertThat(d.text()).contains(KOREAN);
    assertThat(d.problems()).isNotEmpty();
  }

  @Test
  void undeclaredBytesAreSniffed() {
    assertThat(Charsets.decode(html(null, KOREAN, StandardCharsets.UTF_8), null).charset())
        .isEqualTo(StandardCharsets.UTF_8);
    Decoded korean = Charsets.decode(html(null, KOREAN, EUC_KR), null);
    assertThat(korean.charset()).isEqualTo(Charsets.CP949);
    assertThat(korean.how()).isEqualTo("sniffed");
    Decoded latin = Charsets.decode(html(null, "Pr\u00e9sident fran\u00e7ais", Charset.forName("windows-1252")), null);
    assertThat(latin.charset()).isEqualTo(Charsets.WINDOWS_1252);
    assertThat(latin.text()).contains("Pr\u00e9sident fran\u00e7ais");
  }

  @Test
  void asciiWithoutDeclarationIsTheDefault() {
    Decoded d = Charsets.decode("<p>plain</p>".getBytes(StandardCharsets.US_ASCII), null);
    assertThat(d.how()).isEqualTo("default");
    assertThat(d.charset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void unknownLabelIsRecordedAndSniffed() {
    Decoded d = Charsets.decode(html("x-no-such-charset", KOREAN, StandardCharsets.UTF_8), null);
    assertThat(d.text()).contains(KOREAN);
    assertThat(d.problems()).anySatisfy(p -> assertThat(p).contains("x-no-such-charset"));
  }

  @Test
  void handWrittenUtf8CheckAgreesWithTheJdkOnRandomBytes() {
    Random random = new Random(20251226L);
    for (int i = 0; i < 5_000; i++) {
      byte[] bytes = new byte[random.nextInt(12)];
      random.nextBytes(bytes);
      boolean jdk = !new String(bytes, StandardCharsets.UTF_8).contains("\uFFFD")
          && java.util.Arrays.equals(new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), bytes);
      assertThat(Charsets.isValidUtf8(bytes)).as("bytes %s", java.util.Arrays.toString(bytes)).isEqualTo(jdk);
    }
  }

  @Test
  void neverThrowsOnRandomBytes() {
    Random random = new Random(42L);
    for (int i = 0; i < 500; i++) {
      byte[] bytes = new byte[random.nextInt(300)];
      random.nextBytes(bytes);
      Decoded d = Charsets.decode(bytes, random.nextBoolean() ? "text/html; charset=utf-8" : null);
      assertThat(d.text()).isNotNull();
    }
  }
}
