package org.watchfloor.serve.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.watchfloor.model.Event;
import org.watchfloor.model.Mention;
import org.watchfloor.model.Report;
import org.watchfloor.profile.EntityDef;
import org.watchfloor.profile.EntityKind;
import org.watchfloor.serve.ContractJson;
import org.watchfloor.serve.EventTitles;
import org.watchfloor.store.EventRows;
import org.watchfloor.serve.api.Entities;
import org.watchfloor.serve.api.SearchFacets;
import org.watchfloor.serve.api.EventFilter;
import org.watchfloor.serve.api.StoreReads;
import org.watchfloor.store.SearchIndex;

/** The models the page templates render: one record per page. */
public final class Views {

  private Views() {}

  /** The timeline: a page of events, the filter that chose them, and links to the next pages. */
  public record Timeline(StoreReads.EventPage page, EventFilter filter, StoreReads.Facets facets,
      @Nullable String previous, @Nullable String next, Entities entities, EventTitles titles) {

    public static Timeline of(StoreReads.EventPage page, EventFilter filter, StoreReads.Facets facets, Entities entities,
        EventTitles titles) {
      String prev = page.offset() > 0 ? link(filter, Math.max(0, page.offset() - page.limit()), page.limit()) : null;
      String next = page.offset() + page.limit() < page.total() ? link(filter, page.offset() + page.limit(), page.limit()) : null;
      return new Timeline(page, filter, facets, prev, next, entities, titles);
    }

    /** The choices of the background-only and planned filters, with the words the form shows. */
    public static final List<Map.Entry<EventRows.Visibility, String>> VISIBILITIES = List.of(
        Map.entry(EventRows.Visibility.HIDE, "hide"), Map.entry(EventRows.Visibility.SHOW, "show"),
        Map.entry(EventRows.Visibility.ONLY, "only these"));

    /** The month filter as the form's value ({@code 2024-05}), or empty. */
    public String month() {
      return filter.month() == null ? "" : filter.month().toString();
    }

    /** The confidence of {@code e} in percent, rounded. */
    public static String confidence(Event e) {
      return Math.round(e.confidence() * 100) + "%";
    }

    /** The export of every event the filter keeps, in {@code format} ({@code csv} or {@code json}). */
    public String export(String format) {
      Map<String, String> p = new LinkedHashMap<>(filter.asParams());
      p.put("format", format);
      return "/api/v1/export/events?" + query(p);
    }

    /**
     * The launch table of the launches the filter keeps: its background-only launches are those
     * the page shows (the table, like the page, hides them by default); its planned ones are the
     * table's own to leave out.
     */
    public String launchExport() {
      Map<String, String> p = new LinkedHashMap<>(filter.asParams());
      p.remove("type");
      p.remove("planned");
      p.remove("background");
      if (filter.background() != EventRows.Visibility.HIDE) {
        p.put("background", filter.background().label());
      }
      return p.isEmpty() ? "/api/v1/export/launches" : "/api/v1/export/launches?" + query(p);
    }

    private static String link(EventFilter filter, int offset, int limit) {
      Map<String, String> p = new LinkedHashMap<>(filter.asPageParams());
      p.put("offset", Integer.toString(offset));
      p.put("limit", Integer.toString(limit));
      return "/?" + query(p);
    }

    public String from() {
      return filter.from() == null ? "" : filter.from().toString();
    }

    public String to() {
      return filter.to() == null ? "" : filter.to().toString();
    }
  }

  /** The event page. */
  /**
   * The event page: the event, its reports and claims, the analyst's edits of it, and, for a
   * logged-in analyst ({@code csrf} not null), what the edit forms need: the CSRF token and the
   * events near it that it might be merged with.
   */
  public record EventPage(Event event, String title, List<ContractJson.ReportView> reports, ClaimTable claims,
      Entities entities, ContractJson.EditView edits, @Nullable String csrf, List<Event> candidates,
      Map<String, String> originNames) {

    /** The chain a report came down: origin, wire, outlet. */
    public OriginChain chain(ContractJson.ReportView r) {
      return OriginChain.of(r.report(), r.article(), originNames);
    }

    /** Whether the report counts toward the event's independent origins (it tells the event as news and states it). */
    public boolean counts(ContractJson.ReportView r) {
      return r.report().confirms();
    }

    public boolean editable() {
      return csrf != null;
    }
  }

