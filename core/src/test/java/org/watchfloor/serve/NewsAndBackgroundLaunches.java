package org.watchfloor.serve;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.model.Certainty;
import org.watchfloor.model.Event;
import org.watchfloor.model.EventDate;
import org.watchfloor.model.Origin;
import org.watchfloor.model.Report;
import org.watchfloor.store.Store;

/**
 * A store of one launch told as news and one older launch only recalled in passing by the same
 * article ("the first test of the type, in November 2017"), as the sample corpus's reports recall
 * older launches: what the launch table lists by default (the news) and when asked (both).
 */
public final class NewsAndBackgroundLaunches {

  /** The launch the article is news of. */
  public static final String NEWS = "news-launch";

  /** The older launch the article recalls for context. */
  public static final String RECALLED = "recalled-launch";

  private NewsAndBackgroundLaunches() {}

  /** Writes the article, its two reports and their events into {@code store}. */
  public static void fill(Store store) {
    String text = "Pyongyang fired an ICBM into the Sea of Japan on Tuesday morning, Seoul's military said. "
        + "The type was first flown in November 2017.";
    Article a = new Article("a1", "https://example.org/icbm", null, "Example Daily", "ICBM fired", null, null, "en",
        text, "h-a1", Set.of(), null, Map.of(), List.of());
    Report news = report("a1-r0", EventDate.day(LocalDate.of(2024, 5, 14)), false, text, 0, text.indexOf(". ") + 1);
    Report recalled = report("a1-r1", EventDate.month(2017, 11), true, text, text.indexOf(". ") + 2, text.length());
    store.inTransaction(() -> {
      store.articles().insert(a, new RawDocument(a.id(), null, RawDocument.Format.TEXT, new byte[0], Map.of()),
          List.of());
      store.events().ensureOrigin(new Origin("jcs", "jcs"));
      store.events().upsert(event(NEWS, news.date()));
      store.events().upsert(event(RECALLED, recalled.date()));
      store.events().insertReport(news, NEWS);
      store.events().insertReport(recalled, RECALLED);
      return null;
    });
  }

  private static Report report(String id, EventDate date, boolean background, String text, int start, int end) {
    return new Report(id, "a1", "missile_launch", date, false, background, List.of(), List.of("ICBM"),
        List.of("Sea of Japan"), Map.of(), text.substring(start, end), start, end, "Seoul's military said", Certainty.ASSERTED,
        "jcs", List.of());
  }

  private static Event event(String id, EventDate date) {
    return new Event(id, "missile_launch", date, false, List.of(), List.of("ICBM"), List.of("Sea of Japan"), Map.of(),
        "An ICBM launch", 0.6, 1, 1, List.of());
  }
}
