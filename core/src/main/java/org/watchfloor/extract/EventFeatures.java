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
