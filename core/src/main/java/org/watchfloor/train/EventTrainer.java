package org.watchfloor.train;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.ArticleReader;
import org.watchfloor.extract.Candidate;
import org.watchfloor.extract.EventModel;
import org.watchfloor.extract.Reading;
import org.watchfloor.extract.learn.Features;
import org.watchfloor.extract.learn.LinearModel;
import org.watchfloor.extract.time.TimeExpression;
import org.watchfloor.model.EventDate;

/**
 * Trains the {@link EventModel} from annotated articles. Every candidate sentence the extractor
 * would ask the model about is an instance: labelled with the types of the happenings whose
 * evidence it is part of, or {@code none}. Each (sentence, happening) pair is also an instance of
 * the role model (news or passing mention) and of the plan model, and each way to date it (by
 * one of the sentence's time expressions, or none) an instance of the date model. Articles known
 * to tell nothing of the watch give {@code none} instances only.
 */
public final class EventTrainer {

  /** Share of a candidate sentence (or of an evidence sentence, the shorter) that must overlap to count as it. */
  static final double OVERLAP = 0.5;

  /** LIBLINEAR's C for the three models: grouped cross-validation chose it. */
  public static final double COST = 1.0;

  /** The instances of the three models, and how many evidence sentences no candidate covers. */
  public record Instances(
      List<LinearTrainer.Instance> types,
      List<LinearTrainer.Instance> roles,
      List<LinearTrainer.Instance> plans,
      List<LinearTrainer.Instance> dates,
      int evidence,
      int uncovered) {}

  private final ArticleReader reader;
  private final long seed;
  private final double cost;
  /** Each article's instances, kept by a trainer that trains again and again on the same articles; else null. */
  private final @Nullable Map<LabelledArticle, Instances> remembered;

  public EventTrainer(ArticleReader reader, long seed, double cost) {
    this(reader, seed, cost, null);
  }

  private EventTrainer(ArticleReader reader, long seed, double cost,
      @Nullable Map<LabelledArticle, Instances> remembered) {
    this.reader = reader;
    this.seed = seed;
    this.cost = cost;
    this.remembered = remembered;
  }

  /**
   * A trainer that reads each article once and keeps its instances: cross-validation trains on
   * every article in all folds but one, and reading them (sentences, candidates, features) is
   * most of what training an article costs. Instances do not depend on the other articles.
   */
  public EventTrainer remembering() {
    return new EventTrainer(reader, seed, cost, new IdentityHashMap<>());
  }

  public EventModel train(List<LabelledArticle> articles, EventModel.Settings settings) {
    Instances in = instances(articles);
    LinearModel types = new LinearTrainer(cost, seed, true).train(in.types(), "event types");
    LinearModel roles = new LinearTrainer(cost, seed, false).train(in.roles(), "event roles");
    LinearModel plans = new LinearTrainer(cost, seed, true).train(in.plans(), "event plans");
    LinearModel dates = in.dates().isEmpty() ? null : new LinearTrainer(cost, seed, false).train(in.dates(), "event dates");
    return new EventModel(types, roles, plans, dates, settings);
  }

  public Instances instances(List<LabelledArticle> articles) {
    List<LinearTrainer.Instance> types = new ArrayList<>();
    List<LinearTrainer.Instance> roles = new ArrayList<>();
    List<LinearTrainer.Instance> plans = new ArrayList<>();
    List<LinearTrainer.Instance> dates = new ArrayList<>();
    int evidence = 0;
    int uncovered = 0;
    for (LabelledArticle a : articles) {
      Instances one = remembered == null ? read(a) : remembered.computeIfAbsent(a, this::read);
      types.addAll(one.types());
      roles.addAll(one.roles());
      plans.addAll(one.plans());
      dates.addAll(one.dates());
      evidence += one.evidence();
      uncovered += one.uncovered();
    }
    return new Instances(types, roles, plans, dates, evidence, uncovered);
  }

  /** One article's instances. */
  private Instances read(LabelledArticle a) {
    List<LinearTrainer.Instance> types = new ArrayList<>();
    List<LinearTrainer.Instance> roles = new ArrayList<>();
    List<LinearTrainer.Instance> plans = new ArrayList<>();
    List<LinearTrainer.Instance> dates = new ArrayList<>();
    int evidence = 0;
    int uncovered = 0;
    boolean annotated = a.events().stream().allMatch(e -> !e.evidence().isEmpty());
    Reading r = reader.read(a.article());
    if (!annotated) {
      distant(a, r, types, roles, plans, dates);
    } else {
      List<Candidate> candidates = reader.candidates(r);
      List<int[]> spans = new ArrayList<>();
      List<LabelledEvent> owners = new ArrayList<>();
      for (LabelledEvent e : a.events()) {
        for (String sentence : e.evidence()) {
          int[] span = find(r.text(), sentence);
          evidence++;
          if (span == null) {
            uncovered++;
            continue;
          }
          spans.add(span);
          owners.add(e);
          if (candidates.stream().noneMatch(c -> overlaps(c, span))) {
            uncovered++;
          }
        }
      }
      for (Candidate c : candidates) {
        Set<LabelledEvent> told = new LinkedHashSet<>();
        for (int i = 0; i < spans.size(); i++) {
          if (overlaps(c, spans.get(i))) {
            told.add(owners.get(i));
          }
        }
        var features = reader.sentenceFeatures(r, c);
        if (told.isEmpty()) {
          types.add(new LinearTrainer.Instance(features, EventModel.NONE));
          continue;
        }
        Set<String> typesTold = new LinkedHashSet<>();
        for (LabelledEvent e : told) {
          if (typesTold.add(e.type())) {
            types.add(new LinearTrainer.Instance(features, e.type()));
          }
          var typed = reader.typedFeatures(r, c, features, e.type());
          roles.add(new LinearTrainer.Instance(typed, e.news() ? EventModel.NEWS : EventModel.BACKGROUND));
          plans.add(new LinearTrainer.Instance(typed, e.planned() ? EventModel.PLANNED : EventModel.HAPPENED));
          dates(r, c, e, e.type(), dates);
        }
      }
    }
    return new Instances(types, roles, plans, dates, evidence, uncovered);
  }

