package org.watchfloor.serve.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.watchfloor.model.Article;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Claim;
import org.watchfloor.model.Conflict;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Report;
import org.watchfloor.serve.ContractJson;

class ClaimTableTest {

  private static ContractJson.ReportView view(String id, String outlet, LocalDate day, List<Claim> claims) {
    Article a = new Article("a-" + id, null, null, outlet, "t", null, null, "en", "text", "h" + id,
        EnumSet.noneOf(org.watchfloor.model.ArticleFlag.class), null, Map.of(), List.of());
    Report r = new Report(id, a.id(), "missile_launch", EventDate.day(day), false, false, List.of(), List.of(),
        List.of(), Map.of(), "Evidence of " + outlet + ".", 0, 4, null, Certainty.ASSERTED, "origin-" + outlet, claims);
    return new ContractJson.ReportView(r, a);
  }

  @Test
  void conflictingValuesStandSideBySideWithTheirOutlets() {
    var kcna = view("r1", "KCNA", LocalDate.of(2023, 11, 21), List.of(new Claim("range_km", "1000", 0, 4)));
    var wire = view("r2", "Wire", LocalDate.of(2023, 11, 22), List.of(new Claim("range_km", "1000", 0, 4)));
    Event e = new Event("e1", "missile_launch", EventDate.day(LocalDate.of(2023, 11, 22)), false, List.of(), List.of(),
        List.of(), Map.of(), "A launch.", 0.9, 2, 2,
        List.of(new Conflict("date", List.of(new Conflict.Value("2023-11-22", List.of("r2")),
            new Conflict.Value("2023-11-21", List.of("r1"))))));

    ClaimTable t = ClaimTable.of(e, List.of(kcna, wire));

    ClaimTable.Field date = t.fields().stream().filter(f -> f.name().equals("date")).findFirst().orElseThrow();
    assertThat(date.conflict()).isTrue();
    assertThat(date.values()).extracting(ClaimTable.Value::value).containsExactly("2023-11-22", "2023-11-21");
    assertThat(date.values().get(0).sources()).extracting(ClaimTable.Source::outlet).containsExactly("Wire");
    assertThat(date.values().get(1).sources()).extracting(ClaimTable.Source::evidence).containsExactly("Evidence of KCNA.");
    ClaimTable.Field range = t.fields().stream().filter(f -> f.name().equals("range_km")).findFirst().orElseThrow();
    assertThat(range.conflict()).isFalse();
    assertThat(range.values()).hasSize(1);
    assertThat(range.values().get(0).sources()).extracting(ClaimTable.Source::outlet).containsExactly("KCNA", "Wire");
  }

