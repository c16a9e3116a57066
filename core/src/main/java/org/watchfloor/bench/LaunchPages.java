package org.watchfloor.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Article pages written for the alert benchmark and the alert kill test, in our own words: a
 * launch told by a Seoul wire on the South Korean military's word, the same launch told by a Tokyo
 * paper on Japan's defence ministry's (a second independent origin), a factory visit (no launch),
 * and talks that recall an old launch only in the background. Each page is dated by its meta tag
 * and says its day in its text, so each launch day is one event.
 */
public final class LaunchPages {

  /** One page: where it is served, its title, its HTML and its publication time. */
  public record Page(String path, String title, String html, Instant published) {}

  private LaunchPages() {}

  /** A short-range launch on {@code day}, told by the Seoul wire; {@code n} makes its path and range its own. */
  public static Page seoul(LocalDate day, int n) {
    String title = "North Korea fires ballistic missile toward the sea";
    return page("/harbour/" + day + "-" + n + ".html", title, day, 11, """
        SEOUL, %s %d (Harbour Wire) -- North Korea fired a short-range ballistic missile off its east coast on %s,
        South Korea's Joint Chiefs of Staff said.
        """.formatted(month(day), day.getDayOfMonth(), weekday(day)), """
        The missile flew about %d km before falling into the sea, the JCS said, adding that it was analysing the
        launch with the United States.""".formatted(300 + 7 * (n % 50)));
  }

  /** The launch of {@code day} told by the Tokyo paper: a second independent origin. */
  public static Page tokyo(LocalDate day, int n) {
    String title = "Japan says North Korean missile fell outside its waters";
    return page("/island/" + day + "-" + n + ".html", title, day, 15, """
        TOKYO -- Japan's Ministry of Defense said on %s that a short-range ballistic missile launched by North Korea
        off its east coast came down outside Japan's exclusive economic zone.
        """.formatted(weekday(day)), "Officials in Tokyo said there were no reports of damage to ships or aircraft.");
  }

  /** A factory visit two days after {@code day}: an event no launch rule selects. */
  public static Page factory(LocalDate day, int n) {
    LocalDate visit = day.plusDays(2);
    String title = "Kim tours munitions factory";
    return page("/harbour/" + visit + "-factory-" + n + ".html", title, visit, 9, """
        SEOUL, %s %d (Harbour Wire) -- North Korean leader Kim Jong Un inspected a munitions factory and called for
        more shells to be produced, state media reported on %s.
        """.formatted(month(visit), visit.getDayOfMonth(), weekday(visit)),
        "The report did not say where the factory was or when the visit took place.");
  }

  /**
   * Talks on {@code day} whose story recalls the ICBM launch of 12 July 2023 only as background:
   * an alert rule that wants news must not fire on that old launch.
   */
  public static Page talks(LocalDate day, int n) {
    String title = "Envoys meet in Seoul on sanctions enforcement";
    return page("/harbour/" + day + "-talks-" + n + ".html", title, day, 17, """
        SEOUL, %s %d (Harbour Wire) -- Envoys from South Korea, Japan and the United States met on %s to discuss
        how sanctions on Pyongyang are enforced at sea.
        """.formatted(month(day), day.getDayOfMonth(), weekday(day)), """
        The talks come long after North Korea test-fired a Hwasong-18 intercontinental ballistic missile on
        July 12, 2023, a launch the three governments condemned at the time.""");
  }

  private static Page page(String path, String title, LocalDate day, int hour, String lead, String more) {
    Instant published = day.atTime(hour, 0).atOffset(ZoneOffset.ofHours(9)).toInstant();
    String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
        + "<meta property=\"og:title\" content=\"" + title + "\">"
        + "<meta property=\"article:published_time\" content=\"" + day + "T" + String.format(Locale.ROOT, "%02d", hour)
        + ":00:00+09:00\"></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>"
        + title + "</h1><p>" + lead.strip().replace('\n', ' ') + "</p><p>" + more.strip().replace('\n', ' ')
        + "</p></article><footer>Copyright Loopback Wire</footer></body></html>";
    return new Page(path, title, html, published);
  }

  private static String weekday(LocalDate d) {
    return d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static String month(LocalDate d) {
    return d.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
  }
}
