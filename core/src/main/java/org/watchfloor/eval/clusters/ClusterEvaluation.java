package org.watchfloor.eval.clusters;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.watchfloor.extract.Extractor;
import org.watchfloor.pipeline.IngestSummary;
import org.watchfloor.model.Report;
import org.watchfloor.pipeline.Pipeline;
import org.watchfloor.pipeline.StageTimes;
import org.watchfloor.store.ArticleRows;
import org.watchfloor.store.Store;

/**
 * Ingests articles into a fresh store, then scores how their reports were grouped into events
 * against a gold file. The items scored are the gold's article references; a reference stands
 * for every stored article with that URL (a revised story served twice under one URL is one
 * reference), or, for {@code file:PATH}, every article whose source path ends with PATH. A
 * reference's system groups are the events its articles' reports attach to; reports that mention
 * an event only in passing (background) are left out unless asked for, as a gold grouping lists
 * the events an article reports. A gold event the gold calls a judgement call is counted when
 * found and forgiven when missed (see {@link ClusterScores}).
 */
public final class ClusterEvaluation {

  /** What one evaluation found. */
  public record Result(
      ClusterScores scores, List<EventRow> events, List<String> unmatched, int articlesStored, int reports,
      double ingestSeconds, @Nullable ConflictScores conflicts, StageTimes stages,
      Map<String, SystemEvent> systemEvents, List<IssueChecks.OriginSplit> originSplits,
      List<IssueChecks.WeaponMerge> weaponMerges) {}

  /**
   * One gold event: how many of its articles were found, and over how many system events they
   * spread; {@code placed} maps each found article reference to the system events its reports
   * went to (empty: no report, or only background ones).
   */
  public record EventRow(String key, String type, int articles, int found, int systemEvents, int withoutEvent,
      Map<String, Set<String>> placed) {}

  /** A system event as the details listing shows it, with the gold events whose articles it holds. */
  public record SystemEvent(String id, String type, String date, String summary, Set<String> goldEvents) {}

  private ClusterEvaluation() {}

  /**
   * @param goldConflicts a gold conflicts file ({@link ConflictScores}), or {@code null} to skip
   *     scoring conflict detection
   */
  public static Result run(Path goldFile, @Nullable Path goldConflicts, List<Path> articles, Path storeDir,
      Extractor extractor, boolean withBackground)
      throws IOException, SQLException {
    try (Store store = Store.open(storeDir)) {
      long start = System.nanoTime();
      IngestSummary summary = new Pipeline(store, extractor, new Pipeline.Listener() {}).ingest(articles);
      double seconds = (System.nanoTime() - start) / 1e9;
      return score(goldFile, goldConflicts, store, withBackground, summary, seconds);
    }
  }

