package org.watchfloor.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Article;
import org.watchfloor.model.Published;
import org.watchfloor.profile.WatchProfile;

class DatelinesTest {

  @Test
  void wireDatelinesEndAfterTheirDash() {
    assertThat(end("SEOUL, South Korea (AP) — North Korea fired a missile.")).isEqualTo("SEOUL, South Korea (AP) — ".length());
    assertThat(end("SEOUL (Reuters) - North Korea fired a missile.")).isEqualTo("SEOUL (Reuters) - ".length());
    assertThat(end("Pyongyang, May 2 (KCNA) -- The drill was held.")).isEqualTo("Pyongyang, May 2 (KCNA) -- ".length());
    assertThat(end("SEOUL/WASHINGTON -- Officials said.")).isEqualTo("SEOUL/WASHINGTON -- ".length());
    assertThat(end("PAJU, South Korea — Trucks returned.")).isEqualTo("PAJU, South Korea — ".length());
  }

  @Test
  void aSentenceOpeningOnANameAndADashIsNoDateline() {
    assertThat(end("Pyongyang — which denies any test — said nothing.")).isZero();
    assertThat(end("North Korea fired a missile on Friday.")).isZero();
    assertThat(end("")).isZero();
  }

  @Test
  void theDatelinesCityIsNoLocationOfTheLaunchButThePlacesTheStoryNamesAre() {
    Extractor extractor = new Extractor(WatchProfile.load("dprk"));
    Article a = new Article("d1", "https://news.example/dateline", null, "Harbour Wire", "North Korea fires a ballistic missile",
        null, Published.ofDate(LocalDate.parse("2024-06-04"), ZoneOffset.UTC), "en",
        "SEOUL, June 4 (Harbour Wire) -- North Korea fired a short-range ballistic missile from the Wonsan area"
            + " into the East Sea on Tuesday, South Korea's Joint Chiefs of Staff said.\n\n"
            + "The missile flew about 300 km before it fell into the sea, the military said.", "h", Set.of(), null,
        Map.of(), List.of());
    List<String> locations = extractor.extract(a).reports().stream()
        .filter(r -> r.eventType().equals("missile_launch") && !r.background())
        .flatMap(r -> r.locations().stream()).toList();
    assertThat(locations).isNotEmpty().doesNotContain("Seoul");
  }

  private static int end(String text) {
    return Datelines.end(text);
  }
}
