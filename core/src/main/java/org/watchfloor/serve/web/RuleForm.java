package org.watchfloor.serve.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.watchfloor.alert.RuleBuilder;
import org.watchfloor.model.AlertRule;

/**
 * The Alerts page's form for a rule, as the analyst typed it: lists as comma-separated text, the
 * thresholds as text (a number that is not one is a problem shown on the page, not an error), the
 * triggers as checkboxes. Read from a posted form, or filled from a stored rule to edit it; made
 * into a {@link RuleBuilder.Draft}, which the builder checks as it checks {@code alert add}.
 *
 * @param editing the rule exists: its name is fixed, the form changes it
 * @param problems what was wrong with the last submission, one line each
 */
public record RuleForm(String name, String types, String weapons, String actors, String places, String minOrigins,
    String minConfidence, boolean includeBackground, boolean includePlanned, String query, Set<String> on, String webhook,
    String emails, String digests, boolean editing, List<String> problems) {

  /** The triggers a rule may fire on, in the order the form shows them. */
  public static final List<String> TRIGGERS =
      Arrays.stream(AlertRule.Trigger.values()).map(AlertRule.Trigger::label).toList();

  public RuleForm {
    on = Set.copyOf(on);
    problems = List.copyOf(problems);
  }

  /** An empty form for a new rule: defaults as {@code alert add} has them. */
  static RuleForm blank() {
    return new RuleForm("", "", "", "", "", "1", "0", false, false, "", Set.of("new"), "", "", "", false, List.of());
  }

  /** The form filled with a stored rule, to edit it. */
  static RuleForm of(AlertRule r) {
    return new RuleForm(r.id(), String.join(", ", r.eventTypes()), String.join(", ", r.weapons()),
        String.join(", ", r.actors()), String.join(", ", r.places()), String.valueOf(r.minOrigins()),
        String.valueOf(r.minConfidence()), r.includeBackground(), r.includePlanned(),
        r.query() == null ? "" : r.query(), new TreeSet<>(r.fireOn().stream().map(AlertRule.Trigger::label).toList()),
        r.webhookUrl() == null ? "" : r.webhookUrl().toString(), String.join(", ", r.emails()),
        String.join(", ", r.digests()), true, List.of());
  }

  /** The form as posted; {@code name} is the path's for an edit, the form's for a new rule. */
  static RuleForm posted(Context ctx, @Nullable String name) {
    return new RuleForm(name != null ? name : text(ctx, "name"), text(ctx, "types"), text(ctx, "weapons"),
        text(ctx, "actors"), text(ctx, "places"), text(ctx, "min_origins"), text(ctx, "min_confidence"),
        ctx.formParam("include_background") != null, ctx.formParam("include_planned") != null, text(ctx, "query"),
        Set.copyOf(ctx.formParams("on")), text(ctx, "webhook"), text(ctx, "emails"), text(ctx, "digests"), name != null,
        List.of());
  }

  private static String text(Context ctx, String field) {
    String v = ctx.formParam(field);
    return v == null ? "" : v.strip();
  }

  /** The same form with these problems to show. */
  RuleForm withProblems(List<String> problems) {
    return new RuleForm(name, types, weapons, actors, places, minOrigins, minConfidence, includeBackground,
        includePlanned, query, on, webhook, emails, digests, editing, problems);
  }

  /**
   * The draft the form asks for; a threshold that is not a number is added to {@code problems} and
   * taken at its default, so that the builder still reports every other problem at once.
   */
  RuleBuilder.Draft draft(List<String> problems) {
    int origins = 1;
    try {
      origins = Integer.parseInt(minOrigins.isEmpty() ? "1" : minOrigins);
    } catch (NumberFormatException e) {
      problems.add("least independent origins '" + minOrigins + "' is not a whole number");
    }
    double confidence = 0;
    try {
      confidence = Double.parseDouble(minConfidence.isEmpty() ? "0" : minConfidence);
    } catch (NumberFormatException e) {
      problems.add("least confidence '" + minConfidence + "' is not a number between 0 and 1");
    }
    if (on.isEmpty()) {
      problems.add("choose at least one change to fire on: " + String.join(", ", TRIGGERS));
    }
    // known triggers in their order, then any other a forged form sent, for the builder to refuse
    List<String> fireOn = concat(TRIGGERS.stream().filter(on::contains).toList(),
        on.stream().filter(t -> !TRIGGERS.contains(t)).sorted().toList());
    return new RuleBuilder.Draft(name, list(types, ","), list(weapons, ","), list(actors, ","), list(places, ","), origins,
        confidence, includeBackground, includePlanned, query.isEmpty() ? null : query,
        fireOn,
        webhook.isEmpty() ? null : webhook, list(emails, ",\\s"), list(digests, ",\\s"));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  /** The non-blank items of {@code text} split on any of the characters {@code separators} (a regex class body). */
  private static List<String> list(String text, String separators) {
    return Arrays.stream(text.split("[" + separators + "]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
