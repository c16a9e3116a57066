package org.watchfloor.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.watchfloor.eval.events.GoldEvent;
import org.watchfloor.eval.events.GoldEvents;
import org.watchfloor.extract.gazetteer.GazetteerMatcher;
import org.watchfloor.ingest.DocumentSink;
import org.watchfloor.ingest.FileSource;
import org.watchfloor.ingest.Problem;
import org.watchfloor.ingest.RawDocument;
import org.watchfloor.model.Article;
import org.watchfloor.parse.ArticleParser;
import org.watchfloor.parse.ParseResult;

/**
 * Reads labelled articles for training and evaluation, parsed by the same stage the pipeline
 * uses, so that a model learns from the text it will later see.
 *
 * <p>Three kinds of source: annotated JSON Lines, whose every line carries its {@code events}
 * (the guideline's record, with evidence sentences); articles with a gold-events CSV beside
 * them (events per article URL, without evidence); and articles known to hold no event of the
 * watch at all.
 *
 * <p>The first two are collections of news chosen for being about Korea: every article of them is
 * relevant to the watch, whether or not it tells an event (the extraction decides that). A
 * relevance gate trained on "tells an event" learned that diplomacy and state-media words are
 * no news, and turned away short launch reports whose words it had mostly seen there.
 */
public final class AnnotatedCorpus {

  private static final ObjectMapper JSON = new ObjectMapper();

  private AnnotatedCorpus() {}

  /** Thrown for a corpus that cannot be read; names the file and what is wrong. */
  public static final class CorpusException extends RuntimeException {
    CorpusException(String message) {
      super(message);
    }
  }

  /** An annotated JSON Lines file: each line's {@code events} are its labels. */
  public static List<LabelledArticle> annotated(Path jsonl) {
    List<LabelledArticle> out = new ArrayList<>();
    for (Parsed p : parse(jsonl)) {
      String events = p.raw().metadata().get("events");
      if (events == null) {
        throw new CorpusException(p.raw().source() + ": no \"events\" field; not an annotated corpus");
      }
      List<LabelledEvent> labels = events(events, p.raw().source());
      out.add(new LabelledArticle(p.article(), labels, true, p.raw()));
    }
    return out;
  }

  /**
   * Articles labelled by a gold-events CSV ({@code event_key, event_date, event_type,
   * article_urls}): an article carries the gold events that name its URL (as news unless the gold
   * forgives missing it: such gold lists what articles report), without evidence sentences.
   */
  public static List<LabelledArticle> withGold(Path articles, Path goldCsv, GazetteerMatcher gazetteer) {
    Map<String, List<LabelledEvent>> byUrl = new HashMap<>();
    for (GoldEvent g : GoldEvents.read(goldCsv, gazetteer)) {
      LabelledEvent e = new LabelledEvent(g.key(), List.copyOf(g.types()), g.date().iso(),
          g.date().precision().name().toLowerCase(java.util.Locale.ROOT), false, !g.forgiven(), "",
          List.copyOf(g.weapons()), List.of());
      for (String url : g.articles()) {
        byUrl.computeIfAbsent(url, u -> new ArrayList<>()).add(e);
      }
    }
    List<LabelledArticle> out = new ArrayList<>();
    for (Parsed p : parse(articles)) {
      String url = p.article().url();
      List<LabelledEvent> labels = url == null ? List.of() : byUrl.getOrDefault(url, List.of());
      out.add(new LabelledArticle(p.article(), labels, true, p.raw()));
    }
    return out;
  }

