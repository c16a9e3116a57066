package org.watchfloor.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.watchfloor.budget.Deadline;
import org.watchfloor.alert.Decider;
import org.watchfloor.extract.Extraction;
import org.watchfloor.extract.Extractor;
import org.watchfloor.ingest.DocumentSink;
import org.watchfloor.ingest.FileSource;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.ingest.Urls;
import org.watchfloor.model.Article;
import org.watchfloor.model.ArticleFlag;
import org.watchfloor.model.Report;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.parse.ParseResult;
import org.jspecify.annotations.Nullable;
import org.watchfloor.resolve.Embedder;
import org.watchfloor.resolve.NearDuplicates;
import org.watchfloor.resolve.OriginResolver;
import org.watchfloor.resolve.Rewrites;
import org.watchfloor.resolve.Resolver;
import org.watchfloor.store.ArticleRows;
import org.watchfloor.store.Store;

/**
 * Wires the stages for one document at a time: ingest → parse → extract → resolve → store.
 *
 * <p>Each article is stored as one unit, with its mentions, reports and the events they change,
 * and units are committed in groups of {@value #COMMIT_EVERY} (one fsync per group, see {@link
 * Store#commitEvery}): a crash loses at most the group in flight, never half of an article, and
 * a re-run skips what was stored (same bytes, or same URL with the same text) and stores the
 * rest. A document that fails is recorded in the store's quarantine with its reason, and the
 * batch goes on; so is one that takes longer than its {@linkplain #documentBudget time budget}
 * in parsing, flagging and extraction ("over its time budget in extract (20 s)"). Analyst edits
 * are inputs to resolution (see {@link Resolver}); {@link Reprocessor} derives everything again
 * from the stored bytes. The alerts an article's changes decide ({@link Decider}) are written in
 * the article's unit, so they are committed with it.
 */
public final class Pipeline {

  /** Told of progress and problems as they happen. */
  public interface Listener {
    default void started(int files) {}

    default void fileDone(Path file) {}

    default void problem(Problem problem) {}
  }

  private static final int INDEX_EVERY = 500;
  /** Units of work (articles) committed together, unless a stream processor commits sooner. */
  public static final int COMMIT_EVERY = 50;

  private final Store store;
  private final Extractor extractor;
  /** Recorded with each article: which extractor made its reports. */
  private final String extractorVersion;
  private final ArticleParser parser = new ArticleParser();
  private final Resolver resolver;
  /** Decides the alerts of each article's changes to the events, in the article's transaction. */
  private final Decider alerts;
  private final NearDuplicates nearDuplicates;
  /** {@code null} when sentence embeddings cannot run here: copies are still found, rewrites not. */
  private final @Nullable Rewrites rewrites;
  private final Listener listener;
  private Duration documentBudget = Deadline.DEFAULT;
  private LongSupplier nanoClock = System::nanoTime;

  private int stored;
  private int duplicates;
  private int reports;
  private int sinceIndex;
  private final Set<String> touched = new LinkedHashSet<>();
  private long problemCount;
  /** Problems that were the store being busy (another writer held it past the busy timeout): worth trying again. */
  private long busyCount;
  /** The first problems met, at most {@link IngestSummary#PROBLEM_SAMPLE}: the rest are counted only. */
  private final List<Problem> problemSample = new ArrayList<>();
  /** Items of the input that held no article (a WARC archive's requests, revisits, images), by kind. */
  private final java.util.SortedMap<String, Long> passedOver = new java.util.TreeMap<>();
  private final Clock clock = new Clock();
  /** The same stages in CPU time of the ingesting thread: what other work on the machine does not inflate. */
  private final Clock cpuClock = new Clock();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Nanoseconds spent per stage, summed over the documents accepted. */
  private static final class Clock {
    long parse;
    long extract;
    long resolve;
    long total;

    StageTimes times() {
      // what is left of the total after parse, extract and resolve is storing: rows and commits
      return new StageTimes(parse / 1e9, extract / 1e9, resolve / 1e9, (total - parse - extract - resolve) / 1e9);
    }
  }

