package org.watchfloor.eval.events;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.model.EventDate;
import org.watchfloor.profile.EntityKind;

/**
 * Reads a gold-events CSV: {@code event_key, event_date, event_type, article_urls} required;
 * {@code weapons} (or {@code weapon}) and {@code notes} used when present. Weapons are read
 * through the profile gazetteer so that "Hwasong 18" and "Hwasong-18" compare equal.
 */
public final class GoldEvents {

  private GoldEvents() {}

  /** Thrown for a gold file that cannot be read or lacks a required column. */
  public static final class GoldException extends RuntimeException {
    GoldException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static List<GoldEvent> read(Path file, GazetteerMatcher gazetteer) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, gazetteer, file.toString());
    } catch (IOException e) {
      throw new GoldException("cannot read gold file (source=" + file + "): " + e.getMessage(), e);
    }
  }

  static List<GoldEvent> read(Reader in, GazetteerMatcher gazetteer, String source) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    List<GoldEvent> out = new ArrayList<>();
    for (CSVRecord r : format.parse(in)) {
      for (String column : List.of("event_key", "event_date", "event_type", "article_urls")) {
        if (!r.isMapped(column)) {
          throw new GoldException("gold file lacks column " + column + " (source=" + source + ")", null);
        }
      }
      String key = r.get("event_key");
      EventDate date;
      try {
        date = date(r.get("event_date"));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        throw new GoldException("bad event_date '" + r.get("event_date") + "' (source=" + source + ", line="
            + r.getParser().getCurrentLineNumber() + ")", e);
      }
      Set<String> types = new LinkedHashSet<>();
      for (String t : r.get("event_type").split("\\|")) {
        if (!t.isBlank()) {
          types.add(t.strip());
        }
      }
      String weaponsText = r.isMapped("weapons") ? r.get("weapons") : r.isMapped("weapon") ? r.get("weapon") : "";
      Set<String> weapons = new LinkedHashSet<>();
      for (EntityMatch m : gazetteer.find(weaponsText)) {
        if (m.entity().kind() == EntityKind.WEAPON) {
          weapons.add(m.entity().canonical());
        }
      }
      List<String> urls = Arrays.stream(r.get("article_urls").split("\\s+")).filter(s -> !s.isBlank()).toList();
      String notes = r.isMapped("notes") ? r.get("notes") : "";
      out.add(new GoldEvent(key, date, types, weaponsText, weapons, urls, forgiven(notes)));
    }
    return out;
  }

  /**
   * Rows the gold itself calls judgement calls (notes starting "Borderline", or saying "low
   * confidence" or "background mention"): counted when found, forgiven when missed.
   */
  public static boolean forgiven(String notes) {
    String n = notes.strip().toLowerCase(Locale.ROOT);
    return n.startsWith("borderline") || n.contains("low confidence") || n.contains("background mention");
  }

  /** {@code 2024-08-04}, {@code 2024-08} or {@code 2024}. */
  static EventDate date(String text) {
    String t = text.strip();
    if (t.length() == 4) {
      return EventDate.year(Integer.parseInt(t));
    }
    if (t.length() == 7) {
      return EventDate.month(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(5, 7)));
    }
    return EventDate.day(LocalDate.parse(t));
  }
}
