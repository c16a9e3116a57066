package org.watchfloor.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
          strings(e.path("evidence"))));
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
