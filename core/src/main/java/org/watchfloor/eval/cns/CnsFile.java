package org.watchfloor.eval.cns;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.EventDate;

/**
 * Reads the CNS missile-test CSV ({@code date_utc, missile_name, missile_type, …}); the columns
 * past the three required ones ({@code time_utc, facility_name, landing, apogee_km, distance_km,
 * outcome}) are {@code unknown} where the file lacks them.
 */
public final class CnsFile {

  private static final List<String> REQUIRED = List.of("date_utc", "missile_name", "missile_type");

  /** A CNS file that cannot be read or lacks what the check needs; names the file and line. */
  public static final class CnsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CnsException(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  private CnsFile() {}

  public static List<CnsRow> read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new CnsException("cannot read CNS file (source=" + file + "): " + e.getMessage(), e);
    }
  }

  static List<CnsRow> read(Reader in, String source) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
    List<CnsRow> out = new ArrayList<>();
    for (CSVRecord r : format.parse(in)) {
      for (String column : REQUIRED) {
        if (!r.isMapped(column) || !r.isSet(column)) {
          throw new CnsException("CNS row lacks " + column + " (source=" + source + ", line="
              + r.getParser().getCurrentLineNumber() + ")", null);
        }
      }
      EventDate date;
      try {
        date = date(r.get("date_utc"));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        throw new CnsException("bad date_utc '" + r.get("date_utc") + "' (source=" + source + ", line="
            + r.getParser().getCurrentLineNumber() + ")", e);
      }
      out.add(new CnsRow(date, r.get("missile_name"), r.get("missile_type"), optional(r, "facility_name"),
          optional(r, "outcome"), r.getParser().getCurrentLineNumber(), clock(optional(r, "time_utc")),
          optional(r, "landing"), optional(r, "apogee_km"), optional(r, "distance_km")));
    }
    return out;
  }

  /** {@code 2024-01-14}, or {@code 1984-09} where CNS knows only the month. */
  static EventDate date(String text) {
    String t = text.strip();
    if (t.length() == 7) {
      return EventDate.month(Integer.parseInt(t.substring(0, 4)), Integer.parseInt(t.substring(5, 7)));
    }
    return EventDate.day(LocalDate.parse(t));
  }

  /** {@code 21:13} of CNS's {@code 21:13 (UTC)}; {@code unknown} for anything else. */
  static String clock(String text) {
    Matcher m = CLOCK.matcher(text);
    return m.lookingAt() ? m.group(1) + ":" + m.group(2) : "unknown";
  }

  private static final Pattern CLOCK = Pattern.compile("\\s*([01]\\d|2[0-3]):([0-5]\\d)\\b");

  private static String optional(CSVRecord r, String column) {
    return r.isMapped(column) && r.isSet(column) ? r.get(column) : "unknown";
  }
}
