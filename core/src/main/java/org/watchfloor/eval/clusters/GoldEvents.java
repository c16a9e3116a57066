package org.watchfloor.eval.clusters;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a gold file of events: a CSV with a header naming at least {@code event_key} and
 * {@code article_urls} (space-separated article references: URLs, or {@code file:PATH} for
 * articles without one, matched by the end of their source path). A row whose {@code notes} start
 * with "Borderline" or say "low confidence" or "background mention" is a judgement call, as the
 * gold files' READMEs define it: counted when found, forgiven when missed.
 */
public final class GoldEvents {

  /**
   * One gold event and the articles that report it; {@code judgementCall}: forgiven when missed;
   * {@code date} the day it happened when the gold gives one, {@code weapons} the systems it names
   * (the {@code weapons} column, separated by {@code ;}).
   */
  public record Event(String key, String type, List<String> articles, boolean judgementCall,
      @Nullable LocalDate date, List<String> weapons) {
    public Event {
      articles = List.copyOf(articles);
      weapons = List.copyOf(weapons);
    }

    public Event(String key, String type, List<String> articles, boolean judgementCall) {
      this(key, type, articles, judgementCall, null, List.of());
    }

    public Event(String key, String type, List<String> articles) {
      this(key, type, articles, false);
    }
  }

  private GoldEvents() {}

  public static List<Event> read(Path csv) throws IOException {
    List<Event> out = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      Iterable<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
      for (CSVRecord r : records) {
        if (!r.isMapped("event_key") || !r.isMapped("article_urls")) {
          throw new IOException("(source=" + csv + ") gold file needs columns event_key and article_urls");
        }
        List<String> refs = Arrays.stream(r.get("article_urls").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
        if (!refs.isEmpty()) {
          out.add(new Event(r.get("event_key"), r.isMapped("event_type") ? r.get("event_type") : "", refs,
              r.isMapped("notes") && org.watchfloor.eval.events.GoldEvents.forgiven(r.get("notes")),
              r.isMapped("event_date") ? day(r.get("event_date")) : null,
              r.isMapped("weapons") ? weapons(r.get("weapons")) : List.of()));
        }
      }
    }
    return out;
  }

  /** The day a gold row dates its event, or {@code null} where it gives none or only a month. */
  private static @Nullable LocalDate day(String text) {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static List<String> weapons(String text) {
    return Arrays.stream(text.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