  /** A pipeline that recognises rewrites when embeddings are switched on ({@link Embedder#shared}). */
  public Pipeline(Store store, Extractor extractor, Listener listener) {
    this(store, extractor, listener, Embedder.shared());
  }

  /** A pipeline with the given embedder for rewrites, or none (copies by MinHash alone). */
  public Pipeline(Store store, Extractor extractor, Listener listener, Optional<Embedder> embedder) {
    this.store = store;
    this.extractor = extractor;
    this.extractorVersion = extractor.modelVersion();
    this.resolver = Resolver.forProfile(store.events(), store.edits(), extractor.profile());
    this.alerts = new Decider(store);
    this.nearDuplicates = new NearDuplicates(store.articles());
    this.rewrites = embedder
        .map(e -> new Rewrites(e, store.vectors(a -> a.published() == null ? null : e.embed(a)), store.articles(), store.events()))
        .orElse(null);
    this.listener = listener;
  }

  /**
   * Sets how long one document may take in parsing, flagging and extraction together ({@link
   * Deadline#DEFAULT} unless set); one that takes longer is set aside with its reason and the
   * batch goes on.
   */
  public Pipeline documentBudget(Duration limit) {
    return documentBudget(limit, System::nanoTime);
  }

  /** The same, timed on {@code nanoClock}: a test's clock that moves as the test says. */
  Pipeline documentBudget(Duration limit, LongSupplier nanoClock) {
    if (limit.isNegative() || limit.isZero()) {
      throw new IllegalArgumentException("a document's time budget must be positive: " + limit);
    }
    this.documentBudget = limit;
    this.nanoClock = nanoClock;
    return this;
  }

  /** Ingests files and folders. */
  public IngestSummary ingest(List<Path> paths) {
    return ingest(paths, sink -> {});
  }

  /**
   * Ingests files and folders, then whatever the other sources (URLs, feeds, GDELT lists) hand
   * to the sink they are given, all in one summary.
   */
  public IngestSummary ingest(List<Path> paths, Consumer<DocumentSink> otherSources) {
    FileSource files = new FileSource();
    DocumentSink sink = sink();
    store.commitEvery(COMMIT_EVERY);
    List<Path> list = files.list(paths, sink);
    listener.started(list.size());
    for (Path file : list) {
      files.read(file, sink);
      listener.fileDone(file);
    }
    otherSources.accept(sink);
    return finish();
  }

  /** Where the sources hand this pipeline their documents and problems. */
  private DocumentSink sink() {
    return new DocumentSink() {
      @Override
      public void accept(RawDocument document) {
        Pipeline.this.accept(document);
      }

      @Override
      public void problem(Problem problem) {
        Pipeline.this.problem(problem);
      }

      @Override
      public void passedOver(String source, String kind) {
        passedOver.merge(kind, 1L, Long::sum);
      }
    };
  }

  /**
   * What ingesting some files did, with how many problems each file's documents had (none for
   * most), and how many of them were only the store being busy, which a later try may not meet.
   */
  public record FilesIngested(IngestSummary summary, Map<Path, Long> problems, Map<Path, Long> busy) {}

  /**
   * Ingests the files one after another, keeping apart the problems of each: whose file a problem
   * is comes from the order of reading, not from its source's name, which for a JSON Lines file
   * or an archive adds a line or an offset to the file's name (and so could be taken for another
   * file whose name starts with it). Everything is committed before this returns.
   */
  public FilesIngested ingestFiles(List<Path> files) {
    FileSource source = new FileSource();
    DocumentSink sink = sink();
    store.commitEvery(COMMIT_EVERY);
    listener.started(files.size());
    Map<Path, Long> byFile = new LinkedHashMap<>();
    Map<Path, Long> busyByFile = new LinkedHashMap<>();
    for (Path file : files) {
      long before = problemCount;
      long busyBefore = busyCount;
      source.read(file, sink);
      listener.fileDone(file);
      byFile.put(file, problemCount - before);
      busyByFile.put(file, busyCount - busyBefore);
    }
    return new FilesIngested(finish(), byFile, busyByFile);
  }

  /** Ingests documents from any source. */
  public IngestSummary ingestDocuments(Iterable<RawDocument> documents) {
    store.commitEvery(COMMIT_EVERY);
    for (RawDocument d : documents) {
      accept(d);
    }
    return finish();
  }

