package org.watchfloor.pipeline;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.watchfloor.WatchfloorException;
import org.watchfloor.extract.Extraction;
import org.watchfloor.extract.Extractor;
import org.watchfloor.model.Article;
import org.watchfloor.model.ArticleFlag;
import org.watchfloor.model.Origin;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.parse.ParseResult;
import org.watchfloor.resolve.EditLog;
import org.watchfloor.resolve.OriginResolver;
import org.watchfloor.resolve.Resolver;
import org.watchfloor.resolve.Rewrites;
import org.watchfloor.resolve.StableIds;
import org.watchfloor.store.ShadowTables;
import org.watchfloor.profile.WatchProfile;
import org.watchfloor.store.Store;

/**
 * Derives mentions, reports and events again for every stored article, from its stored raw
 * bytes with the current parser and extractor, in ingest order: what a newer extractor needs.
 *
 * <p>The new derived data is built in scratch tables, a transaction per batch of articles, and
 * swapped in by one last transaction (see {@link ShadowTables}): a kill at any point leaves the
 * store with either all its old derived data or all the new. The swap also marks the search
 * index stale ({@link Store#markIndexStale}) in the same transaction, and only the rebuild's
 * commit makes it current again: a kill between the two leaves an index that every process
 * opening the store rebuilds, or reports as stale, instead of hits filed under what was derived
 * before. Analyst edits are inputs, as in
 * ingest; event ids are carried over by {@link StableIds}' rule. What an article was found to
 * copy at ingest ({@code copy_of}, the syndicated flag) is kept: it is a fact about the store's
 * history, not about the text.
 */
public final class Reprocessor {

  /** Told of progress; may throw to abandon the run, leaving the store as it was. */
  public interface Listener {
    default void batchDone(int articlesSoFar) {}

    /**
     * The new derived data is committed and the search index is about to be rebuilt; throwing
     * here stops the run as a kill at that point would, the swap kept and the index not rebuilt.
     */
    default void swapped() {}
  }

  /** What a run did. */
  public record Summary(int articles, int reports, int eventsBefore, int events, int idsKept, int unparsable) {}

  private final Store store;
  private final Function<Article, Extraction> extractor;
  private final Function<String, Origin> origins;
  private final WatchProfile profile;
  /** The extractor's version, recorded with every article it extracts again. */
  private final String version;
  private final ArticleParser parser = new ArticleParser();

  public Reprocessor(Store store, Extractor extractor) {
    this(store, extractor::extract, extractor::origin, extractor.profile(), extractor.modelVersion());
  }

  /** With any extraction: a newer extractor, or in tests one whose output differs. */
  Reprocessor(Store store, Function<Article, Extraction> extractor, Function<String, Origin> origins,
      WatchProfile profile, String version) {
    this.store = store;
    this.version = version;
    this.profile = profile;
    this.extractor = extractor;
    this.origins = origins;
  }

  public Summary run(int batchSize, Listener listener) {
    if (batchSize < 1) {
      throw new WatchfloorException.BadInput("batch size must be positive: " + batchSize);
    }
    // it derives every event anew and swaps them in: another writer's reports meanwhile would be lost
    store.writeAlone();
    ShadowTables shadow = store.shadow();
    store.inTransaction(() -> {
      shadow.begin();
      return null;
    });
    try {
      Resolver resolver = Resolver.forProfile(shadow.events(), store.edits(), profile);
      int[] counts = new int[3]; // articles, reports, unparsable
      long[] after = {0};
      while (true) {
        List<ShadowTables.Stored> batch = store.inTransaction(() -> shadow.after(after[0], batchSize));
        if (batch.isEmpty()) {
          break;
        }
        store.inTransaction(() -> {
          for (ShadowTables.Stored s : batch) {
            Article article = reparse(s, counts);
            Extraction x = extractor.apply(article);
            shadow.insertArticle(article, x.mentions());
            resolver.attach(article, x.reports(), origins);
            counts[1] += x.reports().size();
          }
          return null;
        });
        counts[0] += batch.size();
        after[0] = batch.get(batch.size() - 1).seq();
        listener.batchDone(counts[0]);
      }
      Summary summary = store.inTransaction(() -> {
        Set<String> fresh = shadow.newEvents();
        EditLog edits = resolver.edits();
        Map<String, String> ids = StableIds.carryOver(fresh, shadow.overlaps(), edits.pinnedEvents());
        ShadowTables.Swapped swapped = shadow.swap(ids);
        store.markIndexStale();
        store.articles().markAllExtracted(version);
        Resolver live = Resolver.forProfile(store.events(), store.edits(), profile);
        live.remerge(edits.correctedEvents().stream().filter(ids::containsValue).toList());
        live.settleEdits();
        shadow.drop();
        return new Summary(counts[0], counts[1], swapped.eventsBefore(), fresh.size(), swapped.idsKept(), counts[2]);
      });
      listener.swapped();
      // the articles' text and report types changed under documents already indexed
      store.rebuildIndex();
      return summary;
    } finally {
      try {
        store.inTransaction(() -> {
          shadow.drop();
          return null;
        });
      } catch (RuntimeException ignored) {
        // the scratch tables are temporary: they go with the connection anyway
      }
    }
  }

  /**
   * The article parsed again from its bytes, under its stored id and with what ingest found
   * about copies; the stored article when its bytes no longer parse (counted), so that no
   * article loses its derived data.
   */
  private Article reparse(ShadowTables.Stored s, int[] counts) {
    Article stored = s.article();
    ParseResult parsed = parser.parse(s.raw());
    if (!parsed.ok()) {
      counts[2]++;
      return stored;
    }
    Article a = parsed.article();
    Set<ArticleFlag> flags = EnumSet.noneOf(ArticleFlag.class);
    flags.addAll(a.flags());
    if (stored.has(ArticleFlag.SYNDICATED)) {
      flags.add(ArticleFlag.SYNDICATED);
    }
    // copy and rewrite links were found at ingest against the store of the day: they are kept
    Map<String, String> extra = new HashMap<>(a.extra());
    for (String key : List.of(OriginResolver.REWRITE_OF, Rewrites.COSINE)) {
      if (stored.extra().containsKey(key)) {
        extra.put(key, stored.extra().get(key));
      }
    }
    return new Article(stored.id(), a.url(), stored.sourcePath(), a.outlet(), a.title(), a.byline(), a.published(),
        a.language(), a.text(), a.contentHash(), flags, stored.copyOf(), extra, a.problems());
  }
}
