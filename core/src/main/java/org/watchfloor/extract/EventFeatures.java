package org.watchfloor.extract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.gazetteer.EntityMatch;
import org.watchfloor.extract.gazetteer.TriggerMatch;
import org.watchfloor.extract.gazetteer.TriggerMatcher;
import org.watchfloor.extract.learn.Features;
import org.watchfloor.extract.time.TimeExpression;
import org.watchfloor.model.EventDate;
import org.watchfloor.profile.WatchProfile;

/**
 * The features the event model decides a candidate sentence by: its words and word pairs, the
 * trigger phrases and their types, the kinds and names of the entities it names, every cue
 * lexicon of the profile that has a cue in it (and whether the cue stands just before a trigger:
 * scoped negation, hedges, plans), where it stands in the article, the time expressions it holds
 * and how far their days lie from publication, and the article's title words.
 *
 * <p>The type model reads {@link #sentence}; the role and plan models read {@link #ofType}, the
 * same features with the type and the chosen date joined in, as "a launch dated two days back"
 * and "a sanction dated two days back" are news in different ways.
 */
final class EventFeatures {

  /** Characters before a trigger within which a cue is in its scope ("did not fire", "may launch"). */
  static final int SCOPE_CHARS = 40;

  private final TriggerMatcher matcher;
  private final List<String> lexicons;

  EventFeatures(WatchProfile profile, TriggerMatcher matcher) {
    this.matcher = matcher;
    this.lexicons = profile.lexicons().keySet().stream().sorted().toList();
  }

  /** The features of a candidate sentence, for the type model. */
  Features sentence(Reading r, Candidate c) {
    Features f = new Features();
    String text = c.text();
    List<String> words = words(text);
    for (int i = 0; i < words.size(); i++) {
      f.add("w=" + words.get(i));
      if (i + 1 < words.size()) {
        f.add("b=" + words.get(i) + "_" + words.get(i + 1));
      }
    }
    int firstTrigger = c.triggers().isEmpty() ? -1 : c.triggers().get(0).start() - c.start();
    for (TriggerMatch t : c.triggers()) {
      f.add("trig=" + t.eventType());
      f.add("tp=" + t.phrase().toLowerCase(Locale.ROOT));
    }
    if (c.triggers().isEmpty()) {
      f.add("trig=none");
    }
    for (EntityMatch e : c.entities()) {
      f.add("ek=" + e.entity().kind().name());
      f.add("eid=" + e.entity().id());
    }
    var allCues = matcher.findAllCues(text);
    for (String name : lexicons) {
      var cues = allCues.getOrDefault(name, List.of());
      if (!cues.isEmpty()) {
        f.add("lex=" + name);
        if (firstTrigger >= 0 && cues.stream().anyMatch(m -> m.end() <= firstTrigger && firstTrigger - m.end() <= SCOPE_CHARS)) {
          f.add("scope=" + name);
        }
      }
    }
    f.add(position(c));
    f.add("para=" + Math.min(c.sentence().paragraph(), 6));
    if (text.endsWith("?")) {
      f.add("question");
    }
    if (!text.isEmpty() && "\"“'‘".indexOf(text.charAt(0)) >= 0) {
      f.add("quoted");
    }
    if (c.times().isEmpty()) {
      f.add("td=none");
    }
    for (TimeExpression t : c.times()) {
      f.add("tk=" + t.kind().name());
      if (t.future()) {
        f.add("tfuture");
      }
      f.add("td=" + distance(t.value(), r.anchor()));
    }
    if (r.stateMedia()) {
      f.add("statemedia");
    }
    String title = r.article().title();
    if (title != null) {
      Set<String> titleWords = Set.copyOf(words(title));
      for (String w : titleWords) {
        f.add("tw=" + w);
      }
      // how much of the headline the sentence retells: the peg's sentence retells most of it
      long content = titleWords.stream().filter(w -> w.length() > 3).count();
      long retold = titleWords.stream().filter(w -> w.length() > 3 && words.contains(w)).count();
      double share = content == 0 ? 0 : (double) retold / content;
      f.add(share == 0 ? "retell=none" : share < 0.25 ? "retell=low" : share < 0.5 ? "retell=some" : "retell=most");
      for (TriggerMatch t : matcher.find(title)) {
        f.add("ttrig=" + t.eventType());
      }
    }
    return f;
  }

  /** The sentence's features ({@link #sentence}) with {@code type} and the date chosen for it joined in, for the role and plan models. */
  Features ofType(Reading r, Features base, String type, EventDate date) {
    Features f = new Features();
    String dateBucket = distance(date, r.anchor());
    base.values().forEach((name, value) -> {
      f.add(name, value);
      if (!name.startsWith("w=") && !name.startsWith("b=") && !name.startsWith("tw=") && !name.startsWith("eid=")) {
        f.add(type + "|" + name, value);
      }
    });
    f.add("type=" + type);
    f.add("date=" + dateBucket);
    f.add(type + "|date=" + dateBucket);
    f.add("precision=" + date.precision().name());
    return f;
  }

