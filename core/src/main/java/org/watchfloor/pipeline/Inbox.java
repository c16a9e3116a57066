package org.watchfloor.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The folder {@code run} watches: any article file dropped into it is ingested once, then moved
 * to {@code processed/}, or to {@code failed/} when any of its documents could not be used, under
 * its own name.
 *
 * <p>Only finished files are read, by two rules. A file whose name starts with a dot or ends in
 * {@code .part} or {@code .tmp} is being written under a temporary name and is left alone until
 * it is renamed: the safe way to drop a file, since a rename within a folder is atomic. Any other
 * file is read once it has not been modified for the settle interval (by its modification time,
 * against this inbox's clock), so that a file copied in place is not read half-written; a file
 * that changes while it is read stays in the inbox and is read again at a later look (what was
 * stored from it is then skipped as already stored). A file whose every failed document failed
 * only because the store was busy with another writer past the busy timeout also stays, and is
 * read again at a later look: nothing is wrong with it.
 */
public final class Inbox {

  /** How long a file must stand unmodified before it is read, unless told otherwise. */
  public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(5);

  private static final List<String> TEMPORARY_SUFFIXES = List.of(".part", ".tmp");

  /**
   * What one look did: the summary of the ingest ({@code null} when no file was ready), the files
   * moved to {@code processed/} and to {@code failed/}, those left because they were still being
   * written, those left because they changed while they were read, and those left because the
   * store was busy with another writer for every document that failed (read again at a later look).
   */
  public record Look(@Nullable IngestSummary summary, List<Path> processed, List<Path> failed, List<Path> waiting,
      List<Path> changed, List<Path> busy) {}

  /** A file's size and modification time when it was found ready. */
  private record Seen(long size, FileTime modified) {}

  private final Path dir;
  private final Duration settle;
  private final Clock clock;

  public Inbox(Path dir, Duration settle, Clock clock) {
    if (settle.isNegative()) {
      throw new IllegalArgumentException("settle interval must not be negative: " + settle);
    }
    this.dir = dir;
    this.settle = settle;
    this.clock = clock;
  }

  public Path dir() {
    return dir;
  }

  public Duration settle() {
    return settle;
  }

  /** Whether a file of this name is still being written under a temporary name. */
  static boolean temporaryName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.startsWith(".") || TEMPORARY_SUFFIXES.stream().anyMatch(lower::endsWith);
  }

  /**
   * Ingests through {@code pipeline} the files that are ready, in name order, and moves each to
   * where it belongs once everything read is committed.
   */
  public Look take(Pipeline pipeline) throws IOException {
    Files.createDirectories(dir);
    Map<Path, Seen> ready = new LinkedHashMap<>();
    List<Path> waiting = new ArrayList<>();
    Instant now = clock.instant();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> !temporaryName(p.getFileName().toString())).sorted().toList();
    }
    for (Path f : files) {
      BasicFileAttributes a = attributes(f);
      if (a == null || !a.isRegularFile()) {
        continue;
      }
      if (a.lastModifiedTime().toInstant().plus(settle).isAfter(now)) {
        waiting.add(f);
      } else {
        ready.put(f, new Seen(a.size(), a.lastModifiedTime()));
      }
    }
    if (ready.isEmpty()) {
      return new Look(null, List.of(), List.of(), waiting, List.of(), List.of());
    }
    Pipeline.FilesIngested ingested = pipeline.ingestFiles(List.copyOf(ready.keySet()));
    List<Path> processed = new ArrayList<>();
    List<Path> failed = new ArrayList<>();
    List<Path> changed = new ArrayList<>();
    List<Path> busy = new ArrayList<>();
    for (Map.Entry<Path, Seen> e : ready.entrySet()) {
      Path f = e.getKey();
      BasicFileAttributes after = attributes(f);
      if (after == null) {
        continue; // taken away meanwhile: nothing to move
      }
      if (after.size() != e.getValue().size() || !after.lastModifiedTime().equals(e.getValue().modified())) {
        changed.add(f);
        continue;
      }
      long problems = ingested.problems().getOrDefault(f, 0L);
      if (problems > 0 && problems == ingested.busy().getOrDefault(f, 0L)) {
        busy.add(f);
        continue;
      }
      boolean clean = problems == 0;
      Path to = dir.resolve(clean ? "processed" : "failed");
      Files.createDirectories(to);
      Files.move(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      (clean ? processed : failed).add(f);
    }
    return new Look(ingested.summary(), processed, failed, waiting, changed, busy);
  }

  private static @Nullable BasicFileAttributes attributes(Path f) throws IOException {
    try {
      return Files.readAttributes(f, BasicFileAttributes.class);
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }
}
