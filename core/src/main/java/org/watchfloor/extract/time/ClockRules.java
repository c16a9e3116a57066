package org.watchfloor.extract.time;

import static org.watchfloor.extract.time.Lexicon.ZONE;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.time.Candidate.Tense;
import org.watchfloor.extract.time.TimeExpression.Kind;
import org.watchfloor.model.EventDate;

/**
 * Clock times ("7:10 a.m. KST", "11:23 (0223 GMT)", "06:45 JST", "noon"). Alone they date
 * nothing (their value is unknown); next to a date they are merged into it by the tagger.
 */
final class ClockRules {

  private static final String AMPM = "(?<ap>(?i:a\\.m\\.|p\\.m\\.|am|pm)(?![A-Za-z]))";

  /** A parenthesised second statement of the time in another zone: "(0223 GMT)". */
  private static final String ALSO =
      "(?:\\s*\\((?<h2>[01]?[0-9]|2[0-3]):?(?<mi2>[0-5][0-9])\\s*(?<z2>" + ZONE + ")\\))?";

  private ClockRules() {}

  static List<Rule> rules() {
    return List.of(
        Rule.of(
            "clock",
            "\\b(?<h>[01]?[0-9]|2[0-3]):(?<mi>[0-5][0-9])(?![0-9])(?:\\s*" + AMPM + ")?(?:\\s*(?<z>"
                + ZONE + ")\\b)?" + ALSO,
            ClockRules::clock),
        Rule.of(
            "hour-ampm",
            "\\b(?<h>1[0-2]|0?[1-9])\\s*" + AMPM + "(?:\\s*(?<z>" + ZONE + ")\\b)?" + ALSO,
            ClockRules::clock),
        Rule.of(
            "military",
            "\\b(?<h>[01][0-9]|2[0-3])(?<mi>[0-5][0-9])\\s*(?:(?i:hours|hrs)\\s+)?(?<z>" + ZONE
                + ")\\b",
            ClockRules::clock),
        Rule.of(
            "noon",
            "(?i)\\b(?<n>noon|midday|midnight)\\b(?:\\s*(?<z>" + ZONE + ")\\b)?",
            (m, ctx, s, e) ->
                time(
                    s,
                    e,
                    Lexicon.lower(m.group("n")).equals("midnight") ? LocalTime.MIDNIGHT
                        : LocalTime.NOON,
                    zone(m.group("z")))));
  }

  private static @Nullable Candidate clock(Matcher m, Context ctx, int s, int e) {
    String names = m.pattern().pattern();
    int hour = Integer.parseInt(m.group("h"));
    int minute = names.contains("(?<mi>") && m.group("mi") != null
        ? Integer.parseInt(m.group("mi")) : 0;
    String ap = names.contains("(?<ap>") ? m.group("ap") : null;
    if (ap != null) {
      if (hour < 1 || hour > 12) {
        return null;
      }
      boolean pm = Lexicon.lower(ap).startsWith("p");
      hour = hour % 12 + (pm ? 12 : 0);
    }
    LocalTime time = LocalTime.of(hour, minute);
    ZoneId zone = zone(m.group("z"));
    if (zone == null && names.contains("(?<z2>") && m.group("z2") != null) {
      // "around 11:23 (0223 GMT)": the local time has no zone, the bracketed one has.
      zone = zone(m.group("z2"));
      time = LocalTime.of(Integer.parseInt(m.group("h2")), Integer.parseInt(m.group("mi2")));
    }
    return time(s, e, time, zone);
  }

  private static @Nullable ZoneId zone(@Nullable String name) {
    return name == null ? null : Lexicon.zone(name);
  }

  private static Candidate time(int s, int e, LocalTime t, @Nullable ZoneId zone) {
    return new Candidate(s, e, EventDate.UNKNOWN, Kind.RELATIVE, Tense.NEUTRAL, t, zone, 0);
  }
}
