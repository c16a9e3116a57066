package org.watchfloor.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.watchfloor.WatchfloorException;
import org.watchfloor.model.Alert;
import org.watchfloor.parse.Hashing;

/**
 * The words of a daily digest: a subject, a plain-text and an HTML version that say the same. One
 * entry per event, in the order the event first alerted: its type, date, summary and independent
 * origins as the latest of its alerts saw them, its link, and each rule that fired on it with
 * why and when. Every value from the record is escaped in the HTML.
 */
final class DigestText {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  /** One event of the digest: its latest body, the rule, reason and time of each of its alerts, and whether one was "new". */
  private record Entry(JsonNode latest, List<String> why, boolean fresh) {}

  private final String address;
  private final LocalDate day;
  private final ZoneId zone;
  private final String base;
  private final List<Entry> entries = new ArrayList<>();

  DigestText(String address, LocalDate day, ZoneId zone, List<Alert> alerts, URI baseUrl) {
    this.address = address;
    this.day = day;
    this.zone = zone;
    String b = baseUrl.toString();
    this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    Map<String, Entry> byEvent = new LinkedHashMap<>();
    for (Alert a : alerts) {
      JsonNode body;
      try {
        body = JSON.readTree(a.payload());
      } catch (JsonProcessingException e) {
        throw new WatchfloorException("alert " + a.idempotencyKey() + ": its body is not JSON", e);
      }
      Entry old = byEvent.get(a.eventId());
      List<String> why = old == null ? new ArrayList<>() : old.why();
      why.add(a.ruleId() + ": " + MailText.reasonWords(a.reason()) + ", " + TIME.format(a.decidedAt().atZone(zone))
          + (a.decidedAt().atZone(zone).toLocalDate().equals(day) ? "" : " on " + a.decidedAt().atZone(zone).toLocalDate()));
      boolean fresh = a.reason().equals(Decider.Reason.NEW) || old != null && old.fresh();
      byEvent.put(a.eventId(), new Entry(body, why, fresh));
    }
    entries.addAll(byEvent.values());
  }

  /**
   * The Message-ID of the digest to {@code address} for {@code day}: the same however often it is
   * sent, so that a digest sent again after a crash between sending and marking shows once.
   */
  static String messageId(String address, LocalDate day) {
    return "<digest-" + Hashing.sha256(address + "\n" + day).substring(0, 32) + "@watchfloor>";
  }

  String subject() {
    long fresh = entries.stream().filter(Entry::fresh).count();
    return "[Watchfloor] Digest of " + day + ": " + entries.size() + " event" + (entries.size() == 1 ? "" : "s")
        + " (" + fresh + " new, " + (entries.size() - fresh) + " updated)";
  }

  private String link(JsonNode event) {
    return base + "/events/" + event.path("id").asText();
  }

  private static String heading(JsonNode event) {
    return event.path("type").asText().replace('_', ' ') + ", "
        + (event.path("date").isNull() ? "date unknown" : event.path("date").asText());
  }

  private static String origins(JsonNode event) {
    int n = event.path("corroboration").path("independent_origins").asInt();
    return n + " independent origin" + (n == 1 ? "" : "s");
  }

  private String intro() {
    return "The alerts for " + address + " decided up to the end of " + day + " (" + zone.getId() + "), one entry per event.";
  }

  String plain() {
    StringBuilder s = new StringBuilder(intro()).append("\n");
    int i = 1;
    for (Entry e : entries) {
      JsonNode event = e.latest().path("event");
      s.append('\n').append(i++).append(". ").append(heading(event)).append(" (type ").append(event.path("type").asText())
          .append("; ").append(origins(event)).append(")\n");
      s.append("   ").append(event.path("summary").asText()).append('\n');
      for (String w : e.why()) {
        s.append("   - ").append(w).append('\n');
      }
      s.append("   ").append(link(event)).append('\n');
    }
    return s.toString();
  }

  String html() {
    StringBuilder s = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
        .append(MailText.esc(subject())).append("</title></head><body><p>").append(MailText.esc(intro())).append("</p><ol>");
    for (Entry e : entries) {
      JsonNode event = e.latest().path("event");
      s.append("<li><p><a href=\"").append(MailText.esc(link(event))).append("\">").append(MailText.esc(heading(event)))
          .append("</a> (type ").append(MailText.esc(event.path("type").asText())).append("; ")
          .append(MailText.esc(origins(event))).append(")</p><p>").append(MailText.esc(event.path("summary").asText()))
          .append("</p><ul>");
      for (String w : e.why()) {
        s.append("<li>").append(MailText.esc(w)).append("</li>");
      }
      s.append("</ul></li>");
    }
    return s.append("</ol></body></html>").toString();
  }
}
