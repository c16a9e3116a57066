package org.watchfloor.resolve;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Article;
import org.watchfloor.model.Origin;
import org.watchfloor.model.Report;
import org.watchfloor.profile.EventTypeDef;
import org.watchfloor.profile.OriginDef;
import org.watchfloor.profile.WatchProfile;

/**
 * Traces each report of an article to its primary source, refining the origin the extractor
 * gave it. The rules, first that applies wins:
 *
 * <ol>
 *   <li>a copy, light edit or rewrite (in other words, {@link #REWRITE_OF}) of an earlier article inherits the origin of the original's
 *       report of the same happening (same evidence, else same type, else the original's first
 *       report): republishing a story adds no source;
 *   <li>a report whose own sentence attributes it ("the JCS said") keeps that source;
 *   <li>an internal DPRK happening (a production directive, a facility inspection, a policy
 *       meeting) with no attribution traces to the state medium the article relies on, KCNA by
 *       default: state media are the only possible primary source of what happens inside the
 *       leadership's meetings;
 *   <li>a test claim (weapons_test_other) with no attribution, in an article that elsewhere
 *       attributes a report to a state medium, traces to that medium;
 *   <li>an outlet's own reporting credited to a wire agency (a byline or dateline credit such as
 *       "SEOUL (Reuters) -") is the wire's reporting;
 *   <li>otherwise the extractor's origin stands.
 * </ol>
 *
 * <p>Which event types are internal and which origins are state media is the watch profile's
 * ({@code internal: true} in its event types, {@code state_media: true} in its origins, the first
 * listed being the default). The wire agencies are kept here: they are the news trade's, the same
 * for every watch.
 */
public final class OriginResolver {

  /** The extra key naming the article that an article rewrites in other words. */
  public static final String REWRITE_OF = "rewrite_of";

  private final Set<String> internalTypes;
  private final Set<String> stateMedia;
  private final @Nullable String defaultStateMedium;

  /** Wire agencies by the way a credit names them, lower case, to the origin id they trace to. */
  private static final Map<String, String> WIRES = Map.of(
      "reuters", Origin.OWN_REPORTING_PREFIX + "Reuters",
      "ap", Origin.OWN_REPORTING_PREFIX + "Associated Press",
      "associated press", Origin.OWN_REPORTING_PREFIX + "Associated Press",
      "afp", Origin.OWN_REPORTING_PREFIX + "AFP",
      "agence france-presse", Origin.OWN_REPORTING_PREFIX + "AFP",
      "yonhap", "yonhap",
      "kyodo", Origin.OWN_REPORTING_PREFIX + "Kyodo News");

  private static final Pattern DATELINE_CREDIT =
      Pattern.compile("^[\\p{Lu} .,'-]{2,40}\\((Reuters|AP|AFP|Yonhap|Kyodo)\\)\\s*[-–—]");
  private static final Pattern BYLINE_CREDIT =
      Pattern.compile("\\b(reuters|associated press|ap|afp|agence france-presse|yonhap|kyodo)\\b");

  /** No internal types and no state media: only attributions, copies and wire credits count. */
  static final OriginResolver NONE = new OriginResolver(Set.of(), List.of());

  /**
   * @param internalTypes event types only the state's media can be the primary source of
   * @param stateMedia origin ids of the state's media, the default one first
   */
  OriginResolver(Set<String> internalTypes, List<String> stateMedia) {
    this.internalTypes = Set.copyOf(internalTypes);
    this.stateMedia = Set.copyOf(stateMedia);
    this.defaultStateMedium = stateMedia.isEmpty() ? null : stateMedia.get(0);
  }

  /** The rules of a watch profile. */
  public static OriginResolver of(WatchProfile profile) {
    Set<String> internal = new HashSet<>();
    for (EventTypeDef t : profile.eventTypes()) {
      if (t.internal()) {
        internal.add(t.id());
      }
    }
    List<String> media = profile.origins().stream().filter(OriginDef::stateMedia).map(OriginDef::id).toList();
    return new OriginResolver(internal, media);
  }

  /** The article that {@code article} copies or rewrites, whose origins it inherits; {@code null} if none. */
  static @Nullable String originalOf(Article article) {
    return article.copyOf() != null ? article.copyOf() : article.extra().get(REWRITE_OF);
  }

  /**
   * The reports of one article with their origins traced.
   *
   * @param originalReports the reports of the article this one copies, empty when it copies none
   */
  List<Report> trace(Article article, List<Report> reports, List<Report> originalReports) {
    String stateMedium = stateMediumRelied(reports);
    String wire = wireCredit(article);
    return reports.stream().map(r -> withOrigin(r, origin(r, originalReports, stateMedium, wire))).toList();
  }

  String origin(Report r, List<Report> originalReports, @Nullable String stateMedium, @Nullable String wire) {
    if (!originalReports.isEmpty()) {
      return inherited(r, originalReports);
    }
    if (r.attribution() != null) {
      return r.origin();
    }
    if (internalTypes.contains(r.eventType()) && defaultStateMedium != null) {
      return stateMedia.contains(r.origin()) ? r.origin() : stateMedium != null ? stateMedium : defaultStateMedium;
    }
    if (r.eventType().equals("weapons_test_other") && stateMedium != null) {
      return stateMedium;
    }
    if (wire != null && r.origin().startsWith(Origin.OWN_REPORTING_PREFIX)) {
      return wire;
    }
    return r.origin();
  }

  private static String inherited(Report r, List<Report> original) {
    for (Report o : original) {
      if (o.evidence().equals(r.evidence())) {
        return o.origin();
      }
    }
    for (Report o : original) {
      if (o.eventType().equals(r.eventType())) {
        return o.origin();
      }
    }
    return original.get(0).origin();
  }

  /** The state medium that the article's attributed reports name most, if any. */
  private @Nullable String stateMediumRelied(List<Report> reports) {
    Map<String, Integer> counts = new HashMap<>();
    for (Report r : reports) {
      if (r.attribution() != null && stateMedia.contains(r.origin())) {
        counts.merge(r.origin(), 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .orElse(null);
  }

  /** The wire agency credited in the byline or the dateline, if any. */
  public static @Nullable String wireCredit(Article article) {
    Matcher d = DATELINE_CREDIT.matcher(article.text().stripLeading());
    if (d.find()) {
      return WIRES.get(d.group(1).toLowerCase(Locale.ROOT));
    }
    if (article.byline() != null) {
      Matcher b = BYLINE_CREDIT.matcher(article.byline().toLowerCase(Locale.ROOT));
      if (b.find()) {
        return WIRES.get(b.group(1));
      }
    }
    return null;
  }

  static Report withOrigin(Report r, String origin) {
    if (origin.equals(r.origin())) {
      return r;
    }
    return new Report(
        r.id(), r.articleId(), r.eventType(), r.date(), r.planned(), r.background(), r.actors(), r.weapons(),
        r.locations(), r.attributes(), r.evidence(), r.evidenceStart(), r.evidenceEnd(), r.attribution(),
        r.certainty(), origin, r.claims(), r.recap());
  }
}