  /**
   * The articles of {@code articles} with sentence-level labels laid over them where {@code
   * evidence} has some: an article the evidence file names (by its line in {@code articles})
   * carries the happenings annotated there, with the sentences at the annotated character
   * offsets of its {@code text}; every other article keeps the labels it came with. A line that
   * names an article not there, or a text that is no longer the one annotated (its checksum), is
   * an error naming the line: offsets into another text would label the wrong sentences.
   *
   * <p>The file holds offsets and labels, never the text: the articles are third-party news and
   * are read from where they lie. Its format is described beside it ({@code data/annotations/README.md}).
   */
  public static List<LabelledArticle> withEvidence(List<LabelledArticle> articles, Path evidence) {
    Map<Integer, JsonNode> byLine = new HashMap<>();
    String name = evidence.toString();
    int lineNo = 0;
    try (var lines = Files.newBufferedReader(evidence, StandardCharsets.UTF_8)) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String where = name + ":" + lineNo;
        JsonNode node;
        try {
          node = JSON.readTree(line);
        } catch (IOException e) {
          throw new CorpusException(where + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        only(node, EVIDENCE_KEYS, where);
        if (!node.path("line").canConvertToInt() || node.path("line").asInt() < 1) {
          throw new CorpusException(where + ": \"line\" must be the article's line number (1, 2 …)");
        }
        if (byLine.put(node.path("line").asInt(), node) != null) {
          throw new CorpusException(where + ": article line " + node.path("line").asInt() + " annotated twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + evidence + ": " + e.getMessage(), e);
    }
    List<LabelledArticle> out = new ArrayList<>(articles.size());
    for (LabelledArticle a : articles) {
      JsonNode node = a.raw() == null ? null : byLine.remove(lineOf(a.raw().source()));
      if (node == null) {
        out.add(a);
        continue;
      }
      String where = name + " (line " + node.path("line").asInt() + " of " + a.raw().sourcePath() + ")";
      String text = new String(a.raw().bytes(), StandardCharsets.UTF_8);
      if (!node.path("url").asText("").equals(String.valueOf(a.article().url()))) {
        throw new CorpusException(where + ": annotated URL " + node.path("url").asText("(none)")
            + " is not the article's " + a.article().url());
      }
      if (!node.path("text_sha256").asText("").equals(textSum(text))) {
        throw new CorpusException(where + ": the article's text is not the one annotated (checksum differs)");
      }
      JsonNode events = node.path("events");
      if (!events.isArray()) {
        throw new CorpusException(where + ": \"events\" is not a list");
      }
      List<LabelledEvent> labels = events(events, where, e -> {
        only(e, EVENT_KEYS, where);
        if (!ROLES.contains(e.path("role").asText(""))) {
          throw new CorpusException(where + ": event " + e.path("key").asText("?") + " has role \""
              + e.path("role").asText("") + "\", not one of " + ROLES);
        }
        return sentences(e, text, where);
      });
      out.add(new LabelledArticle(a.article(), labels, a.relevant(), a.raw()));
    }
    if (!byLine.isEmpty()) {
      throw new CorpusException(name + ": annotates article line(s) " + new TreeSet<>(byLine.keySet())
          + " that the corpus does not hold");
    }
    return out;
  }

  private static final List<String> ROLES = List.of("news", "background");
  private static final Set<String> EVIDENCE_KEYS = Set.of("line", "url", "text_sha256", "events", "note");
  private static final Set<String> EVENT_KEYS = Set.of("key", "type", "date", "date_precision",
      "planned", "role", "actor_country", "actors", "weapons", "locations", "numbers", "evidence", "note");

  /** Rejects keys the format does not have: a misspelt key would silently lose a label. */
  private static void only(JsonNode node, Set<String> keys, String where) {
    if (!node.isObject()) {
      throw new CorpusException(where + ": not a JSON object");
    }
    node.fieldNames().forEachRemaining(k -> {
      if (!keys.contains(k)) {
        throw new CorpusException(where + ": unknown key \"" + k + "\" (known: " + new TreeSet<>(keys) + ")");
      }
    });
  }

  /** The line of its file a JSON Lines article came from ({@code file.jsonl:12} → 12); -1 for other sources. */
  static int lineOf(String source) {
    int colon = source.lastIndexOf(':');
    try {
      return colon < 0 ? -1 : Integer.parseInt(source.substring(colon + 1));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The checksum an evidence file records of each text it annotates: SHA-256 of its UTF-8, in hex. */
  public static String textSum(String text) {
    try {
      byte[] sum = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sum);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * An event's evidence sentences, cut from the text at its {@code [start, end]} offsets, counted in
   * Unicode code points (as Python and most annotation tools count them, not Java's UTF-16 units).
   */
  private static List<String> sentences(JsonNode event, String text, String where) {
    List<String> out = new ArrayList<>();
    int points = text.codePointCount(0, text.length());
    for (JsonNode span : event.path("evidence")) {
      if (!span.isArray() || span.size() != 2 || !span.get(0).canConvertToInt() || !span.get(1).canConvertToInt()) {
        throw new CorpusException(where + ": evidence must be [start, end] offsets, not " + span);
      }
      int start = span.get(0).asInt();
      int end = span.get(1).asInt();
      if (start < 0 || end <= start || end > points) {
        throw new CorpusException(where + ": evidence " + span + " lies outside the text (" + points + " characters)");
      }
      out.add(text.substring(text.offsetByCodePoints(0, start), text.offsetByCodePoints(0, end)));
    }
    if (out.isEmpty()) {
      throw new CorpusException(where + ": event " + event.path("key").asText("?") + " has no evidence");
    }
    return out;
  }

  /** Articles that mention no event of the watch and are not about it. */
  public static List<LabelledArticle> unrelated(Path articles) {
    return parse(articles).stream().map(p -> new LabelledArticle(p.article(), List.of(), false, p.raw())).toList();
  }

  private record Parsed(RawDocument raw, Article article) {}

  private static List<Parsed> parse(Path file) {
    ArticleParser parser = new ArticleParser();
    List<Parsed> out = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    new FileSource().read(file, new DocumentSink() {
      @Override
      public void accept(RawDocument document) {
        ParseResult r = parser.parse(document);
        if (r.ok()) {
          out.add(new Parsed(document, r.article()));
        } else {
          problems.add(r.problem());
        }
      }

      @Override
      public void problem(Problem problem) {
        problems.add(problem);
      }
    });
    if (!problems.isEmpty()) {
      Problem first = problems.get(0);
      throw new CorpusException(file + ": " + problems.size() + " article(s) unreadable, first "
          + first.source() + ": " + first.reason());
    }
    return out;
  }

  private static List<LabelledEvent> events(String json, String source) {
    JsonNode list;
    try {
      list = JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": events are not valid JSON", e);
    }
    if (!list.isArray()) {
      throw new CorpusException(source + ": \"events\" is not a list");
    }
    return events(list, source, e -> strings(e.path("evidence")));
  }

  private static List<LabelledEvent> events(JsonNode list, String source,
      java.util.function.Function<JsonNode, List<String>> evidence) {
    List<LabelledEvent> out = new ArrayList<>();
    for (JsonNode e : list) {
      String type = text(e, "type", source);
      out.add(new LabelledEvent(
          text(e, "key", source),
          Arrays.stream(type.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
          e.path("date").asText(""),
          e.path("date_precision").asText("unknown"),
          e.path("planned").asBoolean(false),
          "news".equals(text(e, "role", source)),
          e.path("actor_country").asText(""),
          strings(e.path("weapons")),
          evidence.apply(e)));
    }
    return out;
  }

  private static String text(JsonNode e, String field, String source) {
    JsonNode v = e.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new CorpusException(source + ": an event lacks \"" + field + "\"");
    }
    return v.asText();
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> {
      if (n.isTextual() && !n.asText().isBlank()) {
        out.add(n.asText());
      }
    });
    return out;
  }
}
