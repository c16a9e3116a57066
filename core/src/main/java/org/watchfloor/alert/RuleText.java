package org.watchfloor.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.watchfloor.model.AlertRule;

/** A rule in a line of words, as {@code alert list} and the Alerts page show it. */
public final class RuleText {

  private RuleText() {}

  /** What the rule selects and when it fires: "missile_launch; weapons ICBM (and 8 more of their classes); 2+ independent origins; news only; on new". */
  public static String describe(AlertRule r) {
    List<String> parts = new ArrayList<>();
    parts.add(r.eventTypes().isEmpty() ? "any type" : String.join(", ", r.eventTypes()));
    if (!r.weapons().isEmpty()) {
      int more = r.weaponNames().size() - r.weapons().size();
      parts.add("weapons " + String.join(", ", r.weapons()) + (more > 0 ? " (and " + more + " more of their classes)" : ""));
    }
    if (!r.actors().isEmpty()) {
      parts.add("actors " + String.join(", ", r.actors()));
    }
    if (!r.places().isEmpty()) {
      parts.add("places " + String.join(", ", r.places()));
    }
    parts.add(r.minOrigins() + "+ independent origin" + (r.minOrigins() == 1 ? "" : "s"));
    if (r.minConfidence() > 0) {
      parts.add(String.format(Locale.ROOT, "confidence %.2f+", r.minConfidence()));
    }
    parts.add(r.includeBackground() ? "news or passing mention" : "news only");
    if (r.includePlanned()) {
      parts.add("planned too");
    }
    if (r.query() != null) {
      parts.add("query \"" + r.query() + "\"");
    }
    parts.add("on " + String.join(",", r.fireOn().stream().sorted().map(AlertRule.Trigger::label).toList()));
    return String.join("; ", parts);
  }
}
