package org.watchfloor.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads GDELT 2.0 export files — events ({@code *.export.CSV}, 61 tab-separated columns) and
 * mentions ({@code *.mentions.CSV}, 16 columns), zipped as GDELT serves them or not — as a list
 * of article URLs, filtered by a {@link GdeltFilter} before anything is fetched. A malformed row
 * is a problem naming the file and line; the other rows go on.
 */
public final class GdeltSource {

  // Column positions of the GDELT 2.0 event and mention tables (codebook, 2015).
  private static final int EVENT_COLUMNS = 61;
  private static final int EV_ID = 0;
  private static final int EV_ACTOR1_CODE = 5;
  private static final int EV_ACTOR1_COUNTRY = 7;
  private static final int EV_ACTOR2_CODE = 15;
  private static final int EV_ACTOR2_COUNTRY = 17;
  private static final int EV_ACTOR1_GEO_COUNTRY = 37;
  private static final int EV_ACTOR2_GEO_COUNTRY = 45;
  private static final int EV_ACTION_GEO_COUNTRY = 53;
  private static final int EV_SOURCE_URL = 60;
  private static final int MENTION_COLUMNS = 16;
  private static final int MN_EVENT_ID = 0;
  private static final int MN_TYPE = 3;
  private static final int MN_IDENTIFIER = 5;
  /** Lines longer than this are not GDELT rows (a wrong file); they are refused, not buffered. */
  private static final int MAX_LINE = 64 * 1024;

  private final GdeltFilter filter;
  private final Set<String> keptEvents = new HashSet<>();

  public GdeltSource(GdeltFilter filter) {
    this.filter = filter;
  }

  /**
   * The article URLs of the watched rows of these files, in order, without repeats. Event files
   * are read before mention files, so a mention of a kept event is kept whatever its URL.
   */
  public List<String> urls(List<Path> files, DocumentSink sink) {
    Set<String> urls = new LinkedHashSet<>();
    List<Path> ordered = files.stream()
        .sorted((a, b) -> Boolean.compare(isMentions(a), isMentions(b)))
        .toList();
    for (Path f : ordered) {
      read(f, urls, sink);
    }
    return List.copyOf(urls);
  }

  private static boolean isMentions(Path f) {
    return f.getFileName().toString().toLowerCase(Locale.ROOT).contains("mentions");
  }

  private void read(Path file, Set<String> urls, DocumentSink sink) {
    try (InputStream in = Files.newInputStream(file)) {
      read(in, file.toString(), urls, sink);
    } catch (IOException | RuntimeException e) {
      sink.problem(new Problem(file.toString(), "cannot read GDELT file: " + e.getMessage()));
    }
  }

  /**
   * The article URLs of the watched rows of one export file, read from {@code in} (as a zip when
   * {@code name} ends in {@code .zip}), in order, without repeats: what the Flink job's GDELT
   * source reads of each file. A mentions file read this way keeps its rows by their URL, and by
   * the events this source kept before.
   */
  public List<String> urls(InputStream in, String name, DocumentSink sink) {
    Set<String> urls = new LinkedHashSet<>();
    read(in, name, urls, sink);
    return List.copyOf(urls);
  }

  private void read(InputStream raw, String name, Set<String> urls, DocumentSink sink) {
    try {
      InputStream in = raw;
      if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
        ZipInputStream zip = new ZipInputStream(raw);
        ZipEntry entry = zip.getNextEntry();
        if (entry == null) {
          sink.problem(new Problem(name, "empty zip file"));
          return;
        }
        in = zip;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(FileSource.withoutBom(in), StandardCharsets.UTF_8));
      int lineNo = 0;
      String line;
      while ((line = reader.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        if (line.length() > MAX_LINE) {
          sink.problem(new Problem(name + ":" + lineNo, "line too long for a GDELT row; file abandoned"));
          return;
        }
        String[] cols = line.split("\t", -1);
        if (cols.length == EVENT_COLUMNS) {
          event(cols, urls);
        } else if (cols.length == MENTION_COLUMNS) {
          mention(cols, urls);
        } else {
          sink.problem(new Problem(name + ":" + lineNo, "not a GDELT 2.0 event (61 columns) or mention (16 columns) row: "
              + cols.length + " columns"));
        }
      }
    } catch (IOException | RuntimeException e) {
      sink.problem(new Problem(name, "cannot read GDELT file: " + e.getMessage()));
    }
  }

  private void event(String[] c, Set<String> urls) {
    boolean watched = filter.actorMatches(c[EV_ACTOR1_COUNTRY]) || filter.actorMatches(c[EV_ACTOR2_COUNTRY])
        || filter.actorMatches(c[EV_ACTOR1_CODE]) || filter.actorMatches(c[EV_ACTOR2_CODE])
        || filter.geoMatches(c[EV_ACTOR1_GEO_COUNTRY]) || filter.geoMatches(c[EV_ACTOR2_GEO_COUNTRY])
        || filter.geoMatches(c[EV_ACTION_GEO_COUNTRY]) || filter.urlMatches(c[EV_SOURCE_URL]);
    if (watched) {
      keptEvents.add(c[EV_ID]);
      addUrl(c[EV_SOURCE_URL], urls);
    }
  }

  private void mention(String[] c, Set<String> urls) {
    // MentionType 1 is the web; the others (BBC Monitoring, JSTOR, …) have no fetchable URL.
    if (!c[MN_TYPE].strip().equals("1")) {
      return;
    }
    if (keptEvents.contains(c[MN_EVENT_ID]) || filter.urlMatches(c[MN_IDENTIFIER])) {
      addUrl(c[MN_IDENTIFIER], urls);
    }
  }

  private static void addUrl(String url, Set<String> urls) {
    String u = url.strip();
    if (u.startsWith("http://") || u.startsWith("https://")) {
      urls.add(u);
    }
  }
}
