package org.watchfloor.serve.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.watchfloor.model.Claim;
import org.watchfloor.model.Conflict;
import org.watchfloor.model.Event;
import org.watchfloor.serve.ClaimEvidence;
import org.watchfloor.serve.ContractJson;

/** The claims of an event's reports grouped by field, then by value, for side-by-side display. */
public record ClaimTable(List<Field> fields) {

  /**
   * Who claims one value: the outlet, its article and the sentence that states the value, with
   * where that sentence stands in the article ({@code start}, {@code end}; -1 when unknown).
   */
  public record Source(String outlet, String articleId, String reportId, String evidence, int start, int end) {

    /** The article reader at this sentence, highlighted: the anchor link of a claim. */
    public String href() {
      return start < 0 ? "/articles/" + articleId
          : "/articles/" + articleId + "?from=" + start + "&to=" + end + "#sentence";
    }
  }

  /** One value of a field and its sources. */
  public record Value(String value, List<Source> sources) {}

  /**
   * Fields an event has one value of: where its reports claim several, they disagree, even when
   * the disagreement is no conflict (retellings of one origin's release). Not the date: a week
   * and a day in it are one date told more or less precisely, and dates that do disagree are
   * conflicts already.
   */
  private static final Set<String> SINGLE_VALUED =
      Set.of("occasion", "count", "range_km", "apogee_km", "flight_time_s", "outcome");

  /** One field, its values, and whether independent origins disagree on it. */
  public record Field(String name, boolean conflict, List<Value> values) {

    /** Reports claim different values of a one-valued field, without it being a conflict. */
    public boolean differs() {
      return !conflict && values.size() > 1 && SINGLE_VALUED.contains(name);
    }
  }

  /**
   * Groups the claims of {@code reports}. A field the event records a conflict on shows the
   * conflict's values and the reports behind each (they are what resolution compared, and a
   * report's date is not always a stored claim); other fields show the claims as stored. A
   * report's date stands as its date claim when it has none.
   */
  public static ClaimTable of(Event event, List<ContractJson.ReportView> reports) {
    Map<String, ContractJson.ReportView> viewOf = new LinkedHashMap<>();
    Map<String, Map<String, List<Source>>> byField = new LinkedHashMap<>();
    for (ContractJson.ReportView rv : reports) {
      viewOf.put(rv.report().id(), rv);
      Source source = lead(rv);
      boolean datedByClaim = false;
      for (Claim c : rv.report().claims()) {
        datedByClaim |= c.field().equals("date");
        // a claim shows the sentence that makes it ("the order came during a meeting"), which
        // need not be the report's lead sentence
        add(byField, c.field(), c.value(), stating(rv, c));
      }
      if (!datedByClaim && rv.report().date().isKnown()) {
        add(byField, "date", rv.report().date().iso(), source);
      }
    }
    for (Conflict c : event.conflicts()) {
      Map<String, List<Source>> values = new LinkedHashMap<>();
      for (Conflict.Value v : c.values()) {
        List<Source> sources = new ArrayList<>();
        for (String reportId : v.reports()) {
          ContractJson.ReportView rv = viewOf.get(reportId);
          if (rv != null) {
            // each side of a conflict shows the sentence that states its value, so that the
            // analyst can check it, not the report's lead
            sources.add(rv.report().claims().stream()
                .filter(cl -> cl.field().equals(c.field()) && cl.value().equals(v.value()))
                .findFirst().map(cl -> stating(rv, cl)).orElseGet(() -> lead(rv)));
          }
        }
        values.put(v.value(), sources);
      }
      byField.put(c.field(), values);
    }
    Set<String> conflicted = event.conflicts().stream().map(Conflict::field).collect(Collectors.toSet());
    List<Field> fields = new ArrayList<>();
    byField.forEach((name, values) -> {
      List<Value> vs = new ArrayList<>();
      values.forEach((v, sources) -> vs.add(new Value(v, List.copyOf(sources))));
      fields.add(new Field(name, conflicted.contains(name), List.copyOf(vs)));
    });
    return new ClaimTable(List.copyOf(fields));
  }

  private static String outlet(ContractJson.ReportView rv) {
    return rv.article().outlet() == null ? "unknown outlet" : rv.article().outlet();
  }

  /** The report's evidence sentence as the source. */
  private static Source lead(ContractJson.ReportView rv) {
    return new Source(outlet(rv), rv.article().id(), rv.report().id(), rv.report().evidence(),
        rv.report().evidenceStart(), rv.report().evidenceEnd());
  }

  /** The sentence of the report's article that states the claim; the lead when it is not found. */
  private static Source stating(ContractJson.ReportView rv, Claim c) {
    ClaimEvidence.Span span = ClaimEvidence.span(rv.article().text(), c);
    return span == null ? lead(rv) : new Source(outlet(rv), rv.article().id(), rv.report().id(),
        rv.article().text().substring(span.start(), span.end()), span.start(), span.end());
  }

  private static void add(Map<String, Map<String, List<Source>>> byField, String field, String value, Source source) {
    List<Source> sources = byField.computeIfAbsent(field, k -> new LinkedHashMap<>()).computeIfAbsent(value, k -> new ArrayList<>());
    if (!sources.contains(source)) {
      sources.add(source);
    }
  }
}
