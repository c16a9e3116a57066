package org.watchfloor.alert;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words of an alert for people, from its body (the event contract): a subject, a plain-text
 * and an HTML version that say the same. Every value from the record is escaped in the HTML;
 * links are only the event's page and the reports' own URLs.
 */
final class MailText {

  private final JsonNode body;
  private final JsonNode event;
  private final String link;

  MailText(JsonNode body, URI baseUrl) {
    this.body = body;
    this.event = body.path("event");
    String base = baseUrl.toString();
    this.link = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/events/" + event.path("id").asText();
  }

  String link() {
    return link;
  }

  String subject() {
    return "[Watchfloor] " + body.path("rule").asText() + ": " + event.path("type").asText().replace('_', ' ') + " "
        + (event.path("date").isNull() ? "(date unknown)" : event.path("date").asText()) + " (" + reasonWords() + ")";
  }

  private String reasonWords() {
    return reasonWords(body.path("reason").asText());
  }

  /** An alert's reason in words: "new", "now corroborated", "sources disagree on date" … */
  static String reasonWords(String r) {
    return switch (r) {
      case "new" -> "new";
      case "corroborated" -> "now corroborated";
      case "confirmed" -> "confirmed by an analyst";
      default -> r.startsWith("conflict:") ? "sources disagree on " + r.substring(9) : r;
    };
  }

  /** Facts of the event, label and value, in the order both parts show them. */
  private List<String[]> facts() {
    List<String[]> out = new ArrayList<>();
    out.add(new String[] {"Type", event.path("type").asText()});
    out.add(new String[] {"Date", event.path("date").isNull() ? "unknown"
        : event.path("date").asText() + " (" + event.path("date_precision").asText() + ")"});
    out.add(new String[] {"Weapons", join(event.path("weapons"))});
    out.add(new String[] {"Actors", join(event.path("actors"))});
    out.add(new String[] {"Places", join(event.path("locations"))});
    JsonNode c = event.path("corroboration");
    out.add(new String[] {"Corroboration", c.path("reports").asInt() + " reports, " + c.path("independent_origins").asInt()
        + " independent origins; confidence " + String.format(Locale.ROOT, "%.2f", event.path("confidence").asDouble())});
    List<String> conflicts = new ArrayList<>();
    for (JsonNode k : event.path("conflicts")) {
      List<String> values = new ArrayList<>();
      k.path("values").forEach(v -> values.add(v.path("value").asText()));
      conflicts.add(k.path("field").asText() + " (" + String.join(" / ", values) + ")");
    }
    if (!conflicts.isEmpty()) {
      out.add(new String[] {"Sources disagree on", String.join("; ", conflicts)});
    }
    out.add(new String[] {"Analyst status", event.path("status").asText("open")});
    return out;
  }

  private static String join(JsonNode list) {
    List<String> out = new ArrayList<>();
    list.forEach(n -> out.add(n.asText()));
    return out.isEmpty() ? "none named" : String.join(", ", out);
  }

  private String reportLine(JsonNode r) {
    return (r.path("outlet").isNull() ? "unknown outlet" : r.path("outlet").asText())
        + (r.path("published").isNull() ? "" : ", " + r.path("published").asText())
        + "; origin " + r.path("origin").asText() + ", " + r.path("certainty").asText()
        + (r.path("background").asBoolean() ? ", in passing" : "");
  }

  String plain() {
    StringBuilder s = new StringBuilder();
    s.append("Alert rule ").append(body.path("rule").asText()).append(" fired (").append(reasonWords()).append(") on event ")
        .append(event.path("id").asText()).append(".\n\n");
    s.append(event.path("summary").asText()).append("\n\n");
    for (String[] f : facts()) {
      s.append(f[0]).append(": ").append(f[1]).append('\n');
    }
    s.append("\nThe event on the workbench: ").append(link).append("\n\nReports and their evidence:\n");
    int i = 1;
    for (JsonNode r : event.path("reports")) {
      s.append('\n').append(i++).append(". ").append(reportLine(r)).append('\n');
      if (!r.path("url").isNull()) {
        s.append("   ").append(r.path("url").asText()).append('\n');
      }
      s.append("   \"").append(r.path("evidence").asText()).append("\"\n");
    }
    s.append("\nIdempotency key: ").append(body.path("idempotency_key").asText()).append('\n');
    return s.toString();
  }

  String html() {
    StringBuilder s = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(esc(subject())).append("</title></head><body>");
    s.append("<p>Alert rule <b>").append(esc(body.path("rule").asText())).append("</b> fired (").append(esc(reasonWords()))
        .append(") on event <a href=\"").append(esc(link)).append("\">").append(esc(event.path("id").asText()))
        .append("</a>.</p>");
    s.append("<p>").append(esc(event.path("summary").asText())).append("</p><table>");
    for (String[] f : facts()) {
      s.append("<tr><th align=\"left\">").append(esc(f[0])).append("</th><td>").append(esc(f[1])).append("</td></tr>");
    }
    s.append("</table><h3>Reports and their evidence</h3><ol>");
    for (JsonNode r : event.path("reports")) {
      s.append("<li><p>");
      String url = r.path("url").isNull() ? null : r.path("url").asText();
      if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
        s.append("<a href=\"").append(esc(url)).append("\">").append(esc(reportLine(r))).append("</a>");
      } else {
        s.append(esc(reportLine(r)));
      }
      s.append("</p><blockquote>").append(esc(r.path("evidence").asText())).append("</blockquote></li>");
    }
    s.append("</ol><p><a href=\"").append(esc(link)).append("\">Open the event on the workbench</a></p>");
    s.append("<p><small>Idempotency key: ").append(esc(body.path("idempotency_key").asText()))
        .append("</small></p></body></html>");
    return s.toString();
  }

  /** Escaped for text and for a double-quoted attribute alike: the five characters that matter in both. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
