package org.watchfloor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.watchfloor.eval.events.EventEvaluation;
import org.watchfloor.eval.events.EventScore;
import org.watchfloor.eval.events.EventScorer;
import org.watchfloor.eval.events.GoldEvents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code watchfloor eval events}: scores event extraction against a gold-events CSV. */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "Ingests articles into a temporary store and scores the events against a gold CSV",
      "(event_key, event_date, event_type, article_urls; optional weapons, notes): precision, recall, F1,",
      "date and weapon accuracy, per-type figures, misses and false alarms, and extraction articles/s."
    })
public final class EvalEventsCommand implements Callable<Integer> {
  /** Exit code for a gold file or article path that is missing or unreadable. */
  public static final int EXIT_BAD_INPUT = 1;

  /** Output formats. */
  public enum Format {
    table,
    json
  }

  @Spec CommandSpec spec;

  @Mixin EvalInputs inputs;

  @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = "--quiet", description = "Leave out the lists of misses and false alarms.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!inputs.usable(err)) {
      return EXIT_BAD_INPUT;
    }
    EventEvaluation.Result result;
    try {
      result = new EventEvaluation(inputs.extractor()).evaluate(inputs.gold, inputs.articles);
    } catch (GoldEvents.GoldException | UncheckedIOException e) {
      err.println("error: " + e.getMessage());
      return EXIT_BAD_INPUT;
    }
    if (format == Format.json) {
      out.println(json(result));
    } else {
      table(result, out);
    }
    out.flush();
    return 0;
  }

  private void table(EventEvaluation.Result result, PrintWriter out) {
    EventScore s = result.score();
    out.println(String.format(Locale.ROOT, "%-22s %5s %5s %6s %7s %9s %6s %6s", "type", "gold", "found", "system",
        "correct", "precision", "recall", "f1"));
    for (EventScorer.TypeRow r : s.perType().values().stream()
        .sorted(java.util.Comparator.comparing(EventScorer.TypeRow::type)).toList()) {
      out.println(String.format(Locale.ROOT, "%-22s %5d %5d %6d %7d %9.3f %6.3f %6.3f", r.type(), r.gold(), r.found(),
          r.system(), r.correct(), r.precision(), r.recall(), r.f1()));
    }
    if (!quiet) {
      out.println();
      out.println("MISSES (" + s.misses().size() + ")");
      s.misses().forEach(l -> out.println("  " + l.key() + "  " + l.type() + "  " + l.date() + "  " + l.detail()));
      out.println("FALSE ALARMS (" + s.falseAlarms().size() + ")");
      s.falseAlarms().forEach(l -> out.println("  " + l.type() + "  " + l.date() + "  " + l.detail()));
      out.println("WRONG WEAPONS (" + s.wrongWeapons().size() + ")");
      s.wrongWeapons().forEach(l -> out.println("  " + l.key() + "  " + l.type() + "  " + l.date() + "  " + l.detail()));
    }
    out.println();
    out.println(s.summary() + String.format(Locale.ROOT, " articles=%d extract_articles_per_s=%.1f mean_chars=%.0f",
        result.articles(), result.extractArticlesPerSecond(), result.meanChars()));
  }

  private static String json(EventEvaluation.Result result) {
    EventScore s = result.score();
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("articles", result.articles());
    root.put("precision", s.precision());
    root.put("recall", s.recall());
    root.put("f1", s.f1());
    root.put("date_accuracy", s.dateAccuracy());
    root.put("weapon_accuracy", s.weaponAccuracy());
    root.put("system_events", s.systemEvents());
    root.put("system_correct", s.systemCorrect());
    root.put("gold_counted", s.goldCounted());
    root.put("gold_found", s.goldFound());
    root.put("events_from_articles_without_gold", s.eventsFromArticlesWithoutGold());
    root.put("extract_articles_per_s", result.extractArticlesPerSecond());
    root.put("mean_chars", result.meanChars());
    ArrayNode types = root.putArray("per_type");
    s.perType().values().forEach(r -> {
      ObjectNode row = types.addObject();
      row.put("type", r.type());
      row.put("gold", r.gold());
      row.put("found", r.found());
      row.put("system", r.system());
      row.put("correct", r.correct());
      row.put("precision", r.precision());
      row.put("recall", r.recall());
      row.put("f1", r.f1());
    });
    lines(root.putArray("misses"), s.misses());
    lines(root.putArray("false_alarms"), s.falseAlarms());
    lines(root.putArray("wrong_weapons"), s.wrongWeapons());
    return root.toString();
  }

  private static void lines(ArrayNode array, List<EventScorer.Line> lines) {
    for (EventScorer.Line l : lines) {
      ObjectNode o = array.addObject();
      o.put("key", l.key());
      o.put("type", l.type());
      o.put("date", l.date());
      o.put("detail", l.detail());
    }
  }
}
