package org.watchfloor.model;

import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one article says about one event: the type, date and arguments it claims, the evidence
 * sentence, who it attributes the claim to, and how certain it is.
 *
 * @param id stable id: the article id and the report's index in it
 * @param evidenceStart offset of the evidence sentence in the article text
 * @param attribution the phrase naming the source ("KCNA reported"), or {@code null}
 * @param origin the id of the primary source the report traces to (an {@link Origin} id)
 * @param background the article mentions the event in passing, it is not its news
 * @param recap the article tells the event as news but days after it happened (a late report,
 *     a follow-up): it is news of the event, yet it confirms nothing an earlier report did not
 */
public record Report(
    String id,
    String articleId,
    String eventType,
    EventDate date,
    boolean planned,
    boolean background,
    List<String> actors,
    List<String> weapons,
    List<String> locations,
    Map<String, String> attributes,
    String evidence,
    int evidenceStart,
    int evidenceEnd,
    @Nullable String attribution,
    Certainty certainty,
    String origin,
    List<Claim> claims,
    boolean recap) {

  public Report {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(certainty, "certainty");
    Objects.requireNonNull(origin, "origin");
    actors = List.copyOf(actors);
    weapons = List.copyOf(weapons);
    locations = List.copyOf(locations);
    attributes = SortedMaps.copyOf(attributes);
    claims = List.copyOf(claims);
  }

  /** A report as the extract stage makes it: whether it is a recap is the resolve stage's to say. */
  public Report(String id, String articleId, String eventType, EventDate date, boolean planned, boolean background,
      List<String> actors, List<String> weapons, List<String> locations, Map<String, String> attributes,
      String evidence, int evidenceStart, int evidenceEnd, @Nullable String attribution, Certainty certainty,
      String origin, List<Claim> claims) {
    this(id, articleId, eventType, date, planned, background, actors, weapons, locations, attributes, evidence,
        evidenceStart, evidenceEnd, attribution, certainty, origin, claims, false);
  }

  /** The same report under another {@code id} (an article's reports are numbered once all are read). */
  public Report withId(String id) {
    return new Report(id, articleId, eventType, date, planned, background, actors, weapons, locations, attributes,
        evidence, evidenceStart, evidenceEnd, attribution, certainty, origin, claims, recap);
  }

  /**
   * Whether the report confirms its event, counting toward its independent origins: it tells the
   * event as news, neither in passing (background) nor as a {@link #recap} of something days
   * past, and states it, neither denying it nor declining to say ("would not comment", "could not
   * confirm").
   */
  public boolean confirms() {
    return !background && !recap && certainty != Certainty.NEGATED;
  }
}
