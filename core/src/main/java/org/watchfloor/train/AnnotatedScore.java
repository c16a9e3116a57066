package org.watchfloor.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Scores an event record (the public event contract, one JSON object a line) against annotated
 * articles the way the team's scorer ({@code tools/score_events.py} of the shared data) does, so
 * that the figures {@code eval cv} prints and the team's mean the same:
 *
 * <ul>
 *   <li>a system event is news when one of its reports is not background; precision is the
 *       share of news events that match a gold happening, recall the share of happenings some
 *       article tells as news that a system event matches;
 *   <li>a match: the type is one of the gold's alternatives, the event holds a report of an
 *       article that mentions the happening, and the dates agree at the gold's precision (day:
 *       within one day; week: four; month, year: the same); matched one to one, news gold and
 *       closer dates first;
 *   <li>weapons right: the matched event's weapons are the gold's set or a non-empty subset of
 *       it (the words "ballistic missile" and "missile" allowed beside them); gold without
 *       weapons needs none.
 * </ul>
 */
public final class AnnotatedScore {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The figures. */
  public record Figures(int goldNews, int systemNews, int matched, double precision, double recall, double f1,
      double weaponsRight) {
    public String line() {
      return String.format(Locale.ROOT, "gold_news=%d system_news=%d matched=%d P=%.3f R=%.3f F1=%.3f weapons_ok=%.3f",
          goldNews, systemNews, matched, precision, recall, f1, weaponsRight);
    }
  }

  private record Gold(String key, Set<String> types, String date, String precision, Set<String> weapons,
      Set<String> news, Set<String> mentioned) {}

  private AnnotatedScore() {}

  public static Figures score(List<String> eventLines, List<LabelledArticle> articles) {
    Map<String, Gold> gold = new LinkedHashMap<>();
    for (LabelledArticle a : articles) {
      String url = a.article().url();
      for (LabelledEvent e : a.events()) {
        Gold g = gold.computeIfAbsent(e.key(), k -> new Gold(k, new HashSet<>(), e.date(), e.datePrecision(),
            new HashSet<>(), new HashSet<>(), new HashSet<>()));
        g.types().addAll(e.types());
        g.weapons().addAll(e.weapons());
        g.mentioned().add(url);
        if (e.news()) {
          g.news().add(url);
        }
      }
    }
    List<JsonNode> news = new ArrayList<>();
    for (String line : eventLines) {
      JsonNode e = parse(line);
      boolean isNews = false;
      for (JsonNode r : e.path("reports")) {
        isNews |= !r.path("background").asBoolean(false);
      }
      if (isNews) {
        news.add(e);
      }
    }
    record Pair(int rank, long close, int system, String key) {}
    List<Pair> pairs = new ArrayList<>();
    for (int i = 0; i < news.size(); i++) {
      JsonNode e = news.get(i);
      Set<String> urls = new HashSet<>();
      e.path("reports").forEach(r -> urls.add(r.path("url").asText("")));
      String type = e.path("type").asText("");
      String date = e.path("date").asText("");
      for (Gold g : gold.values()) {
        if (g.types().contains(type) && urls.stream().anyMatch(g.mentioned()::contains)
            && datesAgree(date, g.date(), g.precision())) {
          LocalDate sd = day(date);
          LocalDate gd = day(g.date());
          long close = sd != null && gd != null ? Math.abs(ChronoUnit.DAYS.between(sd, gd)) : 99;
          pairs.add(new Pair(g.news().isEmpty() ? 1 : 0, close, i, g.key()));
        }
      }
    }
    pairs.sort(Comparator.comparingInt(Pair::rank).thenComparingLong(Pair::close).thenComparingInt(Pair::system)
        .thenComparing(Pair::key));
    Set<Integer> usedSystem = new HashSet<>();
    Set<String> usedGold = new HashSet<>();
    Map<Integer, String> match = new HashMap<>();
    for (Pair p : pairs) {
      if (!usedSystem.contains(p.system()) && !usedGold.contains(p.key())) {
        usedSystem.add(p.system());
        usedGold.add(p.key());
        match.put(p.system(), p.key());
      }
    }
    long goldNews = gold.values().stream().filter(g -> !g.news().isEmpty()).count();
    long found = gold.values().stream().filter(g -> !g.news().isEmpty() && usedGold.contains(g.key())).count();
    double p = news.isEmpty() ? 0 : (double) match.size() / news.size();
    double r = goldNews == 0 ? 0 : (double) found / goldNews;
    double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
    int weaponsRight = 0;
    for (Map.Entry<Integer, String> m : match.entrySet()) {
      List<String> weapons = new ArrayList<>();
      news.get(m.getKey()).path("weapons").forEach(w -> weapons.add(w.asText()));
      if (weaponsOk(weapons, gold.get(m.getValue()).weapons())) {
        weaponsRight++;
      }
    }
    return new Figures((int) goldNews, news.size(), match.size(), p, r, f,
        match.isEmpty() ? 0 : (double) weaponsRight / match.size());
  }

  static boolean weaponsOk(List<String> system, Set<String> goldWeapons) {
    Set<String> g = new HashSet<>();
    goldWeapons.forEach(w -> g.add(norm(w)));
    Set<String> s = new HashSet<>();
    system.forEach(w -> s.add(norm(w)));
    if (g.isEmpty()) {
      return s.isEmpty();
    }
    Set<String> allowed = new HashSet<>(g);
    allowed.add("ballisticmissile");
    allowed.add("missile");
    return !s.isEmpty() && allowed.containsAll(s) && s.stream().anyMatch(g::contains);
  }

  static boolean datesAgree(String system, String gold, String precision) {
    if (precision == null || precision.equals("unknown") || gold.isEmpty()) {
      return true;
    }
    if (precision.equals("year")) {
      return system.length() >= 4 && gold.length() >= 4 && system.substring(0, 4).equals(gold.substring(0, 4));
    }
    LocalDate sd = day(system);
    if (precision.equals("month")) {
      String month = gold.length() >= 7 ? gold.substring(0, 7) : gold;
      return system.startsWith(month) || (sd != null && sd.toString().startsWith(month));
    }
    LocalDate gd = day(gold);
    if (gd == null || sd == null) {
      return precision.equals("week") && system.length() >= 7 && gold.length() >= 7
          && system.substring(0, 7).equals(gold.substring(0, 7));
    }
    return Math.abs(ChronoUnit.DAYS.between(sd, gd)) <= (precision.equals("week") ? 4 : 1);
  }

  /** A day of an ISO date or an ISO week (its Thursday), else {@code null}. */
  static @Nullable LocalDate day(String s) {
    try {
      if (s.matches("\\d{4}-W\\d{2}")) {
        return LocalDate.of(Integer.parseInt(s.substring(0, 4)), 1, 4)
            .with(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(s.substring(6)))
            .with(java.time.DayOfWeek.THURSDAY);
      }
      return s.length() >= 10 ? LocalDate.parse(s.substring(0, 10)) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String norm(String w) {
    return w.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException("not an event line: " + line.substring(0, Math.min(80, line.length())), e);
    }
  }
}
