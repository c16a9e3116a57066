package org.watchfloor.parse.html;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.parse.MonthNames;

/**
 * Reads the publication dates that pages state: ISO-8601 (with or without zone, with a space or
 * a {@code T}), RFC-1123, and English prose dates such as "December 26, 2025" or "26 Dec 2025
 * 09:30 KST", honouring the zone the page names.
 *
 * <p>Written by hand because {@code java.time} formatters are strict about one pattern each,
 * while pages mix many; never throws on bad input and never consults the machine's zone.
 */
public final class DateParser {
  private static final String ZONE =
      "(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{1,2}|(?:UTC|GMT)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|[A-Za-z]{2,5}\\b)";

  private static final Pattern ISO =
      Pattern.compile(
          "^\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d{1,9})?)?)?\\s*"
              + ZONE
              + "?\\s*$");

  private static final String MONTH = MonthNames.PATTERN;
  private static final String TIME =
      "(?:\\s*,?\\s*(?:at\\s+|-\\s*)?(\\d{1,2})[:.](\\d{2})(?::(\\d{2}))?\\s*([ap]\\.?m\\.?)?)?";
  private static final Pattern DAY_MONTH_YEAR =
      Pattern.compile(
          "\\b(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s+(?:de\\s+)?" + MONTH + ",?\\s+(?:de\\s+)?(\\d{4})" + TIME + "(?:\\s*\\(?" + ZONE + "\\)?)?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern MONTH_DAY_YEAR =
      Pattern.compile(
          "\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})" + TIME + "(?:\\s*\\(?" + ZONE + "\\)?)?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Map<String, ZoneOffset> ZONES =
      Map.ofEntries(
          Map.entry("Z", ZoneOffset.UTC),
          Map.entry("UTC", ZoneOffset.UTC),
          Map.entry("UT", ZoneOffset.UTC),
          Map.entry("GMT", ZoneOffset.UTC),
          Map.entry("KST", ZoneOffset.ofHours(9)),
          Map.entry("JST", ZoneOffset.ofHours(9)),
          Map.entry("HKT", ZoneOffset.ofHours(8)),
          Map.entry("SGT", ZoneOffset.ofHours(8)),
          Map.entry("CST", ZoneOffset.ofHours(-6)),
          Map.entry("CDT", ZoneOffset.ofHours(-5)),
          Map.entry("EST", ZoneOffset.ofHours(-5)),
          Map.entry("EDT", ZoneOffset.ofHours(-4)),
          Map.entry("MST", ZoneOffset.ofHours(-7)),
          Map.entry("MDT", ZoneOffset.ofHours(-6)),
          Map.entry("PST", ZoneOffset.ofHours(-8)),
          Map.entry("PDT", ZoneOffset.ofHours(-7)),
          Map.entry("BST", ZoneOffset.ofHours(1)),
          Map.entry("CET", ZoneOffset.ofHours(1)),
          Map.entry("CEST", ZoneOffset.ofHours(2)),
          // The German names of CET and CEST, for German datelines.
          Map.entry("MEZ", ZoneOffset.ofHours(1)),
          Map.entry("MESZ", ZoneOffset.ofHours(2)),
          Map.entry("MSK", ZoneOffset.ofHours(3)),
          Map.entry("AEST", ZoneOffset.ofHours(10)),
          Map.entry("AEDT", ZoneOffset.ofHours(11)));

  private DateParser() {}

  /** Parses a whole value (a meta tag, a {@code datetime} attribute), or null when unreadable. */
  public static @Nullable ParsedDate parse(@Nullable String value) {
    if (value == null || value.isBlank() || value.length() > 200) {
      return null;
    }
    Matcher iso = ISO.matcher(value);
    if (iso.matches()) {
      return iso(iso);
    }
    return find(value);
  }

  /** Finds the first prose or RFC-1123 date inside running text, or null. */
  public static @Nullable ParsedDate find(String text) {
    Matcher dmy = DAY_MONTH_YEAR.matcher(text);
    Matcher mdy = MONTH_DAY_YEAR.matcher(text);
    boolean hasDmy = dmy.find();
    boolean hasMdy = mdy.find();
    if (hasDmy && (!hasMdy || dmy.start() <= mdy.start())) {
      return prose(dmy.group(3), dmy.group(2), dmy.group(1), dmy, 4);
    }
    if (hasMdy) {
      return prose(mdy.group(3), mdy.group(1), mdy.group(2), mdy, 4);
    }
    return null;
  }

  private static @Nullable ParsedDate iso(Matcher m) {
    try {
      LocalDate date = LocalDate.of(num(m.group(1)), num(m.group(2)), num(m.group(3)));
      if (m.group(4) == null) {
        return new ParsedDate(OffsetDateTime.of(date, LocalTime.MIDNIGHT, ZoneOffset.UTC), true, false);
      }
      LocalTime time = LocalTime.of(num(m.group(4)), num(m.group(5)), m.group(6) == null ? 0 : num(m.group(6)));
      return withZone(LocalDateTime.of(date, time), m.group(7));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static @Nullable ParsedDate prose(String year, String month, String day, Matcher m, int timeGroup) {
    try {
      LocalDate date = LocalDate.of(num(year), month(month), num(day));
      String hour = m.group(timeGroup);
      if (hour == null) {
        return new ParsedDate(OffsetDateTime.of(date, LocalTime.MIDNIGHT, ZoneOffset.UTC), true, false);
      }
      int h = num(hour);
      String ampm = m.group(timeGroup + 3);
      if (ampm != null) {
        boolean pm = Character.toLowerCase(ampm.charAt(0)) == 'p';
        h = h % 12 + (pm ? 12 : 0);
      }
      String sec = m.group(timeGroup + 2);
      LocalTime time = LocalTime.of(h, num(m.group(timeGroup + 1)), sec == null ? 0 : num(sec));
      return withZone(LocalDateTime.of(date, time), m.group(timeGroup + 4));
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static ParsedDate withZone(LocalDateTime local, @Nullable String zone) {
    ZoneOffset offset = zone == null ? null : offset(zone);
    if (offset == null) {
      return new ParsedDate(OffsetDateTime.of(local, ZoneOffset.UTC), false, true);
    }
    return new ParsedDate(OffsetDateTime.of(local, offset), false, false);
  }

  private static @Nullable ZoneOffset offset(String zone) {
    String z = zone.replace(" ", "").toUpperCase(Locale.ROOT);
    ZoneOffset named = ZONES.get(z);
    if (named != null) {
      return named;
    }
    if (z.startsWith("UTC") || z.startsWith("GMT")) {
      z = z.substring(3);
    }
    if (z.isEmpty() || (z.charAt(0) != '+' && z.charAt(0) != '-')) {
      return null;
    }
    int sign = z.charAt(0) == '-' ? -1 : 1;
    String digits = z.substring(1).replace(":", "");
    try {
      int hours;
      int minutes = 0;
      if (digits.length() <= 2) {
        hours = Integer.parseInt(digits);
      } else {
        hours = Integer.parseInt(digits.substring(0, digits.length() - 2));
        minutes = Integer.parseInt(digits.substring(digits.length() - 2));
      }
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    } catch (NumberFormatException | DateTimeException e) {
      return null;
    }
  }

  private static int month(String name) {
    return MonthNames.number(name);
  }


  private static int num(String s) {
    return Integer.parseInt(s);
  }
}