  @Test
  void retellingsOfOneOriginThatPlaceTheEventDifferentlyDifferWithoutConflict() {
    String plantText = "Kim ordered more shells. He toured two arms plants, where he gave the order.";
    String meetingText = "Kim ordered more shells. The order came at a two-day session.";
    Article plantArticle = new Article("a-p", null, null, "Plant Post", "t", null, null, "en", plantText, "hp",
        EnumSet.noneOf(org.watchfloor.model.ArticleFlag.class), null, Map.of(), List.of());
    Article meetingArticle = new Article("a-m", null, null, "Session Daily", "t", null, null, "en", meetingText, "hm",
        EnumSet.noneOf(org.watchfloor.model.ArticleFlag.class), null, Map.of(), List.of());
    int plantFrom = plantText.indexOf("He toured");
    int meetingFrom = meetingText.indexOf("The order");
    Report plant = new Report("rp", "a-p", "production_directive", EventDate.day(LocalDate.of(2025, 3, 13)), false,
        false, List.of(), List.of(), List.of(), Map.of(), "Kim ordered more shells.", 0, 24, null, Certainty.ASSERTED,
        "kcna", List.of(new Claim("occasion", "factory visit", plantFrom, plantText.length())));
    Report meeting = new Report("rm", "a-m", "production_directive", EventDate.weekOf(LocalDate.of(2025, 3, 13)), false,
        false, List.of(), List.of(), List.of(), Map.of(), "Kim ordered more shells.", 0, 24, null, Certainty.ASSERTED,
        "kcna", List.of(new Claim("occasion", "meeting", meetingFrom, meetingText.length())));
    Event e = new Event("e2", "production_directive", EventDate.day(LocalDate.of(2025, 3, 13)), false, List.of(),
        List.of(), List.of(), Map.of("occasion", "factory visit"), "Kim ordered more shells.", 0.6, 2, 1, List.of());

    ClaimTable t = ClaimTable.of(e, List.of(new ContractJson.ReportView(plant, plantArticle),
        new ContractJson.ReportView(meeting, meetingArticle)));

    ClaimTable.Field occasion = t.fields().stream().filter(f -> f.name().equals("occasion")).findFirst().orElseThrow();
    assertThat(occasion.conflict()).isFalse();
    assertThat(occasion.differs()).isTrue();
    assertThat(occasion.values()).extracting(ClaimTable.Value::value).containsExactly("factory visit", "meeting");
    assertThat(occasion.values().get(0).sources()).singleElement().satisfies(s -> {
      assertThat(s.outlet()).isEqualTo("Plant Post");
      assertThat(s.evidence()).isEqualTo("He toured two arms plants, where he gave the order.");
    });
    assertThat(occasion.values().get(1).sources()).extracting(ClaimTable.Source::evidence)
        .containsExactly("The order came at a two-day session.");
    ClaimTable.Field date = t.fields().stream().filter(f -> f.name().equals("date")).findFirst().orElseThrow();
    assertThat(date.differs()).isFalse();
  }
  @Test
  void eachSideOfAConflictShowsTheSentenceThatStatesItWithALinkThatHighlightsIt() {
    String seoulText = "North Korea fired a missile. It flew 400 km, the JCS said.";
    String tokyoText = "A missile was fired. Tokyo said it flew 650 km before it fell.";
    Article seoul = new Article("a-s", null, null, "Seoul Wire", "t", null, null, "en", seoulText, "hs",
        EnumSet.noneOf(org.watchfloor.model.ArticleFlag.class), null, Map.of(), List.of());
    Article tokyo = new Article("a-t", null, null, "Tokyo Times", "t", null, null, "en", tokyoText, "ht",
        EnumSet.noneOf(org.watchfloor.model.ArticleFlag.class), null, Map.of(), List.of());
    int at400 = seoulText.indexOf("400");
    int at650 = tokyoText.indexOf("650");
    Report rs = new Report("rs", "a-s", "missile_launch", EventDate.day(LocalDate.of(2024, 5, 16)), false, false,
        List.of(), List.of(), List.of(), Map.of(), "North Korea fired a missile.", 0, 28, null, Certainty.ASSERTED,
        "jcs", List.of(new Claim("range_km", "400", at400, at400 + 6)));
    Report rt = new Report("rt", "a-t", "missile_launch", EventDate.day(LocalDate.of(2024, 5, 16)), false, false,
        List.of(), List.of(), List.of(), Map.of(), "A missile was fired.", 0, 20, null, Certainty.ASSERTED,
        "japan-mod", List.of(new Claim("range_km", "650", at650, at650 + 6)));
    Event e = new Event("e3", "missile_launch", EventDate.day(LocalDate.of(2024, 5, 16)), false, List.of(), List.of(),
        List.of(), Map.of("range_km", "400"), "North Korea fired a missile.", 0.8, 2, 2,
        List.of(new Conflict("range_km", List.of(new Conflict.Value("400", List.of("rs")),
            new Conflict.Value("650", List.of("rt"))))));

    ClaimTable t = ClaimTable.of(e, List.of(new ContractJson.ReportView(rs, seoul), new ContractJson.ReportView(rt, tokyo)));

    ClaimTable.Field range = t.fields().stream().filter(f -> f.name().equals("range_km")).findFirst().orElseThrow();
    assertThat(range.conflict()).isTrue();
    ClaimTable.Source s400 = range.values().get(0).sources().get(0);
    ClaimTable.Source s650 = range.values().get(1).sources().get(0);
    assertThat(s400.evidence()).isEqualTo("It flew 400 km, the JCS said.");
    assertThat(s650.evidence()).isEqualTo("Tokyo said it flew 650 km before it fell.");
    int from = seoulText.indexOf("It flew");
    assertThat(s400.href()).isEqualTo("/articles/a-s?from=" + from + "&to=" + seoulText.length() + "#sentence");
    assertThat(seoulText.substring(s400.start(), s400.end())).isEqualTo(s400.evidence());
  }
}