  /**
   * Labels an article whose happenings are known without their sentences (a gold list per
   * article): a candidate tells a happening when one of its trigger phrases is of the
   * happening's type and the day it tells agrees with the happening's (within a day), or, told
   * without a day, when it stands in the lead. Every other candidate tells none. A weaker label
   * than an annotator's evidence, but of the style (state media) the annotated corpus lacks.
   */
  private void distant(LabelledArticle a, Reading r, List<LinearTrainer.Instance> types,
      List<LinearTrainer.Instance> roles, List<LinearTrainer.Instance> plans, List<LinearTrainer.Instance> dates) {
    for (Candidate c : reader.candidates(r)) {
      var features = reader.sentenceFeatures(r, c);
      Set<String> triggered = new LinkedHashSet<>();
      c.triggers().forEach(t -> triggered.add(t.eventType()));
      LabelledEvent match = null;
      String type = null;
      for (LabelledEvent e : a.events()) {
        for (String t : e.types()) {
          if (match == null && triggered.contains(t)) {
            var told = reader.toldDate(r, c, t);
            boolean dated = told.isKnown()
                ? AnnotatedScore.datesAgree(told.iso(), e.date(), e.datePrecision())
                : c.ordinal() < LEAD_SENTENCES;
            if (dated) {
              match = e;
              type = t;
            }
          }
        }
      }
      if (match == null) {
        types.add(new LinearTrainer.Instance(features, EventModel.NONE));
        continue;
      }
      types.add(new LinearTrainer.Instance(features, type));
      var typed = reader.typedFeatures(r, c, features, type);
      roles.add(new LinearTrainer.Instance(typed, match.news() ? EventModel.NEWS : EventModel.BACKGROUND));
      plans.add(new LinearTrainer.Instance(typed, match.planned() ? EventModel.PLANNED : EventModel.HAPPENED));
      dates(r, c, match, type, dates);
    }
  }

  /**
   * The date model's instances of a sentence telling a happening: each way to date it (by one of
   * its time expressions, or by none, the happening then being of the last few days), labelled by
   * whether it gives the happening's day. A happening of unknown day, or one no option dates
   * right, teaches nothing of choosing and gives none.
   */
  private void dates(Reading r, Candidate c, LabelledEvent e, String type, List<LinearTrainer.Instance> dates) {
    if (e.date().isBlank() || "unknown".equals(e.datePrecision())) {
      return;
    }
    List<TimeExpression> options = reader.dateOptions(c);
    if (options.isEmpty()) {
      return;
    }
    List<LinearTrainer.Instance> out = new ArrayList<>();
    EventDate recent = ArticleReader.recentOr(r);
    boolean any = add(out, reader.dateFeatures(r, c, type, null, options), recent, e);
    for (TimeExpression t : options) {
      any |= add(out, reader.dateFeatures(r, c, type, t, options), reader.dateOf(r, t), e);
    }
    if (any) {
      dates.addAll(out);
    }
  }

  private static boolean add(List<LinearTrainer.Instance> out, Features option, EventDate date, LabelledEvent e) {
    boolean agrees = date.isKnown() && AnnotatedScore.datesAgree(date.iso(), e.date(), e.datePrecision());
    out.add(new LinearTrainer.Instance(option, agrees ? EventModel.AGREES : EventModel.DIFFERS));
    return agrees;
  }

  /** Sentences from the top of an article that make its lead, where an undated happening is told. */
  static final int LEAD_SENTENCES = 3;

  /** Where an evidence sentence stands in the text read; {@code null} when it is not there. */
  static int[] find(String text, String sentence) {
    String s = sentence.strip();
    int at = text.indexOf(s);
    if (at >= 0) {
      return new int[] {at, at + s.length()};
    }
    // (the parser may have changed the whitespace or quotes: its first or last words place it)
    int n = Math.min(60, s.length());
    at = text.indexOf(s.substring(0, n));
    if (at >= 0) {
      return new int[] {at, Math.min(text.length(), at + s.length())};
    }
    at = text.indexOf(s.substring(s.length() - n));
    if (at >= 0) {
      return new int[] {Math.max(0, at + n - s.length()), at + n};
    }
    return null;
  }

  static boolean overlaps(Candidate c, int[] span) {
    int common = Math.min(c.end(), span[1]) - Math.max(c.start(), span[0]);
    if (common <= 0) {
      return false;
    }
    int shorter = Math.min(c.end() - c.start(), span[1] - span[0]);
    return common >= OVERLAP * shorter;
  }
}