  /**
   * The date model's features of one way to date a candidate's happening of {@code type}: by the
   * time expression {@code t} of the sentence, or ({@code t} null) by none of them, the happening
   * then being of the last few days. Where the expression stands against the type's own triggers
   * (before or after, how far, across a comma, nearer another type's trigger), the word before it
   * ("on", "since", "after"), its kind and precision, how far back it lies, and how many other
   * expressions the sentence offers.
   */
  Features dateOption(Reading r, Candidate c, String type, @Nullable TimeExpression t, List<TimeExpression> options) {
    Features f = new Features();
    f.add("n=" + Math.min(options.size(), 3));
    if (r.stateMedia()) {
      f.add("statemedia");
    }
    if (t == null) {
      f.add("none");
      f.add("none|" + type);
      return f;
    }
    List<TriggerMatch> own = c.triggers().stream().filter(m -> m.eventType().equals(type)).toList();
    List<TriggerMatch> others = c.triggers().stream().filter(m -> !m.eventType().equals(type)).toList();
    if (own.isEmpty()) {
      own = c.triggers();
      f.add("untriggered");
    }
    TriggerMatch near = null;
    for (TriggerMatch m : own) {
      if (near == null || Math.abs(t.start() - m.start()) < Math.abs(t.start() - near.start())) {
        near = m;
      }
    }
    String kind = t.kind().name();
    f.add("k=" + kind);
    f.add("k=" + kind + "|" + type);
    f.add("p=" + t.value().precision().name());
    f.add("td=" + distance(t.value(), r.anchor()));
    if (t.future()) {
      f.add("future");
    }
    if (near != null) {
      boolean before = t.end() <= near.start();
      int gap = before ? near.start() - t.end() : Math.max(0, t.start() - near.end());
      String side = before ? "before" : "after";
      String far = gap <= 10 ? "0-10" : gap <= 30 ? "11-30" : gap <= 80 ? "31-80" : "81+";
      f.add("side=" + side);
      f.add("gap=" + far);
      f.add("side=" + side + "|gap=" + far);
      String between = r.text().substring(Math.min(t.end(), near.end()), Math.max(t.start(), near.start()));
      if (between.indexOf(',') >= 0 || between.indexOf(';') >= 0) {
        f.add("comma");
      }
      if (!others.isEmpty() && Dating.nearest(t, others) < Dating.nearest(t, own)) {
        f.add("othernearer");
      }
    } else {
      f.add("notrigger");
    }
    int rank = 0;
    for (TimeExpression o : options) {
      if (o != t && near != null && Math.abs(o.start() - near.start()) < Math.abs(t.start() - near.start())) {
        rank++;
      }
    }
    f.add("rank=" + Math.min(rank, 2));
    List<String> before = words(r.text().substring(Math.max(c.start(), t.start() - 24), t.start()));
    f.add("pre=" + (before.isEmpty() ? "^" : before.get(before.size() - 1)));
    List<String> inside = words(t.text());
    if (!inside.isEmpty()) {
      f.add("first=" + inside.get(0));
    }
    return f;
  }

  private static String position(Candidate c) {
    return c.ordinal() == 0 ? "pos=first" : c.ordinal() < 3 ? "pos=lead" : c.ordinal() < 8 ? "pos=upper" : "pos=body";
  }

  /** How far a date lies from the anchor day, in coarse buckets. */
  static String distance(EventDate date, @Nullable LocalDate anchor) {
    if (!date.isKnown() || anchor == null) {
      return "unknown";
    }
    if (Dating.ahead(date, anchor)) {
      return "future";
    }
    long back = ChronoUnit.DAYS.between(date.latest(), anchor);
    if (back <= 1) {
      return "0-1";
    }
    if (back <= 7) {
      return "2-7";
    }
    if (back <= 31) {
      return "8-31";
    }
    if (back <= 366) {
      return "32-366";
    }
    return "older";
  }

  /** Lower-cased words: letters and digits, hyphens kept inside a word ("hwasong-15"). */
  static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (Character.isLetterOrDigit(ch) || (ch == '-' && w.length() > 0)) {
        w.append(Character.toLowerCase(ch));
      } else if (w.length() > 0) {
        out.add(strip(w));
        w.setLength(0);
      }
    }
    if (w.length() > 0) {
      out.add(strip(w));
    }
    return out;
  }

  private static String strip(StringBuilder w) {
    int end = w.length();
    while (end > 1 && w.charAt(end - 1) == '-') {
      end--;
    }
    return w.substring(0, end);
  }
}
