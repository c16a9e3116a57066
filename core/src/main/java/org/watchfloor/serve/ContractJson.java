package org.watchfloor.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.watchfloor.model.Article;
import org.watchfloor.model.ArticleFlag;
import org.watchfloor.model.Claim;
import org.watchfloor.model.Conflict;
import org.watchfloor.model.Edit;
import org.watchfloor.model.Event;
import org.watchfloor.model.Report;

/**
 * The public JSON contracts of the spec: one object per event and per article, with the keys
 * in the documented order. Other tools read these; change them only with the spec.
 */
public final class ContractJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

  private ContractJson() {}

  /** A report with the article facts the event contract shows beside it. */
  public record ReportView(Report report, Article article) {}

  /**
   * The analyst's say on an event: {@code open}, {@code confirmed} or {@code rejected}, and the
   * edits that name it, oldest first, each with whether it holds.
   */
  public record EditView(String status, List<Edit> history) {}

  /**
   * The event contract with the analyst's edits: {@code status} and {@code edits} after the
   * spec's keys (the spec lists the keys an event has at least).
   */
  public static Map<String, Object> event(Event e, List<ReportView> reports, EditView edits) {
    Map<String, Object> m = event(e, reports);
    m.put("status", edits.status());
    List<Map<String, Object>> history = new ArrayList<>();
    for (Edit x : edits.history()) {
      history.add(edit(x));
    }
    m.put("edits", history);
    return m;
  }

  /** One edit as the contract shows it: what, by whom, when, and whether it holds. */
  public static Map<String, Object> edit(Edit x) {
    Map<String, Object> em = new LinkedHashMap<>();
    em.put("id", x.id());
    em.put("kind", x.kind().label());
    em.put("event", x.target());
    switch (x.kind()) {
      case MERGE -> em.put("merged_event", x.other());
      case SPLIT -> {
        em.put("articles", x.articles());
        x.pins().stream().filter(p -> x.articles().contains(p.articleId())).findFirst()
            .ifPresent(p -> em.put("split_event", p.event()));
      }
      case CORRECT -> {
        em.put("field", x.field());
        em.put("value", x.value());
      }
      case CONFIRM, REJECT -> {}
    }
    em.put("analyst", x.analyst());
    em.put("at", x.at().toString());
    em.put("note", x.note());
    em.put("status", x.status().label());
    em.put("reason", x.reason());
    return em;
  }

  public static Map<String, Object> event(Event e, List<ReportView> reports) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    m.put("type", e.type());
    m.put("date", e.date().isKnown() ? e.date().iso() : null);
    m.put("date_precision", e.date().precision().label());
    if (e.date().isKnown()) {
      m.put("date_range", List.of(e.date().earliest().toString(), e.date().latest().toString()));
    }
    m.put("planned", e.planned());
    m.put("actors", e.actors());
    m.put("weapons", e.weapons());
    m.put("locations", e.locations());
    m.put("attributes", e.attributes());
    m.put("summary", e.summary());
    m.put("confidence", e.confidence());
    Map<String, Object> corroboration = new LinkedHashMap<>();
    corroboration.put("reports", e.reports());
    corroboration.put("independent_origins", e.independentOrigins());
    m.put("corroboration", corroboration);
    List<Map<String, Object>> conflicts = new ArrayList<>();
    for (Conflict c : e.conflicts()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("field", c.field());
      List<Map<String, Object>> values = new ArrayList<>();
      for (Conflict.Value v : c.values()) {
        Map<String, Object> vm = new LinkedHashMap<>();
        vm.put("value", v.value());
        vm.put("reports", v.reports());
        values.add(vm);
      }
      cm.put("values", values);
      conflicts.add(cm);
    }
    m.put("conflicts", conflicts);
    List<Map<String, Object>> rs = new ArrayList<>();
    for (ReportView rv : reports) {
      Report r = rv.report();
      Article a = rv.article();
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("id", r.id());
      rm.put("article_id", a.id());
      rm.put("url", a.url());
      rm.put("outlet", a.outlet());
      rm.put("published", a.published() == null ? null : a.published().iso());
      rm.put("source_path", a.sourcePath());
      rm.put("origin", r.origin());
      rm.put("attribution", r.attribution());
      rm.put("certainty", r.certainty().label());
      rm.put("background", r.background());
      rm.put("recap", r.recap());
      rm.put("date", r.date().isKnown() ? r.date().iso() : null);
      rm.put("evidence", r.evidence());
      rm.put("evidence_span", List.of(r.evidenceStart(), r.evidenceEnd()));
      rm.put("flags", a.flags().stream().map(ArticleFlag::label).sorted().toList());
      rm.put("claims", claims(r, a));
      rs.add(rm);
    }
    m.put("reports", rs);
    return m;
  }

  /** A report's claims, each with its span and the sentence of the article it stands on. */
  private static List<Map<String, Object>> claims(Report r, Article a) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Claim c : r.claims()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("field", c.field());
      cm.put("value", c.value());
      cm.put("span", List.of(c.start(), c.end()));
      cm.put("evidence", ClaimEvidence.sentence(a.text(), c));
      out.add(cm);
    }
    return out;
  }

  public static Map<String, Object> article(Article a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("url", a.url());
    m.put("source_path", a.sourcePath());
    m.put("outlet", a.outlet());
    m.put("title", a.title());
    m.put("byline", a.byline());
    m.put("published", a.published() == null ? null : a.published().iso());
    m.put("language", a.language());
    m.put("flags", a.flags().stream().map(ArticleFlag::label).sorted().toList());
    m.put("copy_of", a.copyOf());
    m.put("content_hash", a.contentHash());
    m.put("text", a.text());
    return m;
  }

  public static String line(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