  /** The fields the correct form offers: every field a correction may name, as the API takes them. */
  public static final List<String> CORRECTABLE = org.watchfloor.resolve.Editor.correctableFields();

  /** What an edit did, in a few words for the history list. */
  public static String describe(org.watchfloor.model.Edit x) {
    return switch (x.kind()) {
      case CONFIRM -> "confirmed";
      case REJECT -> "rejected";
      case MERGE -> "merged event " + x.other() + " into " + x.target();
      case SPLIT -> "split " + x.articles().size() + " article" + (x.articles().size() == 1 ? "" : "s") + " off "
          + x.target();
      case CORRECT -> "set " + x.field() + " to \u201c" + x.value() + "\u201d";
    };
  }

  /** An entity page. */
  public record EntityPage(Entities.Detail detail) {}

  /** The list of entities, of one kind or all. */
  public record EntityList(@Nullable EntityKind kind, List<EntityDef> entities) {}

  /**
   * The article reader: the text cut at its mentions, and the events it reports. A sentence that
   * an event page links to (a claim's, a side of a conflict) is highlighted: the text is cut into
   * the part before it ({@code segments}), the sentence and the part after it, each cut at the
   * mentions wholly inside it.
   */
  public record ArticlePage(StoreReads.ArticleDetail detail, List<Segment> segments, List<Segment> sentence,
      List<Segment> after, List<ReportLink> reports) {

    public static ArticlePage of(StoreReads.ArticleDetail d, Map<String, String> eventOfReport) {
      return of(d, eventOfReport, null);
    }

    /** @param sentence the span {start, end} of the text to highlight, or {@code null} */
    public static ArticlePage of(StoreReads.ArticleDetail d, Map<String, String> eventOfReport, int @Nullable [] sentence) {
      List<Mention> mentions = d.mentions();
      List<ReportLink> links = d.reports().stream()
          .map(r -> new ReportLink(r, eventOfReport.get(r.id()))).collect(Collectors.toList());
      String text = d.article().text();
      if (sentence == null) {
        return new ArticlePage(d, Segment.ofMentions(text, mentions), List.of(), List.of(), links);
      }
      return new ArticlePage(d, part(text, mentions, 0, sentence[0]), part(text, mentions, sentence[0], sentence[1]),
          part(text, mentions, sentence[1], text.length()), links);
    }

    private static List<Segment> part(String text, List<Mention> mentions, int from, int to) {
      List<Mention> inside = mentions.stream().filter(m -> m.start() >= from && m.end() <= to)
          .map(m -> new Mention(m.kind(), m.start() - from, m.end() - from, m.text(), m.value())).toList();
      return Segment.ofMentions(text.substring(from, to), inside);
    }
  }

  /** A report and the event it was merged into, if any. */
  public record ReportLink(Report report, @Nullable String eventId) {}

  /** The search page. */
  public record Search(String query, @Nullable String error, List<Hit> hits, int total,
      List<SearchFacets.Facet> facets, SearchFacets.Selection selection, @Nullable String staleIndex, boolean partial,
      int limit, int offset) {

    public static Search empty(String query, @Nullable String error) {
      return new Search(query, error, List.of(), 0, List.of(), new SearchFacets.Selection(Map.of()), null, false, 50, 0);
    }

    /** The page before this one, or {@code null} on the first. */
    public @Nullable String previous() {
      return offset == 0 ? null : page(Math.max(0, offset - limit));
    }

    /** The page after this one, or {@code null} on the last or past the farthest hit served ({@link SearchIndex#MAX_HIT_WINDOW}). */
    public @Nullable String next() {
      int after = offset + limit;
      return after >= total || after + limit > SearchIndex.MAX_HIT_WINDOW ? null : page(after);
    }

    /** "51–100 of 312": which hits this page shows. */
    public String range() {
      return hits.isEmpty() ? "0 of " + total : (offset + 1) + "–" + (offset + hits.size()) + " of " + total;
    }

    private String page(int at) {
      Map<String, String> p = params();
      if (limit != 50) {
        p.put("limit", Integer.toString(limit));
      }
      if (at > 0) {
        p.put("offset", Integer.toString(at));
      }
      return "/search?" + Views.query(p);
    }

    /** This search narrowed further to {@code facet = value}. */
    public String with(String facet, String value) {
      Map<String, String> p = params();
      p.put(facet, value);
      return "/search?" + Views.query(p);
    }

    /** This search without its {@code facet} narrowing. */
    public String without(String facet) {
      Map<String, String> p = params();
      p.remove(facet);
      return "/search?" + Views.query(p);
    }

    private Map<String, String> params() {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("q", query);
      for (String name : SearchFacets.NAMES) {
        String v = selection.get(name);
        if (v != null) {
          p.put(name, v);
        }
      }
      return p;
    }
  }

