package org.watchfloor.resolve;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Article;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Claim;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Report;

/** Builders of test reports and articles. */
final class Reports {

  private Reports() {}

  static Report report(String id, String type, String evidence, @Nullable String attribution, String origin) {
    return report(id, type, evidence, attribution, origin, List.of());
  }

  static Report report(String id, String type, String evidence, @Nullable String attribution, String origin,
      List<Claim> claims) {
    return new Report(id, id.substring(0, id.indexOf('-')), type, EventDate.day(java.time.LocalDate.of(2024, 5, 17)),
        false, false, List.of("kim-jong-un"), List.of(), List.of(), Map.of(), evidence, 0, evidence.length(),
        attribution, Certainty.ASSERTED, origin, claims);
  }

  static Article article(String id, String text, @Nullable String byline, @Nullable String copyOf) {
    return new Article(id, null, null, "Example Daily", "A title", byline, null, "en", text, "h" + id, Set.of(),
        copyOf, Map.of(), List.of());
  }
}