  /**
   * Scores the grouping already in {@code store}; {@code summary} and {@code ingestSeconds} are
   * passed through to the result (the ingest that filled the store).
   */
  public static Result score(Path goldFile, @Nullable Path goldConflicts, Store store, boolean withBackground,
      IngestSummary summary, double ingestSeconds) throws IOException, SQLException {
    List<GoldEvents.Event> gold = GoldEvents.read(goldFile);
    Set<ConflictScores.Key> conflictKeys = goldConflicts == null ? null : ConflictScores.read(goldConflicts);
    List<ArticleRows.Ref> stored = store.articles().refs();
    Map<String, List<String>> byUrl = new HashMap<>();
    for (ArticleRows.Ref a : stored) {
      if (a.url() != null) {
        byUrl.computeIfAbsent(a.url(), k -> new ArrayList<>()).add(a.id());
      }
    }
    Map<String, Set<String>> goldGroups = new LinkedHashMap<>();
    Map<String, Set<String>> systemGroups = new HashMap<>();
    List<String> unmatched = new ArrayList<>();
    List<EventRow> rows = new ArrayList<>();
    Map<String, Map<String, Set<String>>> eventsOfArticle = new HashMap<>();
    Map<String, Map<String, Map<String, Set<String>>>> partsOfGold = new LinkedHashMap<>();
    Map<String, String> representative = new HashMap<>();
    Map<String, Set<String>> goldOfSystem = new HashMap<>();
    for (GoldEvents.Event g : gold) {
      Map<String, Integer> votes = new HashMap<>();
      int found = 0;
      int without = 0;
      Set<String> spread = new TreeSet<>();
      Map<String, Set<String>> placed = new LinkedHashMap<>();
      Map<String, Map<String, Set<String>>> parts = new LinkedHashMap<>();
      for (String ref : g.articles()) {
        goldGroups.computeIfAbsent(ref, k -> new LinkedHashSet<>()).add(g.key());
        List<String> ids = resolve(ref, byUrl, stored);
        if (ids.isEmpty()) {
          if (!unmatched.contains(ref)) {
            unmatched.add(ref);
          }
          continue;
        }
        found++;
        Set<String> events = new LinkedHashSet<>();
        Map<String, Set<String>> part = new LinkedHashMap<>();
        for (String id : ids) {
          eventsOfArticle.computeIfAbsent(id, k -> eventsOf(store, k, withBackground)).forEach((ev, origins) -> {
            events.add(ev);
            part.computeIfAbsent(ev, k -> new TreeSet<>()).addAll(origins);
          });
        }
        parts.put(ref, part);
        systemGroups.put(ref, events);
        placed.put(ref, events);
        for (String ev : events) {
          goldOfSystem.computeIfAbsent(ev, k -> new TreeSet<>()).add(g.key());
        }
        events.forEach(ev -> votes.merge(ev, 1, Integer::sum));
        if (events.isEmpty()) {
          without++;
        }
        spread.addAll(events);
      }
      partsOfGold.put(g.key(), parts);
      rows.add(new EventRow(g.key(), g.type(), g.articles().size(), found, spread.size(), without, placed));
      votes.entrySet().stream()
          .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
          .ifPresent(best -> representative.put(g.key(), best.getKey()));
    }
    ConflictScores conflicts = conflictKeys == null ? null
        : ConflictScores.score(conflictKeys, representative, store.events().withConflicts());
    Map<String, SystemEvent> systemEvents = new LinkedHashMap<>();
    for (Map.Entry<String, Set<String>> e : goldOfSystem.entrySet()) {
      store.events().get(e.getKey()).ifPresent(ev -> systemEvents.put(ev.id(),
          new SystemEvent(ev.id(), ev.type(), ev.date().iso(), ev.summary(), e.getValue())));
    }
    Set<String> judgementCalls = new TreeSet<>();
    gold.stream().filter(GoldEvents.Event::judgementCall).forEach(g -> judgementCalls.add(g.key()));
    return new Result(ClusterScores.score(systemGroups, goldGroups, judgementCalls), rows, unmatched, summary.stored(),
        summary.reports(), ingestSeconds, conflicts, summary.stages(), systemEvents,
        IssueChecks.originSplits(partsOfGold), IssueChecks.weaponMerges(goldOfSystem, gold));
  }

  /** The events the article's reports went to, each with the origins of those reports. */
  private static Map<String, Set<String>> eventsOf(Store store, String articleId, boolean withBackground) {
    try {
      Map<String, Set<String>> out = new LinkedHashMap<>();
      for (Report r : store.events().reportsOfArticle(articleId)) {
        if (r.background() && !withBackground) {
          continue;
        }
        store.events().eventOfReport(r.id())
            .ifPresent(ev -> out.computeIfAbsent(ev, k -> new TreeSet<>()).add(r.origin()));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read reports of " + articleId, e);
    }
  }

  private static List<String> resolve(String ref, Map<String, List<String>> byUrl, List<ArticleRows.Ref> stored) {
    if (ref.startsWith("file:")) {
      String suffix = ref.substring("file:".length());
      return stored.stream()
          .filter(a -> a.sourcePath() != null && a.sourcePath().replace('\\', '/').endsWith("/" + suffix))
          .map(ArticleRows.Ref::id)
          .toList();
    }
    return byUrl.getOrDefault(ref, List.of());
  }
}
