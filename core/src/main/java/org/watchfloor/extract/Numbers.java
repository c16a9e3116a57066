package org.watchfloor.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.Quantity.Dimension;
import org.watchfloor.model.Claim;

/**
 * Finds the numbers an event report carries: missiles fired, range, apogee, flight time. The
 * measures themselves are read by {@link Quantities} (separators, decimals, ranges, units, hedges);
 * this class decides which field each belongs to from the words nearest it: the last cue between
 * the previous measure and this one ("reached an altitude of 6,648.4 km and flew 1,001.2 km" is an
 * apogee, then a range), or a word right after it ("6,000 km high"). Lengths are given in
 * kilometres and times in seconds, as {@link Quantity#baseValue()} writes them; a range is written
 * {@code low-high}. A length that places a point ("200 km west of …") is no range. A number that
 * is part of a name ("Unha-3 rocket", "Hwasong-17 ICBM") is never a count. A length a missile can
 * reach ("has an estimated range of 5,600 miles") is no flight of this launch.
 */
final class Numbers {

  /** Counting words; -1 for words that count more than one without saying how many. */
  private static final Map<String, Integer> WORDS =
      Map.ofEntries(
          Map.entry("one", 1), Map.entry("a", 1), Map.entry("an", 1), Map.entry("single", 1),
          Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
          Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
          Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
          Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
          Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19),
          Map.entry("twenty", 20), Map.entry("pair", 2), Map.entry("several", -1), Map.entry("multiple", -1));

  /** The counting words of {@link #WORDS}, longest first, for the patterns. */
  private static final String NUMBER = "\\d+|" + String.join("|", WORDS.keySet().stream()
      .filter(w -> !w.equals("pair")).sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList());

  /** Words before a length that make it an apogee (group 1) or a range (group 2); the last one found wins. */
  private static final Pattern LENGTH_CUE = Pattern.compile(
      "(?i)\\b(?:(altitude|apogee|height|high|peak|ceiling)|(flew|fly|flight|range|travell?ed|distance|covered|across"
          + "|away|landed|flying))\\b");

  /**
   * Words before a length that make it what a missile can do, not what this one did: "which has
   * an estimated range of 5,600 miles", "with a range of up to 1,000 km", "capable of reaching".
   */
  private static final Pattern CAPABILITY = Pattern.compile(
      "(?i)\\b(?:(?:has|have|had|with)\\s+(?:an?\\s+)?(?:[\\w-]+\\s+){0,2}?range"
          + "|(?:estimated|maximum|potential|operational|effective|full|striking)\\s+range"
          + "|range\\s+of\\s+up\\s+to|capable\\s+of|(?:can|could|able\\s+to)\\s+(?:reach|fly|travel|hit|strike))\\b");

  /** Words right after a length that make it an apogee (group 1) or a range (group 2). */
  private static final Pattern LENGTH_AFTER = Pattern.compile(
      "(?i)[ ,]{0,2}+(?:in\\s++)?+(?:(altitude|high|apogee)|(range|away))\\b");

  /** Words before a time that make it a flight time. */
  private static final Pattern TIME_CUE = Pattern.compile("(?i)\\b(?:flew|fly|flight|flying|airborne|for)\\b");

  /** A sentence about something flying (a bare "for 30 minutes" is a flight time only in one). */
  private static final Pattern FLYING = Pattern.compile(
      "(?i)\\b(?:flew|fly|flight|flying|airborne|missiles?|rockets?|projectiles?|ICBMs?|launch(?:ed|es)?)\\b");

  private static final Pattern COUNT =
      Pattern.compile(
          "(?i)\\b(" + NUMBER + "|(?<=\\ba\\s)pair\\s+of)\\s+"
              + "(?:(?:short|long|medium|intermediate|close)[- ]range\\s+|new(?:[- ]type)?\\s+|suspected\\s+|"
              + "strategic\\s+|tactical\\s+|hypersonic\\s+|ballistic\\s+|cruise\\s+|air[- ]defen[cs]e\\s+|"
              + "intercontinental\\s+){0,3}"
              // a name between count and noun ("two KN-25 rockets", "an Unha-3 rocket")
              + "(?:\\p{L}++[-\\u2010\\u2011]?+\\d++\\p{L}?+\\s++)?+"
              + "(?:ballistic\\s+|cruise\\s+)?(missiles?|rockets?|projectiles?|ICBMs?|SRBMs?|IRBMs?)\\b"
              // (a "multiple rocket launcher" is a weapon, no count of rockets)
              + "(?![-\\s]+launch(?:ers?|ing)\\b)");

  /**
   * A salvo counted by what it is a salvo of ("a volley of four", "a salvo of 6 rockets"), or
   * left uncounted ("a volley of missiles": group 1 is then empty).
   */
  private static final Pattern SALVO = Pattern.compile(
      "(?i)\\b(?:salvos?|volleys?|barrages?)\\s+of\\s+(?:(" + NUMBER + ")\\b|(?=missiles?|rockets?|projectiles?|shells?))");

  /** Capitalised words that may stand before a count without being a name ("On Monday 2 missiles"). */
  private static final Set<String> NOT_NAMES = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "and", "but", "then", "only", "all", "some", "about", "over", "nearly");

  /** An article that counts one ("a missile", "an ICBM"). */
  private static final Pattern ARTICLE = Pattern.compile("(?i)an?\\s");

  /** How far back the cue of a measure is looked for. */
  private static final int CUE_WINDOW = 60;

  private Numbers() {}

  /**
   * The field, inside the extract stage only, of a count that is only an article ("a missile",
   * "an ICBM"): one missile, unless the report states a count elsewhere ({@link #settle}).
   */
  static final String ARTICLE_COUNT = "count_by_article";

  /** Claims found in {@code sentence}, with offsets shifted by {@code offset}; a count by article is a count. */
  static List<Claim> claims(String sentence, int offset) {
    List<Claim> out = new ArrayList<>(readings(sentence, offset));
    settle(new LinkedHashMap<>(), out);
    return out;
  }

  /**
   * Claims found in {@code sentence}, with offsets shifted by {@code offset}, a count that is
   * only an article under {@link #ARTICLE_COUNT}: a report gathers them from its sentences, the
   * first value of each field, and then {@link #settle}s its count.
   */
  static List<Claim> readings(String sentence, int offset) {
    List<Claim> out = new ArrayList<>();
    int previousEnd = 0;
    for (Quantity q : Quantities.in(sentence)) {
      String before = sentence.substring(Math.max(previousEnd, q.start() - CUE_WINDOW), q.start());
      String field = q.dimension() == Dimension.LENGTH ? lengthField(sentence, q, before) : timeField(sentence, before);
      if (field != null) {
        out.add(new Claim(field, q.baseValue(), offset + q.start(), offset + q.end()));
      }
      previousEnd = q.follows();
    }
    Claim count = count(sentence, offset);
    if (count != null) {
      out.add(count);
    }
    return out;
  }

  /**
   * The missiles the sentence counts: the first count of missiles ("two short-range ballistic
   * missiles") or salvo ("a volley of four"). A vague one ("several", "multiple", "a volley of
   * missiles") counts none, and hides the counts after it: "several cruise missiles, among them
   * a new type" is no single missile.
   */
  private static @Nullable Claim count(String sentence, int offset) {
    Matcher c = COUNT.matcher(sentence);
    Matcher salvo = SALVO.matcher(sentence);
    boolean moreCounts = c.find();
    boolean moreSalvos = salvo.find();
    while (moreCounts || moreSalvos) {
      Matcher m = !moreSalvos || moreCounts && c.start() < salvo.start() ? c : salvo;
      String n = m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT);
      boolean name = n != null && isName(sentence, m.start(1));
      int start = m.start();
      int end = m.end();
      if (m == c) {
        moreCounts = c.find();
      } else {
        moreSalvos = salvo.find();
      }
      if (name) {
        continue;
      }
      Integer value = n == null ? Integer.valueOf(-1)
          : n.chars().allMatch(Character::isDigit) ? Integer.valueOf(n) : WORDS.get(n.split("\\s")[0]);
      if (value == null) {
        continue;
      }
      if (value < 0) {
        return null;
      }
      if (value > 0 && value < 100) {
        boolean byArticle = m == c && countedByArticle(sentence, start);
        return new Claim(byArticle ? ARTICLE_COUNT : "count", value.toString(), offset + start, offset + end);
      }
    }
    return null;
  }

  /**
   * A report's count, once its sentences are read: a count it states ("two missiles") wins over
   * "a missile" told in another of its sentences, before or after it ("fired a ballistic missile …
   * the military later said two were fired" is a launch of two); "a missile" alone is one.
   * Renames {@link #ARTICLE_COUNT} to {@code count} or drops it, in {@code attributes} and
   * {@code claims} alike.
   */
  static void settle(Map<String, String> attributes, List<Claim> claims) {
    String byArticle = attributes.remove(ARTICLE_COUNT);
    boolean stated = attributes.containsKey("count") || claims.stream().anyMatch(c -> c.field().equals("count"));
    if (!stated && byArticle != null) {
      attributes.put("count", byArticle);
    }
    claims.replaceAll(c -> c.field().equals(ARTICLE_COUNT) && !stated ? new Claim(fieldOf(c), c.value(), c.start(), c.end()) : c);
    claims.removeIf(c -> c.field().equals(ARTICLE_COUNT));
  }

  /** The field {@code claim} has outside the extract stage: a count by article is a count. */
  static String fieldOf(Claim claim) {
    return claim.field().equals(ARTICLE_COUNT) ? "count" : claim.field();
  }

  /** Whether the count that starts at {@code at} of {@code sentence} is only an article ("a missile", "an ICBM"). */
  private static boolean countedByArticle(String sentence, int at) {
    if (at < 0 || at >= sentence.length()) {
      return false;
    }
    return ARTICLE.matcher(sentence).region(at, sentence.length()).lookingAt();
  }

  private static String lengthField(String sentence, Quantity q, String before) {
    if (q.offset() || CAPABILITY.matcher(before).find()) {
      return null;
    }
    Matcher after = LENGTH_AFTER.matcher(sentence).region(q.follows(), sentence.length());
    if (after.lookingAt()) {
      return after.group(1) != null ? "apogee_km" : "range_km";
    }
    Matcher cue = LENGTH_CUE.matcher(before);
    String field = null;
    while (cue.find()) {
      field = cue.group(1) != null ? "apogee_km" : "range_km";
    }
    return field;
  }

  private static String timeField(String sentence, String before) {
    Matcher cue = TIME_CUE.matcher(before);
    String last = null;
    while (cue.find()) {
      last = cue.group().toLowerCase(Locale.ROOT);
    }
    if (last == null || last.equals("for") && !FLYING.matcher(sentence).find()) {
      return null;
    }
    return "flight_time_s";
  }

  /**
   * Whether the number at {@code at} is part of a name: joined to a word ("Unha-3", "KN25"), or
   * after a capitalised word inside the sentence ("Hwasong 18") that is no day or month.
   */
  static boolean isName(String s, int at) {
    if (at == 0 || !Quantities.isDigit(s.charAt(at))) {
      return false;
    }
    if (!Quantities.startsMeasure(s, at)) {
      return true;
    }
    int end = at - 1;
    while (end >= 0 && s.charAt(end) == ' ') {
      end--;
    }
    if (end == at - 1 || end < 0) {
      return false;
    }
    int start = end;
    while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
      start--;
    }
    if (start == end + 1 || !Character.isUpperCase(s.charAt(start)) || start == 0) {
      return false;
    }
    return !NOT_NAMES.contains(s.substring(start, end + 1).toLowerCase(Locale.ROOT));
  }
}