  /** CPU seconds of the ingesting thread per stage so far, summed over all its ingests. */
  public StageTimes cpuTimes() {
    return cpuClock.times();
  }

  /** What this pipeline has done so far, summed over all its ingests. */
  public IngestSummary progress() {
    return new IngestSummary(stored, duplicates, reports, touched.size(), problemCount, problemSample, clock.times(),
        passedOver);
  }

  /**
   * Commits everything stored so far and brings the search index up to date; returns what this
   * pipeline did. The end of each ingest, and of a stream processor's input.
   */
  public IngestSummary finish() {
    store.commitEvery(1);
    store.syncIndex();
    sinceIndex = 0;
    return progress();
  }

  /**
   * Counts and reports a document that cannot be stored, and files it in the store's quarantine
   * with its reason; the batch goes on.
   */
  public void problem(Problem problem) {
    problemCount++;
    if (problemSample.size() < IngestSummary.PROBLEM_SAMPLE) {
      problemSample.add(problem);
    }
    listener.problem(problem);
    try {
      store.quarantine(Urls.withoutUserInfo(problem.source()), Urls.withoutUserInfo(problem.reason()));
    } catch (RuntimeException e) {
      // the problem has been reported to the user; failing to file it must not stop the batch
    }
  }

  /**
   * Parses, extracts, resolves and stores one document, without credentials in its URLs;
   * parsing, flagging and extraction stop once the document's time budget is spent (see {@link
   * Deadline}).
   */
  public void accept(RawDocument arrived) {
    RawDocument document = Urls.withoutUserInfo(arrived);
    Deadline deadline = Deadline.after(documentBudget, nanoClock);
    try (Deadline.Scope scope = deadline.enter()) {
      accept(document, deadline);
    } catch (Deadline.Exceeded e) {
      problem(new Problem(document.source(), e.getMessage()));
    }
  }

  private void accept(RawDocument document, Deadline deadline) {
    long t0 = System.nanoTime();
    long c0 = THREADS.getCurrentThreadCpuTime();
    ParseResult parsed = parser.parse(document);
    long t1 = System.nanoTime();
    clock.parse += t1 - t0;
    cpuClock.parse += THREADS.getCurrentThreadCpuTime() - c0;
    if (!parsed.ok()) {
      problem(parsed.problem());
      return;
    }
    deadline.check();
    store(document, parsed.article(), extractor::extract, deadline, t0, c0);
  }

  /**
   * Stores one document that was parsed and extracted elsewhere, as its own unit of work, the
   * same as {@link #accept(RawDocument)} stores one it parses and extracts itself: it is skipped
   * when stored before (so handing it again changes nothing), marked as a copy or a rewrite, and
   * its reports resolved into the events. This is the seam of a stream processor that runs parse
   * and extract as stages of its own (the Flink job); {@code extraction} must be what this
   * pipeline's extractor makes of {@code article} (extraction does not depend on whether the
   * article turns out to be a copy, so it can be made before the store is asked).
   */
  public void accept(RawDocument document, Article article, Extraction extraction) {
    store(Urls.withoutUserInfo(document), article, a -> extraction, Deadline.none(), System.nanoTime(),
        THREADS.getCurrentThreadCpuTime());
  }

  /**
   * Commits the units stored so far: what a stream processor calls at a checkpoint, so that all it
   * handed over before the checkpoint is durable. The search index, which the store brings up to
   * what the database holds whenever it is behind, is left to catch up as during an ingest.
   */
  public void commit() {
    store.flush();
  }

