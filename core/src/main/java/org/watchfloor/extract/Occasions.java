package org.watchfloor.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
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
    Read read = new Read(sentences);
    Map<String, int[]> startsByType = evidenceStartsByType(reports);
    List<Report> out = new ArrayList<>(reports.size());
    for (Report r : reports) {
      Cues back = backReferences.get(r.eventType());
      int said = back == null ? -1 : sentenceOf(r, startsByType.get(r.eventType()), read, back);
      String label = said < 0 ? null : read.occasion(said);
      out.add(label == null ? r : with(r, label, sentences.get(said)));
    }
    return out;
  }

  /** Per event type, the evidence starts of its reports, ascending. */
  private static Map<String, int[]> evidenceStartsByType(List<Report> reports) {
    Map<String, int[]> out = new HashMap<>();
    reports.stream().collect(Collectors.groupingBy(Report::eventType))
        .forEach((type, of) -> out.put(type, of.stream().mapToInt(Report::evidenceStart).sorted().toArray()));
    return out;
  }

  /** The index of the sentence that gives {@code r}'s occasion, or -1. */
  private int sentenceOf(Report r, int[] sameTypeStarts, Read read, Cues back) {
    int next = nextAfter(sameTypeStarts, r.evidenceStart());
    for (int i = 0; i < read.sentences.size(); i++) {
      Sentences.Sentence s = read.sentences.get(i);
      if (s.start() < r.evidenceStart() || read.elsewhere(i)) {
        continue;
      }
      if (s.start() >= next) {
        return -1;
      }
      boolean own = s.start() == r.evidenceStart();
      if ((own || read.refersBack(i, back)) && read.occasion(i) != null) {
        return i;
      }
    }
    return -1;
  }

  /** The least of {@code ascending} above {@code start}, or {@link Integer#MAX_VALUE}. */
  private static int nextAfter(int[] ascending, int start) {
    int low = 0;
    int high = ascending.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (ascending[mid] <= start) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low < ascending.length ? ascending[low] : Integer.MAX_VALUE;
  }

  /**
   * What the sentences of one article say, each read once however many reports ask: asked again
   * for every report, a long sentence was read again for each of the many reports it holds.
   */
  private final class Read {
    private final List<Sentences.Sentence> sentences;
    /** Per sentence: null until read. */
    private final @Nullable Boolean[] elsewhere;
    private final Map<Cues, @Nullable Boolean[]> refersBack = new IdentityHashMap<>();
    private final boolean[] occasionRead;
    private final @Nullable String[] occasions;

    Read(List<Sentences.Sentence> sentences) {
      this.sentences = sentences;
      this.elsewhere = new Boolean[sentences.size()];
      this.occasionRead = new boolean[sentences.size()];
      this.occasions = new String[sentences.size()];
    }

    /** Whether sentence {@code i} puts its setting at another time, or asks. */
    boolean elsewhere(int i) {
      Boolean known = elsewhere[i];
      if (known == null) {
        String text = sentences.get(i).text();
        known = Occasions.this.elsewhere.in(text) || text.endsWith("?");
        elsewhere[i] = known;
      }
      return known;
    }

    /** Whether sentence {@code i} refers back to the news by one of {@code back}. */
    boolean refersBack(int i, Cues back) {
      @Nullable Boolean[] refers = refersBack.computeIfAbsent(back, b -> new Boolean[sentences.size()]);
      Boolean known = refers[i];
      if (known == null) {
        known = back.in(sentences.get(i).text());
        refers[i] = known;
      }
      return known;
    }

    /** The occasion sentence {@code i} names, or null. */
    @Nullable String occasion(int i) {
      if (!occasionRead[i]) {
        occasions[i] = occasionIn(sentences.get(i).text());
        occasionRead[i] = true;
      }
      return occasions[i];
    }
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
