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
import org.watchfloor.serve.ContractJson;

/** The claims of an event's reports grouped by field, then by value, for side-by-side display. */
public record ClaimTable(List<Field> fields) {

  /** Who claims one value: the outlet, its article and the evidence sentence. */
  public record Source(String outlet, String articleId, String reportId, String evidence) {}

  /** One value of a field and its sources. */
  public record Value(String value, List<Source> sources) {}

  /** One field, its values, and whether independent origins disagree on it. */
  public record Field(String name, boolean conflict, List<Value> values) {}

  public static ClaimTable of(Event event, List<ContractJson.ReportView> reports) {
    Set<String> conflicted = event.conflicts().stream().map(Conflict::field).collect(Collectors.toSet());
    Map<String, Map<String, List<Source>>> byField = new LinkedHashMap<>();
    for (ContractJson.ReportView rv : reports) {
      String outlet = rv.article().outlet() == null ? "unknown outlet" : rv.article().outlet();
      for (Claim c : rv.report().claims()) {
        byField.computeIfAbsent(c.field(), k -> new LinkedHashMap<>())
            .computeIfAbsent(c.value(), k -> new ArrayList<>())
            .add(new Source(outlet, rv.article().id(), rv.report().id(), rv.report().evidence()));
      }
    }
    List<Field> fields = new ArrayList<>();
    byField.forEach((name, values) -> {
      List<Value> vs = new ArrayList<>();
      values.forEach((v, sources) -> vs.add(new Value(v, List.copyOf(sources))));
      fields.add(new Field(name, conflicted.contains(name), List.copyOf(vs)));
    });
    return new ClaimTable(List.copyOf(fields));
  }
}
