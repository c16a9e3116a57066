package org.watchfloor.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Claim;
import org.watchfloor.model.Report;
import org.watchfloor.profile.OccasionDef;
import org.watchfloor.profile.OccasionVocabulary;

/**
 * Finds the occasion of each report, the setting its article says the event happened in ("factory
 * visit", "meeting"; the vocabulary is the profile's {@code occasions.yaml}), and adds it as an
 * {@code occasion} claim whose span is the sentence that says it, and as an attribute.
 *
 * <p>The occasion is read from the report's evidence sentence or, failing that, from the first
 * later sentence that refers back to the news ("the order came during …", "… where he
 * instructed …") before the article's next report of the same type; a sentence that puts its
 * setting at another time ("the directive follows a tour of …") gives none.
 */
final class Occasions {

  /** The claim field and attribute key. */
  static final String FIELD = "occasion";

  /** Characters after a cue within which its object must begin ("visited several munitions factories"). */
  private static final int OBJECT_REACH = 40;

  private static final Pattern CLAUSE_BREAK = Pattern.compile("[,;:()—–]");

  private record Kind(String label, Cues cues, @Nullable Cues objects) {}

  private final List<Kind> kinds = new ArrayList<>();
  private final Map<String, Cues> backReferences = new LinkedHashMap<>();
  private final Cues elsewhere;

  Occasions(OccasionVocabulary vocabulary) {
    for (OccasionDef o : vocabulary.occasions()) {
      kinds.add(new Kind(o.label(), new Cues(o.cues()), o.objects().isEmpty() ? null : new Cues(o.objects())));
    }
    vocabulary.eventTypes().forEach((type, words) -> backReferences.put(type, new Cues(words)));
    this.elsewhere = new Cues(vocabulary.elsewhere());
  }

  /** The reports, each with its occasion claim and attribute where its article gives one. */
  List<Report> tag(List<Report> reports, List<Sentences.Sentence> sentences) {
    List<Report> out = new ArrayList<>(reports.size());
    for (Report r : reports) {
      Cues back = backReferences.get(r.eventType());
      Sentences.Sentence said = back == null ? null : sentenceOf(r, reports, sentences, back);
      String label = said == null ? null : occasionIn(said.text());
      out.add(label == null ? r : with(r, label, said));
    }
    return out;
  }

  private Sentences.@Nullable Sentence sentenceOf(Report r, List<Report> reports, List<Sentences.Sentence> sentences,
      Cues back) {
    int next = reports.stream()
        .filter(o -> o.eventType().equals(r.eventType()) && o.evidenceStart() > r.evidenceStart())
        .mapToInt(Report::evidenceStart).min().orElse(Integer.MAX_VALUE);
    for (Sentences.Sentence s : sentences) {
      if (s.start() < r.evidenceStart() || elsewhere.in(s.text()) || s.text().endsWith("?")) {
        continue;
      }
      if (s.start() >= next) {
        return null;
      }
      boolean own = s.start() == r.evidenceStart();
      if ((own || back.in(s.text())) && occasionIn(s.text()) != null) {
        return s;
      }
    }
    return null;
  }

  /** The label of the occasion named first in {@code sentence}, or {@code null}. */
  @Nullable String occasionIn(String sentence) {
    String label = null;
    int first = Integer.MAX_VALUE;
    for (Kind k : kinds) {
      Matcher cue = k.cues().find(sentence);
      while (cue != null && cue.start() < first) {
        if (k.objects() == null || objectFollows(k.objects(), sentence, cue.end())) {
          first = cue.start();
          label = k.label();
          break;
        }
        cue = cue.find() ? cue : null;
      }
    }
    return label;
  }

  /** Whether an object begins within reach after the cue, in the same clause (no comma between). */
  private static boolean objectFollows(Cues objects, String sentence, int from) {
    String after = sentence.substring(from, Math.min(sentence.length(), from + OBJECT_REACH));
    Matcher clause = CLAUSE_BREAK.matcher(after);
    Matcher m = objects.find(clause.find() ? after.substring(0, clause.start()) : after);
    return m != null;
  }

  private static Report with(Report r, String label, Sentences.Sentence said) {
    Map<String, String> attributes = new LinkedHashMap<>(r.attributes());
    attributes.put(FIELD, label);
    List<Claim> claims = new ArrayList<>(r.claims());
    claims.add(new Claim(FIELD, label, said.start(), said.end()));
    return new Report(r.id(), r.articleId(), r.eventType(), r.date(), r.planned(), r.background(), r.actors(),
        r.weapons(), r.locations(), attributes, r.evidence(), r.evidenceStart(), r.evidenceEnd(), r.attribution(),
        r.certainty(), r.origin(), claims);
  }
}
