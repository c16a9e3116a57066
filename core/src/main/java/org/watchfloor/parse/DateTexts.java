package org.watchfloor.parse;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.watchfloor.ingest.WarcSource;
import org.watchfloor.model.Published;

/**
 * Parses the publication dates that article headers and page furniture carry: ISO-8601 (with
 * or without offset), RFC 1123, and written dates such as "December 26, 2025" or
 * "26 Dec 2025 09:30 KST". Times without a zone are taken as UTC and said so by the caller.
 */
public final class DateTexts {

  private static final Map<String, ZoneOffset> ZONES =
      Map.of(
          "KST", ZoneOffset.ofHours(9),
          "JST", ZoneOffset.ofHours(9),
          "UTC", ZoneOffset.UTC,
          "GMT", ZoneOffset.UTC,
          "EST", ZoneOffset.ofHours(-5),
          "EDT", ZoneOffset.ofHours(-4),
          "PST", ZoneOffset.ofHours(-8),
          "PDT", ZoneOffset.ofHours(-7),
          "CET", ZoneOffset.ofHours(1),
          "BST", ZoneOffset.ofHours(1));

  /** A month name in English, French, Spanish or German (one group): see {@link MonthNames}. */
  static final String MONTHS = MonthNames.PATTERN;

  /** "December 26, 2025" with an optional time and zone. */
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"
              + "(?:,?\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2})\\s*(a\\.?m\\.?|p\\.?m\\.?)?\\s*([A-Z]{3})?)?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** "26 December 2025", "1er décembre 2025", "26 de diciembre de 2025", "26. Dezember 2025", with an optional time and zone. */
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "\\b(\\d{1,2})(?:\\.|er)?\\s+(?:de\\s+)?" + MONTHS + ",?\\s+(?:de\\s+)?(\\d{4})"
              + "(?:,?\\s+(?:at\\s+)?(\\d{1,2}):(\\d{2})\\s*(a\\.?m\\.?|p\\.?m\\.?)?\\s*([A-Z]{3})?)?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern ISO_DAY = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");

  private DateTexts() {}

  /** Parses a whole header value; empty when it is not a date this class knows. */
  public static Optional<Published> parseHeader(String value) {
    String s = value.trim();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Published.of(OffsetDateTime.parse(s)));
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return Optional.of(Published.of(ZonedDateTime.parse(s).toOffsetDateTime()));
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return Optional.of(Published.of(LocalDateTime.parse(s).atOffset(ZoneOffset.UTC)));
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return Optional.of(Published.ofDate(LocalDate.parse(s), ZoneOffset.UTC));
    } catch (DateTimeParseException ignored) {
      // try the next form
    }
    try {
      return Optional.of(Published.of(OffsetDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME)));
    } catch (DateTimeParseException ignored) {
      // try the written forms
    }
    return find(s);
  }

  /**
   * The last resort for the publication date of a crawled page that states none anywhere (no
   * metadata, no page markup, no dateline): the UTC day it was captured, from
   * {@link WarcSource#CAPTURE_DATE_KEY}. A page existed when it was captured, so it was published that day
   * or before; the capture instant itself is not a publication time, hence a date only. Empty
   * when there is no capture date or it is not an ISO instant.
   */
  public static Optional<Published> captureDate(Map<String, String> metadata) {
    String value = metadata.get(WarcSource.CAPTURE_DATE_KEY);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      LocalDate day = OffsetDateTime.parse(value.strip()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
      return Optional.of(Published.ofDate(day, ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The first written date in {@code text}, e.g. a dateline or a "December 26, 2025" line. */
  public static Optional<Published> find(String text) {
    if (!hasFourDigits(text)) {
      // each form has a four-digit year, and its case-insensitive month names are slow to try
      // at every position of a long text
      return Optional.empty();
    }
    Matcher m = MONTH_DAY_YEAR.matcher(text);
    if (m.find()) {
      return build(m.group(3), m.group(1), m.group(2), m.group(4), m.group(5), m.group(6), m.group(7));
    }
    m = DAY_MONTH_YEAR.matcher(text);
    if (m.find()) {
      return build(m.group(3), m.group(2), m.group(1), m.group(4), m.group(5), m.group(6), m.group(7));
    }
    m = ISO_DAY.matcher(text);
    if (m.find()) {
      try {
        return Optional.of(Published.ofDate(LocalDate.parse(m.group()), ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** Whether four ASCII digits (what {@code \d} matches) stand in a row somewhere in {@code text}. */
  private static boolean hasFourDigits(String text) {
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      run = c >= '0' && c <= '9' ? run + 1 : 0;
      if (run == 4) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Published> build(
      String year, String month, String day, String hour, String minute, String ampm, String zone) {
    int m = monthNumber(month);
    try {
      LocalDate date = LocalDate.of(Integer.parseInt(year), m, Integer.parseInt(day));
      ZoneOffset offset = zone == null ? null : ZONES.get(zone.toUpperCase(Locale.ROOT));
      if (hour == null || offset == null) {
        return Optional.of(Published.ofDate(date, offset == null ? ZoneOffset.UTC : offset));
      }
      int h = Integer.parseInt(hour);
      if (ampm != null) {
        boolean pm = ampm.toLowerCase(Locale.ROOT).startsWith("p");
        h = h % 12 + (pm ? 12 : 0);
      }
      return Optional.of(Published.of(date.atTime(h, Integer.parseInt(minute)).atOffset(offset)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  static int monthNumber(String name) {
    return MonthNames.number(name);
  }

}