  /**
   * Stores a parsed article with what {@code extract} makes of it (as a copy, when it is one) as
   * one unit; {@code t0} and {@code c0} are when its document arrived, in wall and CPU time.
   */
  private void store(RawDocument document, Article parsed, java.util.function.Function<Article, Extraction> extract,
      Deadline deadline, long t0, long c0) {
    try {
      boolean added = store.inTransaction(() -> {
        Article article = parsed;
        long r0 = System.nanoTime();
        long cr0 = THREADS.getCurrentThreadCpuTime();
        NearDuplicates.Signature signature = NearDuplicates.sign(article);
        // another writer given the same text, or a near copy, stores it first, or after
        store.articles().lockContent(article, signature.bandKeys());
        ArticleRows.Known known = store.articles().known(article);
        if (known.duplicate().isPresent()) {
          return false;
        }
        NearDuplicates.Probe probe = nearDuplicates.probe(article, signature);
        String original = known.sameText()
            .or(() -> probe.match().map(NearDuplicates.Match::original))
            .orElse(null);
        if (original != null) {
          article = asCopy(article, original);
        }
        long e0 = System.nanoTime();
        long ce0 = THREADS.getCurrentThreadCpuTime();
        deadline.stage("extract");
        Extraction extraction = extract.apply(article);
        deadline.check();
        long e1 = System.nanoTime();
        long ce1 = THREADS.getCurrentThreadCpuTime();
        Rewrites.Probe rewrite = rewrites == null ? null : rewrites.probe(article, extraction, original != null);
        if (rewrite != null && rewrite.match().isPresent()) {
          article = asRewrite(article, rewrite.match().get());
        }
        long s0 = System.nanoTime();
        long cs0 = THREADS.getCurrentThreadCpuTime();
        store.articles().insert(article, document, extraction.mentions(), extractorVersion);
        long s1 = System.nanoTime();
        long cs1 = THREADS.getCurrentThreadCpuTime();
        probe.remember();
        if (rewrite != null) {
          rewrite.remember();
        }
        List<Report> found = extraction.reports();
        Set<String> changed = resolver.attach(article, found, extractor::origin);
        alerts.decide(changed, null);
        touched.addAll(changed);
        reports += found.size();
        clock.resolve += (e0 - r0) + (s0 - e1) + (System.nanoTime() - s1);
        clock.extract += e1 - e0;
        cpuClock.resolve += (ce0 - cr0) + (cs0 - ce1) + (THREADS.getCurrentThreadCpuTime() - cs1);
        cpuClock.extract += ce1 - ce0;
        return true;
      });
      clock.total += System.nanoTime() - t0;
      cpuClock.total += THREADS.getCurrentThreadCpuTime() - c0;
      if (added) {
        stored++;
        if (++sinceIndex >= INDEX_EVERY) {
          store.syncIndex();
          sinceIndex = 0;
        }
      } else {
        duplicates++;
      }
    } catch (Deadline.Exceeded e) {
      throw e;
    } catch (RuntimeException e) {
      if (Store.busy(e)) {
        busyCount++;
      }
      problem(new Problem(document.source(), "cannot store: " + e.getMessage()));
    }
  }

  /** The article marked as a rewrite of {@code original} in its extra keys, syndicated as a copy is. */
  private Article asRewrite(Article article, Rewrites.Match match) throws java.sql.SQLException {
    String original = match.original();
    java.util.Map<String, String> extra = new java.util.HashMap<>(article.extra());
    extra.put(OriginResolver.REWRITE_OF, original);
    extra.put(Rewrites.COSINE, String.format(java.util.Locale.ROOT, "%.3f", match.cosine()));
    Article a = new Article(article.id(), article.url(), article.sourcePath(), article.outlet(), article.title(),
        article.byline(), article.published(), article.language(), article.text(), article.contentHash(),
        article.flags(), null, extra, article.problems());
    return a.withCopyOf(null, syndicatedFlags(a, original));
  }

  /**
   * The article marked as a copy of {@code original}: syndicated when the original is another
   * outlet's (a revision by the same outlet is a copy, not syndication).
   */
  private Article asCopy(Article article, String original) throws java.sql.SQLException {
    return article.withCopyOf(original, syndicatedFlags(article, original));
  }

  private Set<ArticleFlag> syndicatedFlags(Article article, String original) throws java.sql.SQLException {
    Set<ArticleFlag> flags = EnumSet.noneOf(ArticleFlag.class);
    flags.addAll(article.flags());
    String originalOutlet = store.articles().get(original).map(Article::outlet).orElse(null);
    if (article.outlet() == null || !article.outlet().equals(originalOutlet)) {
      flags.add(ArticleFlag.SYNDICATED);
    }
    return flags;
  }
}