  /** A search hit with its snippet cut at the matches. */
  public record Hit(SearchIndex.Hit hit, List<Segment> snippet) {
    public String href() {
      return ("event".equals(hit.kind()) ? "/events/" : "/articles/") + encode(hit.id());
    }
  }

  /** The article browser: a page of originals, each with its copies folded under it, and links to the next pages. */
  public record Articles(StoreReads.ArticleList list, @Nullable String previous, @Nullable String next) {

    public static Articles of(StoreReads.ArticleList l) {
      String prev = l.offset() > 0 ? "/articles?offset=" + Math.max(0, l.offset() - l.limit()) + "&limit=" + l.limit() : null;
      String next = l.offset() + l.limit() < l.total() ? "/articles?offset=" + (l.offset() + l.limit()) + "&limit=" + l.limit()
          : null;
      return new Articles(l, prev, next);
    }
  }

  /** The charts page, with the events per month by type also as a table of links. */
  public record Charts(StoreReads.PerMonth perType) {

    /** The timeline of the events a bar counts: those of {@code type} dated in {@code month}. */
    public static String timeline(String type, String month) {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("type", type);
      p.put("month", month);
      return "/?" + query(p);
    }

    /** The months with at least one event, newest first: the table's rows. */
    public List<Integer> monthsWithEvents() {
      List<Integer> out = new java.util.ArrayList<>();
      for (int i = perType.months().size() - 1; i >= 0; i--) {
        int at = i;
        if (perType.series().stream().anyMatch(s -> s.count(at) > 0)) {
          out.add(i);
        }
      }
      return out;
    }
  }

  /** An error page. */
  public record Error(int status, String message) {}

  /**
   * The Alerts page: the rules with how their deliveries stand, the latest alerts, and the form to
   * add a rule or change one, with what the last change did ({@code notice}) or why it was refused
   * (the form's problems).
   *
   * @param csrf the session's token, which the page's forms carry
   * @param eventTypes the watch profile's event types, offered by the form
   */
  public record Alerts(List<AlertRule> rules, List<AlertSent> latest, RuleForm form, @Nullable Notice notice,
      String csrf, List<String> eventTypes) {}

  /** What a change of the rules did; the feed's URL and a webhook's secret are shown only here, once. */
  public record Notice(String message, @Nullable String feedUrl, @Nullable String webhookSecret) {}

  /** A rule, what it selects in words, how many alerts it decided, its deliveries per target, and its digests per address. */
  public record AlertRule(org.watchfloor.model.AlertRule rule, String description, int alerts,
      List<org.watchfloor.store.AlertRows.Tally> tallies, List<org.watchfloor.store.AlertRows.DigestTally> digests) {}

  /** An alert and where its deliveries stand. */
  public record AlertSent(org.watchfloor.model.Alert alert, List<org.watchfloor.model.AlertDelivery> deliveries) {}

  /** The URL if it is plain http(s); anything else ({@code javascript:}, {@code data:}) is not linked. */
  public static @Nullable String safeUrl(@Nullable String url) {
    if (url == null) {
      return null;
    }
    String lower = url.strip().toLowerCase(java.util.Locale.ROOT);
    return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
  }

  /**
   * Article text with its bidirectional controls (embeddings, overrides, isolates) shown as
   * visible codes: escaping makes markup inert, but an RTL override would still reorder what the
   * analyst reads.
   */
  public static @Nullable String inert(@Nullable String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean control = c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
      if (control && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (control) {
          out.append(String.format(java.util.Locale.ROOT, "[U+%04X]", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String query(Map<String, String> params) {
    return params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }
}
