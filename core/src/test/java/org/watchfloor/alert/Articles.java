package org.watchfloor.alert;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.watchfloor.ingest.RawDocument;

/**
 * Short news texts written for these tests about one launch: a first report on the
 * South Korean military's word, a second on Japan's defence ministry's, and a later article
 * that recalls the launch in passing.
 */
public final class Articles {

  private Articles() {}

  public static final RawDocument SEOUL = doc("harbourwire.example/2025/05/08/launch", "Harbour Wire", "2025-05-08T11:20:00+09:00",
      "North Korea fires long-range missile into the sea", """
      SEOUL, May 8 (Harbour Wire) -- North Korea launched a Hwasong-18 intercontinental ballistic missile toward the sea \
      off its east coast on Thursday morning, South Korea's Joint Chiefs of Staff said.

      The missile flew about 1,000 km before falling into the water, the JCS said in a message to reporters. Seoul's \
      military said it had raised its watch and was sharing the data with Washington and Tokyo.
      """);

  public static final RawDocument TOKYO = doc("islandpost.example/news/2025-05-08-missile", "Island Post", "2025-05-08T14:05:00+09:00",
      "Japan says North Korean ICBM fell outside its waters", """
      TOKYO -- Japan's Ministry of Defense said on Thursday that an intercontinental ballistic missile fired by North \
      Korea flew for about 70 minutes and came down outside Japan's exclusive economic zone.

      Defence Minister officials said the missile reached an altitude of about 6,000 km. Tokyo lodged a protest \
      through diplomatic channels in Beijing.
      """);

  public static final RawDocument LATER = doc("harbourwire.example/2025/05/20/analysis", "Harbour Wire", "2025-05-20T09:00:00+09:00",
      "Seoul and Washington review missile defence plans", """
      SEOUL, May 20 (Harbour Wire) -- South Korean and American defence officials met in Seoul on Tuesday to review \
      joint plans for missile defence and the sharing of early-warning data.

      The meeting followed North Korea's launch of a Hwasong-18 intercontinental ballistic missile on May 8, which \
      the two allies condemned. Officials said further talks would be held in Washington in June.
      """);

  /** Another launch, two weeks after the first: news of its own. */
  public static final RawDocument NEXT = doc("harbourwire.example/2025/05/22/launch", "Harbour Wire", "2025-05-22T10:40:00+09:00",
      "North Korea fires short-range missiles two weeks after ICBM test", """
      SEOUL, May 22 (Harbour Wire) -- North Korea fired two short-range ballistic missiles into the sea off its east \
      coast on Thursday morning, South Korea's Joint Chiefs of Staff said, two weeks after its last long-range launch.

      The missiles flew about 350 km, the JCS said, and Japan's defence ministry said they fell outside its waters.
      """);

  public static RawDocument doc(String path, String outlet, String published, String title, String text) {
    return new RawDocument(path, null, RawDocument.Format.TEXT, text.getBytes(StandardCharsets.UTF_8),
        Map.of("outlet", outlet, "url", "https://" + path, "published", published, "title", title));
  }
}
